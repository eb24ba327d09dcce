"""Titled texts: every 《…》 title. The source document itself is added by
extract.py from ``Document.meta`` (its title, number and issuer).

>>> [c.text for c in find_titles("严格落实《中国共产党党内监督条例》。")]
['中国共产党党内监督条例']
"""
from __future__ import annotations

import re
from functools import lru_cache

from orgkg.extractors import knowledge as lexicon
from orgkg.extractors.recognise.spans import Cand

TITLE = re.compile(r"《([^《》\n]{2,120})》")


@lru_cache(maxsize=None)
def _congress_report():
    """The report of a congress: 党的二十大报告 (pattern in data/documents.yaml)."""
    return re.compile(lexicon.data_file("documents.yaml")["congress_report"])


@lru_cache(maxsize=None)
def _known():
    forms = {}
    for row in lexicon.rows("known_documents.tsv"):
        for f in row[1].split("|"):
            forms[f] = row[0]
    return forms, re.compile("|".join(sorted(map(re.escape, forms), key=len, reverse=True)))


def find_titles(text: str) -> list:
    out = []
    for m in TITLE.finditer(text):
        name = re.sub(r"\s+", "", m.group(1))
        out.append(Cand(m.start(), m.end(), name, "Document", props={"inner": (m.start(1), m.end(1))}))
    for m in _congress_report().finditer(text):
        out.append(Cand(m.start(), m.end(), m.group(), "Document"))
    forms, known = _known()
    for m in known.finditer(text):
        if text[m.end():m.end() + 1] not in "》" and text[m.start() - 1:m.start()] != "《":
            out.append(Cand(m.start(), m.end(), m.group(), "Document", props={"canonical": forms[m.group()]}))
    return out
