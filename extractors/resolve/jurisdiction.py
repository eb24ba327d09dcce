"""Which place a document speaks for, so that its bare forms (市委, 省长, 校党委) can be
spelled out: the issuer's own name, the number's one-character prefix, the title, the
places a news item names for the levels it uses bare, or the university that writes it.

>>> level_place("省", Jurisdiction("无锡市", "city"))
'江苏省'
"""
from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache
from types import SimpleNamespace

import numpy as np

from orgkg.extractors import knowledge as lexicon

# the words and patterns below are data: extractors/data/jurisdiction.yaml says what each is
DATA = lexicon.data_file("jurisdiction.yaml")
WORDS = SimpleNamespace(**DATA["words"])


def _alternatives(items) -> str:
    return "|".join(items)


def _local_place_pattern(spec: dict) -> str:
    """A name ending in a level word (not a bare level word), followed by one of its bodies."""
    return r"(?!{})([\u4e00-\u9fff]{{1,8}}?(?:{}))(?={}|{})".format(
        spec["not_a_place"], _alternatives(spec["ends"]), _alternatives(spec["bodies"]), spec["congress"])


@lru_cache(maxsize=None)
def _pattern(key: str) -> re.Pattern:
    return re.compile(DATA[key])


PARTY = tuple(DATA["party"])
LOCAL_PLACE = re.compile(_local_place_pattern(DATA["local_place"]))
ZONES = tuple(DATA["zones"])
SUB_LEVELS = tuple(DATA["sub_levels"]) + ZONES
SCHOOL_END = tuple(DATA["school_end"])
SCHOOL = _pattern("school_issuer")
PREFECTURE_BODIES = tuple(DATA["prefecture_bodies"])
BARE_LEVELS = tuple(DATA["bare_levels"])
PROVINCE_LEVELS = tuple(DATA["province_levels"])


@dataclass(frozen=True)
class Jurisdiction:
    name: str          # 重庆市; 浙江大学 for a university's own documents; "" for national documents
    level: str         # province | city | county | district | town | school | national


NATIONAL = Jurisdiction("", "national")


def strip_party(s: str) -> tuple:
    for p in PARTY:
        if s.startswith(p) and len(s) > len(p):
            return True, s[len(p):]
    return False, s


def level_place(level: str, juris: Jurisdiction) -> str:
    """The place a bare level character names in a document of ``juris``: 市 in a Chongqing
    document is 重庆市; 省 in a city's document its province; 市 in 成都市武侯区 成都市."""
    if level in SUB_LEVELS and juris.name.endswith(level):
        return juris.name
    if level not in BARE_LEVELS or not juris.name:
        return ""
    if juris.name.endswith(level):
        return juris.name
    return _level_above(level, juris)


def _level_above(level: str, juris: Jurisdiction) -> str:
    """A level above the document's own place: its region or province, its city."""
    p = lexicon.load().places.get(juris.name)
    # 自治区 in a city's news is its region (自治区党委 in a Lhasa item is 中共西藏自治区委员会)
    if level in PROVINCE_LEVELS and p and (p.parent or "").endswith(level) and juris.level == "city":
        return p.parent
    city = _pattern("city_of_district").match(juris.name)
    if level == WORDS.city and city and juris.level in ("county", "district"):
        return city.group()
    return _above_county(level, p) if p and p.level == "county" else ""


def _above_county(level: str, county) -> str:
    """市 in a county's document is its prefecture city, 省 its province (紫阳县: 安康市, 陕西省)."""
    city = lexicon.load().places.get(county.parent)
    if level == WORDS.city and county.parent.endswith(WORDS.city):
        return county.parent
    if level in PROVINCE_LEVELS and city and city.parent.endswith(level):
        return city.parent
    return ""


def infer_jurisdiction(doc, orgs: list) -> Jurisdiction:
    """From metadata hints, the document number's one-character prefix, the issuer, then the
    places most named in front of bodies; national when a national body issues it."""
    # surest sign first: after a school's own documents the issuer's name (苏科协发 may be
    # 江苏 or 苏州, 苏州市科协 is 苏州); counting the places a text names comes last
    for find in (_school_of, _issuer_of, _hinted, _numbered, _titled, _bare_levels_of, _unlisted_local, _most_named):
        found = find(doc, orgs)
        if found:
            return found
    return NATIONAL


def _place_jurisdiction(p) -> Jurisdiction:
    return Jurisdiction(p.name, p.level)


def _school_of(doc, orgs: list):
    school = _school(doc)
    return Jurisdiction(school, "school") if school else None


def _issuer_of(doc, orgs: list):
    return _issuer_jurisdiction(doc.meta.issuer or "")


