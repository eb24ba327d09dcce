"""Evidence as rows: a relation's sentences, one row each, ready to read.

A store keeps each relation's evidence as JSON strings (store/base.py); a query
that returns them in a column named ``evidence`` gets that column replaced by
document, date, file, start, end and sentence, one row per sentence. Sentences
lose the line breaks the file had, so a table row is one line.

>>> rows = expand(QueryResult(["relation", "evidence"], [["LEADS", [
...     '{"file": "a.txt", "sentence": "贺军科同志任\\\\n书记", "start": 5, "end": 15, "date": "2023-06-29"}']]]))
>>> rows.columns
['relation', 'document', 'date', 'file', 'start', 'end', 'sentence']
>>> rows.rows[0][-1]
'贺军科同志任书记'
"""
from __future__ import annotations

import json
import re

from .store.base import QueryResult

COLUMN = "evidence"
FIELDS = ("document", "date", "file", "start", "end", "sentence")
_BREAK = re.compile(r"[ \t\u3000]*\r?\n[ \t\u3000]*")


def one_line(sentence: str) -> str:
    """The sentence without the file's line breaks (Chinese text joins without a space)."""
    return _BREAK.sub("", sentence or "").strip()


def parse(item) -> dict:
    """One evidence item, from the store's JSON string or already a dict."""
    if isinstance(item, dict):
        return item
    try:
        found = json.loads(item)
    except (TypeError, json.JSONDecodeError):
        return {"sentence": str(item)}
    return found if isinstance(found, dict) else {"sentence": str(found)}


def keep(item: dict, skip_rules=(), as_of=None) -> bool:
    """False for evidence from a skipped rule (by prefix) or, with ``as_of``,
    from a document that is later or undated."""
    if any(str(item.get("rule", "")).startswith(prefix) for prefix in skip_rules):
        return False
    return as_of is None or bool(item.get("date")) and item["date"] <= as_of


def expand(result: QueryResult, skip_rules=(), as_of=None) -> QueryResult:
    """``result`` with its evidence column spread into one row per sentence.
    A column the query returns itself (document, date) keeps its value unless null."""
    if COLUMN not in result.columns:
        return result
    at = result.columns.index(COLUMN)
    before, after = result.columns[:at], result.columns[at + 1:]
    added = [f for f in FIELDS if f not in before and f not in after]
    rows = []
    for row in result.rows:
        for item in items(row[at], skip_rules, as_of):
            values = _filled(dict(zip(result.columns, row)), item)
            rows.append([values[c] for c in before + added + after])
    return QueryResult(before + added + after, rows)


def items(evidence, skip_rules=(), as_of=None) -> list:
    """The evidence items kept (see :func:`keep`), in file order."""
    parsed = (parse(i) for i in evidence or [])
    kept = (i for i in parsed if keep(i, skip_rules, as_of))
    return sorted(kept, key=lambda e: (e.get("file", ""), e.get("start", 0)))


def _filled(values: dict, item: dict) -> dict:
    for f in FIELDS:
        if values.get(f) is None:
            values[f] = one_line(item.get(f)) if f == "sentence" else item.get(f)
    return values
