"""What the reading layer hands to extraction.

A ``Source`` is one input file as decoded text. A file may hold several
``Document``s (a notice and the work plan it issues; a news report and the
speech it carries). Extraction works on ``Document.text``, the normalised
text (lines broken mid-sentence joined, full-width folded for matching);
``Document.offsets`` maps every index of that text back into ``Source.raw``
so every span in the export points into the original file.

What ``Source.raw`` is: for text files, the decoded text (BOM removed); for
PDF, DOCX and HTML, the text extracted from them (see reader.py). Offsets,
and the export's start/end, count characters of ``Source.raw``.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path


@dataclass
class Source:
    path: Path
    raw: str                      # the file's full decoded text, as offsets count it
    encoding: str = "utf-8"       # how the bytes were decoded ("pdf"/"docx"/"html" for extracted text)
    format: str = "txt"           # txt | pdf | docx | html: what ``raw`` was taken from

    @property
    def name(self) -> str:
        """The file's name as text: bytes that are not UTF-8 as \\xNN, no control characters."""
        from orgkg.graph.printable import file_name
        return file_name(self.path.name)


@dataclass
class Document:
    source: Source
    text: str                     # normalised text of this document
    offsets: list                 # offsets[i] = index in source.raw of text[i]; len(text) + 1 entries
    sentences: list = field(default_factory=list)   # (start, end) spans in text
    meta: dict = field(default_factory=dict)        # 公文要素: number, issuer, date, title, addressees, ...
    index: int = 0                # position of this document inside its file

    @property
    def file(self) -> str:
        return self.source.name

    def raw_span(self, start: int, end: int) -> tuple:
        """Offsets in the original file of text[start:end]."""
        if end <= start:
            pos = self.offsets[start]
            return pos, pos
        return self.offsets[start], self.offsets[end - 1] + 1

    def raw_text(self, start: int, end: int) -> str:
        """text[start:end] as it stands in the file (line breaks and all)."""
        a, b = self.raw_span(start, end)
        return self.source.raw[a:b]

    def mention(self, start: int, end: int) -> dict:
        """Where text[start:end] stands in the file; ``text`` is the words as
        matched (a body named only through a post, like 市长, keeps that word)."""
        a, b = self.raw_span(start, end)
        return {"file": self.file, "start": a, "end": b, "text": self.text[start:end]}

    def evidence(self, start: int, end: int, rule: str, confidence: float = 1.0) -> dict:
        """Provenance of a relation stated in text[start:end] (usually one sentence),
        with the document's date and title when its header gives them, so that
        every edge can be placed in time and traced to its document."""
        a, b = self.raw_span(start, end)
        found = {"file": self.file, "sentence": self.source.raw[a:b], "start": a, "end": b,
                 "rule": rule, "confidence": confidence}
        for key, meta_key in (("date", "date"), ("document", "title")):
            if self.meta.get(meta_key):
                found[key] = self.meta[meta_key]
        return found

    def sentence_at(self, pos: int) -> tuple:
        for start, end in self.sentences:
            if start <= pos < end:
                return start, end
        return 0, len(self.text)
