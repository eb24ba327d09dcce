"""Forms of one initiative: merged across a file, and the short forms kept as aliases.
Words: the ``initiatives`` section of data/resolve.yaml."""
from __future__ import annotations

import re
from collections import Counter

from orgkg.extractors import knowledge as lexicon
from orgkg.extractors.resolve.context import QUOTES


def _w():
    return lexicon.data_file("resolve.yaml")["initiatives"]


def merge_initiatives(names: list) -> dict:
    """Forms of one initiative inside a file: names sharing a tail of five or more
    characters (社会主义现代化新重庆建设, 新时代新征程新重庆建设 -> 现代化新重庆建设) or the same
    quoted head (“双高”建设, “双高”项目建设). The most frequent form, then the shortest,
    names them all. Returns form -> chosen name."""
    counts = Counter(names)
    bare = {n: re.sub(f"[{QUOTES}]", "", n) for n in counts}
    out = {}
    for n in counts:
        lead = re.match(_w()["quoted_head"], n)
        group = [m for m in counts if m != n and (_shared_tail(bare[m], bare[n]) >= _w()["shared_tail"]
                                                  or lead and m.startswith(lead.group()))]
        if group:
            out[n] = max(group + [n], key=lambda m: (counts[m], -len(m)))
    return out


def _shared_tail(a: str, b: str) -> int:
    k = 0
    while k < min(len(a), len(b)) and a[-1 - k] == b[-1 - k]:
        k += 1
    return k


def initiative_aliases(name: str) -> list:
    """The forms without quotes and without a suffix (“双高”建设 -> 双高建设, 双高)."""
    core = re.sub(f"[{QUOTES}]", "", name)
    out = [core]
    for suf in _w()["suffixes"]:
        if core.endswith(suf) and len(core) > len(suf) + 1:
            out.append(core[: -len(suf)])
    if core.endswith(_w()["theme_education"]):
        out.append(_w()["theme_education"])
    return out