def _hinted(doc, orgs: list):
    """The first hint in the metadata that names a known place."""
    for hint in doc.meta.jurisdiction_hints:
        p = lexicon.load().places.get(hint)
        if p:
            return _place_jurisdiction(p)
    return None


def _numbered(doc, orgs: list):
    """The one-character place prefix of the document number (or of the text's head)."""
    abbr_places = lexicon.load().abbr_places
    m = _pattern("number_prefix").search(doc.meta.number or doc.text[:400])
    if m and m.group(1) in abbr_places:
        return _place_jurisdiction(abbr_places[m.group(1)])
    return None


def _titled(doc, orgs: list):
    """The first place a title names, unless a national body is named there too."""
    places = lexicon.load().places
    title = doc.meta.title or ""
    named = [p for p in (places.get(title[i:i + n]) for i in range(len(title)) for n in (4, 3, 2)) if p]
    if named and not re.search(lexicon.national_alternation(), title):
        return _place_jurisdiction(named[0])     # 在武汉市科技创新大会上的讲话
    return None


def _bare_levels_of(doc, orgs: list):
    return _text_jurisdiction(doc.text, orgs)


def _unlisted_local(doc, orgs: list):
    """A county or district the gazetteer does not know: 某某县委书记…, 某某县科协, named
    at least twice and not the start of a longer known place."""
    local = Counter(m.group(1) for m in (LOCAL_PLACE.match(strip_party(o)[1]) for o in orgs)
                    if m and len(m.group(1)) > 2)
    if not local:
        return None
    name, n = local.most_common(1)[0]
    n = max(n, doc.text.count(name))
    if n >= 2 and not any(name.startswith(p) for p in lexicon.load().places if len(p) > 1 and p != name):
        return Jurisdiction(name, _local_level(name))
    return None


def _most_named(doc, orgs: list):
    """The place most named: in front of the bodies found, and by its short form in the text."""
    places = lexicon.load().places
    counts = Counter()
    for surface in orgs:
        p = _place_prefix_of(strip_party(surface)[1])
        if p:
            counts[p.name] += 1
    # a form named three times starts with a pair of characters seen three times
    for name, short in (f for pair in _often_pairs(doc.text) for f in _short_forms().get(pair, ())):
        k = doc.text.count(short)
        if k >= 3:
            counts[name] += k / 2
    if counts:
        name, n = counts.most_common(1)[0]
        if n >= 1.5:
            return _place_jurisdiction(places[name])
    return None


@lru_cache(maxsize=None)
def _short_forms() -> dict:
    """(name, short form) of every place whose short form has two characters or more, by
    the form's first two characters."""
    out = {}
    for p in sorted(set(lexicon.load().places.values()), key=lambda p: p.name):
        if len(p.short) > 1:
            out.setdefault(p.short[:2], []).append((p.name, p.short))
    return out


@lru_cache(maxsize=None)
def _short_form_pairs() -> tuple:
    """The first two characters of the short forms as sorted numbers, and a table saying
    which characters start one (so that a text's pairs are looked at only there)."""
    pairs = np.array(sorted(_pair_code(p) for p in _short_forms()), dtype=np.uint64)
    starts = np.zeros(0x110000, dtype=bool)
    starts[[ord(p[0]) for p in _short_forms()]] = True
    return pairs, starts


def _pair_code(pair: str) -> int:
    return ord(pair[0]) << 21 | ord(pair[1])     # a code point has 21 bits


def _often_pairs(text: str, times: int = 3) -> list:
    """The first two characters of short forms that stand ``times`` times or more in
    ``text`` (overlapping ones counted), in the order the text first names them.
    Counted over arrays of character codes: counting every pair of a long text one
    string at a time cost more than the rest of this module."""
    known, starts = _short_form_pairs()
    if not len(known):
        return []
    chars = np.frombuffer(text.encode("utf-32-le", "surrogatepass"), dtype=np.uint32)
    at = np.flatnonzero(starts[chars[:-1]])
    codes = chars[at].astype(np.uint64) << np.uint64(21) | chars[at + 1]
    found = np.searchsorted(known, codes)
    found[found == len(known)] = 0
    values, first, counts = np.unique(codes[known[found] == codes], return_index=True, return_counts=True)
    often = counts >= times
    return [chr(int(v) >> 21) + chr(int(v) & 0x1FFFFF) for _, v in sorted(zip(first[often], values[often]))]


def _place_prefix_of(core: str):
    """The longest known place a name starts with, or None."""
    for n in range(min(len(core), lexicon.longest_place()), 1, -1):
        p = lexicon.load().places.get(core[:n])
        if p:
            return p
    return None


