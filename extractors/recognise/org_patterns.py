"""Organisations found by a whole pattern rather than from their suffix: national
bodies from the gazetteer, admin-level lists (各省、自治区、直辖市科协), classes given a
duty (各高校要…, 要求各街道…), term bodies (十九届中央委员会), 监委 beside 纪委, the youth
league's 团省委, news bylines and names listed before 等企业. The patterns are in
data/org_patterns.yaml.

>>> [c.text for c in find_pattern_orgs("会议要求，各街道、各镇要抓好落实。")]
['各街道', '各镇']
"""
from __future__ import annotations

import re
from functools import lru_cache

from orgkg.extractors import knowledge as lexicon
from orgkg.extractors.recognise.spans import Cand

DATA_FILE = "org_patterns.yaml"


DATA = lexicon.DataFile(DATA_FILE)
_word, _regex = DATA.word, DATA.pattern


@lru_cache(maxsize=None)
def _regexes(key: str) -> tuple:
    """A list of patterns, each compiled."""
    return tuple(re.compile(p) for p in _word(key))


@lru_cache(maxsize=None)
def _media():
    """A news source named as such: 据某日报消息, 【某网】, 微信公众号“某某发布”."""
    lex = lexicon.load()
    alt = lambda key: "|".join(map(re.escape, sorted(lex.w(key), key=len, reverse=True)))  # noqa: E731
    return re.compile(f"(?:{alt('media_openers')})" + r"([\u4e00-\u9fff]{2,18}?"
                      + f"(?:{alt('media_suffixes')}))" + _word("media_follows"))


@lru_cache(maxsize=None)
def _national():
    return re.compile(lexicon.national_alternation())


def find_pattern_orgs(text: str) -> list:
    """National bodies, admin-level lists (各省、自治区、直辖市科协), term bodies
    (十九届中央委员会), 纪委监委 pairs and names listed before 等企业."""
    return [c for find in FINDERS for c in find(text)]


def _national_bodies(text: str) -> list:
    national = lexicon.load().national
    return [Cand(m.start(), m.end(), m.group(), "Organization", props={"national": national[m.group()]})
            for m in _national().finditer(text)]


def _admin_lists(text: str) -> list:
    return [Cand(m.start(), m.end(), m.group(), "Organization", collective=True) for m in DATA.finditer("admin_list", text)]


def _duty_classes(text: str) -> list:
    return [Cand(m.start(), m.end(), m.group(), "Organization", collective=True) for m in DATA.finditer("duty_class", text)]


def _asked_classes(text: str) -> list:
    out, ends, mark = [], tuple(_word("class_ends")), _word("collective_mark")
    for m in DATA.finditer("asked_classes", text):
        pos = m.start(1)
        for item in m.group(1).split("、"):
            if item.endswith(ends) and mark in item:
                out.append(Cand(pos, pos + len(item), item, "Organization", collective=True))
            pos += len(item) + 1
    return out


def _term_bodies(text: str) -> list:
    full = _word("term_body_full_name")
    return [Cand(m.start(), m.end(), m.group(), "Organization",
                 props={"canonical": full.format(number=m.group(1), body=m.group(2))})
            for m in DATA.finditer("term_body", text)]


def _supervision_commissions(text: str) -> list:
    return [Cand(m.start(2), m.end(2), m.group(2), "Organization", props={"resolve_as": m.group(1) + m.group(2)})
            for m in DATA.finditer("supervision_beside_discipline", text)]


def _league_committees(text: str) -> list:
    return [Cand(m.start(), m.end(), m.group(), "Organization")
            for pattern in _regexes("league_committees") for m in pattern.finditer(text)]


def _zone_committees(text: str) -> list:
    out = []
    for m in DATA.finditer("zone_committee", text):
        # 某高新区党工委书记、管委会主任: the zone the party post names
        zone = _regex("zone_party_post").search(text[max(0, m.start() - 24):m.start()])
        props = {"canonical": zone.group(1) + _word("zone_committee_full")} if zone else {}
        out.append(Cand(m.start(), m.end(), m.group(), "Organization", props=props))
    return out


def _prefecture_bodies(text: str) -> list:
    return [Cand(m.start(), m.end(), m.group(), "Organization") for m in DATA.finditer("prefecture_bodies", text)]


def _media_sources(text: str) -> list:
    found = [*_media().finditer(text), *DATA.finditer("media_credit", text)]
    return [Cand(m.start(1), m.end(1), m.group(1), "Organization", props={"media": True}) for m in found]


def _bylines(text: str) -> list:
    return [Cand(m.start(1), m.end(1), m.group(1), "Organization", props={"media": True})
            for m in DATA.finditer("byline", text)]


def _stationed_groups(text: str) -> list:
    """A discipline inspection group stationed in a body, named whole: 某县纪委监委驻某局纪检监察组;
    and the body a group is stationed in, where the text names only that (驻科技部纪检监察组)."""
    groups = [Cand(m.start(), m.end(), m.group(), "Organization") for m in DATA.finditer("stationed_group", text)]
    hosts = [Cand(m.start(), m.end(), m.group(), "Organization") for m in DATA.finditer("stationed_in", text)]
    return groups + hosts


def _department_lists(text: str) -> list:
    """A list of bare departments (县政府办、公安局、财政局…负责人): each a department of the
    place the text speaks for; the resolver puts the place in front."""
    out = []
    for m in DATA.finditer("department_list", text):
        pos = m.start()
        for item in m.group().split("、"):
            if _regex("department_item").fullmatch(item):
                out.append(Cand(pos, pos + len(item), item, "Organization", props={"department": True}))
            pos += len(item) + 1
    return out


def is_stationed_group(name: str) -> bool:
    """Whether ``name`` is a stationed discipline inspection group's name as a whole."""
    return bool(_regex("stationed_group_name").fullmatch(name))


def _listed_names(text: str) -> list:
    out = []
    verbs = lexicon.verbs()
    for m in DATA.finditer("listed_names", text):
        if m.start() and text[m.start() - 1] not in "，。；：、\n（“":
            continue
        pos = m.start()
        for item in m.group(1).split("、"):
            if 2 <= len(item) <= 8 and not any(w in item for w in verbs):
                out.append(Cand(pos, pos + len(item), item, "Organization", props={"listed": True}))
            pos += len(item) + 1
    return out


# candidates come in this order, and where two are the same span the earlier one wins
# (spans.select keeps the order of equals)
FINDERS = (_national_bodies, _admin_lists, _duty_classes, _asked_classes, _term_bodies,
           _supervision_commissions, _league_committees, _zone_committees, _prefecture_bodies,
           _media_sources, _bylines, _stationed_groups, _department_lists, _listed_names)
