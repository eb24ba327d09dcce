"""Split a Source into Documents and a Document's text into sentences.

Minimal first version: one document per file.
"""
from __future__ import annotations

import re

from .document import Document, Source
from .normalize import normalize

_SENT_END = re.compile(r"[。！？；!?;]|\n")


def split_sentences(text: str) -> list:
    spans, start = [], 0
    for m in _SENT_END.finditer(text):
        end = m.end()
        if text[start:end].strip():
            spans.append((start, end))
        start = end
    if text[start:].strip():
        spans.append((start, len(text)))
    return spans


def split_documents(source: Source) -> list:
    text, offsets = normalize(source.raw)
    return [Document(source=source, text=text, offsets=offsets, sentences=split_sentences(text))]
