"""Normalise text for matching while keeping a map back to the original offsets.

Minimal first version: joins lines broken inside a sentence, drops spaces
between CJK characters and digits, folds full-width forms with NFKC.
"""
from __future__ import annotations

import re
import unicodedata

_CJK = re.compile(r"[\u3400-\u9fff\uf900-\ufaff0-9A-Za-z\uff10-\uff19（）《》“”、，]")
_END = set("。！？；：!?;:")


def normalize(raw: str, start: int = 0, end: int | None = None) -> tuple[str, list]:
    """Return (text, offsets) for raw[start:end]; offsets has len(text) + 1 entries."""
    end = len(raw) if end is None else end
    out, offsets = [], []
    i = start
    while i < end:
        ch = raw[i]
        if ch in " \t\u3000\r\n":
            j = i
            while j < end and raw[j] in " \t\u3000\r\n":
                j += 1
            gap = raw[i:j]
            prev = out[-1] if out else ""
            nxt = raw[j] if j < end else ""
            blank_line = gap.count("\n") >= 2 and not (_CJK.match(prev or " ") and _CJK.match(nxt or " ") and prev not in _END)
            if prev and nxt and _CJK.match(prev) and _CJK.match(nxt) and not blank_line and prev not in _END:
                pass  # a break inside a sentence: drop it
            elif out and out[-1] != "\n":
                out.append("\n" if "\n" in gap else " ")
                offsets.append(i)
            i = j
            continue
        folded = unicodedata.normalize("NFKC", ch) if "\uff01" <= ch <= "\uff5e" and ch not in "（），：；！？" else ch
        for c in folded:
            out.append(c)
            offsets.append(i)
        i += 1
    offsets.append(end if not offsets else offsets[-1] + 1)
    return "".join(out), offsets
