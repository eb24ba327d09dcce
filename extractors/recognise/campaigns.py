"""Campaigns named without a suffix such as 行动 or 工程: the object of a campaign verb
(深入开展 / 扎实推进 / 持续推进 …) that ends in a campaign word (整治, 整顿, 攻坚, 振兴 …):
扎实推进城市更新攻坚, 深入开展农村人居环境整治. The verb is what makes the phrase a
named effort that bodies carry out; without it 攻坚 or 改革 is an ordinary word.

>>> [c.text for c in find_campaigns("各县要持续推进营商环境攻坚，深入推进改革。")]
['营商环境攻坚']
>>> [c.text for c in find_campaigns("召开全市河湖治理推进会。")]
['河湖治理']
"""
from __future__ import annotations

import re
from functools import lru_cache

from orgkg.extractors import knowledge as lexicon
from orgkg.extractors.recognise.spans import Cand

CLOSE_QUOTE = "”"


DATA = lexicon.DataFile("campaigns.yaml")
_data, _words = DATA.all, DATA.words


@lru_cache(maxsize=None)
def _pattern():
    verbs = "|".join(sorted(_words("verbs"), key=len, reverse=True))
    ends = "|".join(_words("ends"))
    return re.compile("|".join(_data()["pattern"]).replace("{verbs}", verbs).replace("{ends}", ends))


@lru_cache(maxsize=None)
def _scope():
    return re.compile(_data()["scope"])


def _object(m):
    """The campaign a match names, and where it starts, less a scope in front (全市)."""
    k = next(i for i in (1, 2, 3) if m.group(i))
    name, start = m.group(k), m.start(k)
    scope = _scope().match(name)
    if scope:
        name, start = name[scope.end():], start + scope.end()
    return name, start


def _ordinary(name: str, generic: set, slogans) -> bool:
    """Whether the object is ordinary work rather than a named effort: a short or weak
    head (能力提升, 深化改革), a generic activity, a slogan."""
    end_word = next(e for e in _words("ends") if name.endswith(e))
    head = name[: -len(end_word)]
    # 基层治理, 依法治理, 市场化改革: a short head before these words names a kind of work
    min_head = 4 if end_word in _words("long_head") and CLOSE_QUOTE not in head else 2
    return len(head) < min_head or name in generic or head.endswith(_words("weak_heads")) \
        or _data()["not_inside"] in name or any(s in name for s in slogans)


@lru_cache(maxsize=1)
def _generic() -> frozenset:
    return frozenset(lexicon.load().w("initiative_generic"))


def find_campaigns(text: str) -> list:
    generic, slogans = _generic(), lexicon.load().w("slogans")
    out = []
    for m in _pattern().finditer(text):
        name, start = _object(m)
        if not _ordinary(name, generic, slogans):
            out.append(Cand(start, start + len(name), name, "Initiative"))
    return out
