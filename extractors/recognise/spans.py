"""What every finder returns, and the helpers they share."""
from __future__ import annotations

import re

from dataclasses import dataclass, field

CJK = re.compile(r"[\u4e00-\u9fff]")


@dataclass
class Cand:
    start: int
    end: int
    text: str
    label: str                 # an entity label of graph/schema.yaml: Organization, Person, …
    collective: bool = False
    props: dict = field(default_factory=dict)

    @property
    def length(self) -> int:
        return self.end - self.start


def is_cjk(ch: str) -> bool:
    return bool(ch) and "\u4e00" <= ch <= "\u9fff"


def overlaps(start: int, end: int, taken) -> bool:
    """Whether [start, end) shares a character with any (start, end) span of ``taken``."""
    return any(s < end and start < e for s, e in taken)


class Covered:
    """The characters that (start, end) spans taken so far cover: whether a span shares one
    costs its own length, not the number of spans taken (hundreds in a long document)."""

    def __init__(self, spans=()):
        self.chars = set()
        for start, end in spans:
            self.add(start, end)

    def add(self, start: int, end: int) -> None:
        self.chars.update(range(start, end))

    def overlaps(self, start: int, end: int) -> bool:
        return not self.chars.isdisjoint(range(start, end))


def select(cands: list, priority=None) -> list:
    """Longest-first non-overlapping selection (ties: earlier first, then priority)."""
    priority = priority or {}
    chosen, taken = [], Covered()
    for c in sorted(cands, key=lambda c: (-c.length, priority.get(c.label, 9), c.start)):
        if taken.overlaps(c.start, c.end):
            continue
        chosen.append(c)
        taken.add(c.start, c.end)
    return sorted(chosen, key=lambda c: c.start)


def matching_open(text: str, close_pos: int, limit: int = 14) -> int:
    """Index of the '（' matching the '）' at close_pos, or -1."""
    depth = 0
    for i in range(close_pos, max(-1, close_pos - limit), -1):
        if text[i] in "）)":
            depth += 1
        elif text[i] in "（(":
            depth -= 1
            if depth == 0:
                return i
    return -1


def curly(text: str) -> str:
    """Straight double quotes turned into alternating “ ” (same length, so offsets hold)."""
    if '"' not in text:
        return text
    out, opening = [], True
    for ch in text:
        if ch == '"':
            out.append("“" if opening else "”")
            opening = not opening
        else:
            out.append(ch)
    return "".join(out)