def _issuer_jurisdiction(issuer: str):
    """The place an issuer's name starts with (gazetteer first, then a county or city the
    gazetteer does not list: 宁乡市科学技术协会); NATIONAL for a national body; else None."""
    if not issuer:
        return None
    lex = lexicon.load()
    _, core = strip_party(issuer)
    if any(core.startswith(f) for f in lex.national if len(f) > 2):
        return NATIONAL
    for n in range(min(len(core), lexicon.longest_place()), 1, -1):
        p = lex.places.get(core[:n])
        if p and p.named_by(core[:n]) or p and not core[n:n + 1] in WORDS.place_suffix_chars:
            return _place_jurisdiction(p)
    m = LOCAL_PLACE.match(core)
    if m and len(m.group(1)) > 2:
        return Jurisdiction(m.group(1), _local_level(m.group(1)))
    return None


def _local_level(name: str) -> str:
    """The level of a place the gazetteer does not list, from its last word."""
    for level, ends in DATA["local_levels"]:
        if name.endswith(tuple(ends)):
            return level
    return "district"


def _school(doc) -> str:
    """A university that issues the document (中共浙江大学委员会) or that a text speaking of
    校党委 / 校长 names: the 校 of its short forms."""
    m = SCHOOL.match(doc.meta.issuer or "")
    if m:
        return m.group(1)
    if _pattern("school_self").search(doc.text):
        found = [school for pattern in DATA["school_named"] for school in re.findall(pattern, doc.text)
                 if not _pattern("not_in_school").search(school)]
        # a 学院 beside a 大学 is one of its schools (经管学院), not the school the text speaks for
        universities = [school for school in found if school.endswith(DATA["school_end"][0])]
        if universities or found:
            return Counter(universities or found).most_common(1)[0][0]
    return ""


BARE_LEVEL = re.compile("({})(?={})".format(DATA["bare_level"]["levels"], _alternatives(DATA["bare_level"]["bodies"])))
AFTER_WORD = set(DATA["after_word"])
# the levels a text may use bare, lowest first
LEVELS_LOWEST_FIRST = tuple(DATA["levels_below_zones"]) + ZONES + tuple(DATA["levels_above_zones"])


def _text_jurisdiction(text: str, named: list):
    """A news item or speech that says 省委 / 县长 without its place: the place of that level
    (``named``: the organisation and meeting names found in it)
    the text names (湖北省科协…大会 -> 湖北省; a city votes for its province: 深圳市委 -> 广东省;
    中共巫山县委… -> 巫山县). The lowest level used bare decides. None when unsure."""
    levels = _bare_levels(text)
    if not levels:
        return None
    votes = _place_votes(text) + _unlisted_places(named)
    for level in LEVELS_LOWEST_FIRST:
        if level not in levels:
            continue
        named = [(n, name) for name, n in votes.items() if name.endswith(level)]
        if named:
            name = max(named)[1]
            p = lexicon.load().places.get(name)
            return _place_jurisdiction(p) if p else Jurisdiction(name, _local_level(name))
    return None


def _bare_levels(text: str) -> set:
    """The levels a text uses bare: 省 of 省委, 县 of 县长."""
    levels = {m.group(1) for m in BARE_LEVEL.finditer(text)
              if m.start() == 0 or text[m.start() - 1] in AFTER_WORD}
    if re.search(_alternatives(PREFECTURE_BODIES), text):
        levels.add(WORDS.prefecture)      # a prefecture named 地区 (阿克苏地区): its 地委 and 行署
    return levels


def _place_votes(text: str) -> Counter:
    """Each known place the text names, read left to right, one vote for it and one for
    the place it belongs to."""
    votes = Counter()
    i = 0
    while i < len(text):
        p, n = _place_at(text, i)
        if p:
            votes[p.name] += 1
            if p.parent:
                votes[p.parent] += 1
            i += n - 1
        i += 1
    return votes


def _place_at(text: str, i: int) -> tuple:
    """(place, length) of the longest known place at ``i``, or (None, 0)."""
    for n in (8, 7, 6, 5, 4, 3, 2):
        p = lexicon.load().places.get(text[i:i + n])
        # (泾县市场监督管理局: a two-character county before 市场 is still the county)
        if p and (n > 2 or text[i + n:i + n + 1] not in WORDS.two_char_place_suffixes
                  or text.startswith(WORDS.market, i + n)):
            return p, n
    return None, 0


def _unlisted_places(named: list) -> Counter:
    """Counties the gazetteer does not list, from the names the finders cut out (中共巫山县委…全会)."""
    places = lexicon.load().places
    return Counter(m.group(1) for m in (LOCAL_PLACE.match(strip_party(n)[1]) for n in named)
                   if m and len(m.group(1)) > 2 and not places.get(m.group(1)))
