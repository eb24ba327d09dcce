"""The data files behind the rules, loaded once.

Everything a rule knows about the language (post titles, surnames, body
suffixes, places, national bodies, relation cues) lives in
``extractors/data`` so it can be read and extended without touching code.
"""
from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

DATA = Path(__file__).resolve().parent / "data"


def rows(name: str):
    for line in (DATA / name).read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            yield line.rstrip("\n").split("\t")


@dataclass(frozen=True)
class Place:
    name: str          # 重庆市
    short: str         # 重庆
    level: str         # province | city
    abbr: str = ""     # 渝
    parent: str = ""   # province of a city

    def named_by(self, form: str) -> bool:
        """Whether ``form`` is this place's name as written in full (a district's also
        without its city: 吴江区 for 苏州市吴江区)."""
        return form == self.name or self.level == "county" and form == self.short


@dataclass
class Lexicon:
    words: dict
    places: dict           # any form -> Place
    abbr_places: dict      # one-character abbreviation -> Place
    national: dict         # any form -> canonical name
    national_aliases: dict # canonical -> [forms]
    abbreviations: list    # [(short, full)], longest short first
    surnames: set
    cues: dict

    def w(self, key):
        return self.words[key]


@lru_cache(maxsize=None)
def word_tuple(key: str) -> tuple:
    """Word list ``key`` of lexicon.json as a tuple, made once: str.startswith and endswith take one."""
    return tuple(load().w(key))


def by_first_char(words) -> dict:
    """The words by their first character, each group in the order given."""
    out = {}
    for w in words:
        out.setdefault(w[:1], []).append(w)
    return {ch: tuple(ws) for ch, ws in out.items()}


def positions(text: str, word: str, overlapping: bool = True):
    """Where ``word`` stands in text, left to right; each place after the last one's end
    when not ``overlapping`` (as a pattern of the word finds them)."""
    step = 1 if overlapping else max(1, len(word))
    k = text.find(word) if word else -1
    while k >= 0:
        yield k
        k = text.find(word, k + step)


def _sorted_alt(items) -> str:
    return trie_alternation(items)


def trie_alternation(words) -> str:
    """A regex matching any of ``words``, the longest first where several match, written as
    a trie (北京(?:市)?…): the regex engine then branches on one character at a time instead
    of trying thousands of alternatives at every position.

    >>> trie_alternation(["北京", "北京市", "南京"])
    '(?:北京(?:市)?|南京)'
    """
    trie = {}
    for word in set(words):
        node = trie
        for ch in word:
            node = node.setdefault(ch, {})
        node[""] = {}
    return _first_chars_first(trie, _trie_regex(trie))


def _first_chars_first(trie: dict, body: str) -> str:
    """The trie's regex behind a lookahead for the characters its words start with, when
    there are many: the regex engine tries a trie's branches one after another at every
    position, and checks one set of characters much faster. One group, as the bare trie is."""
    starts = sorted(ch for ch in trie if ch)
    if len(starts) < FIRST_CHARS_MIN or "" in trie:
        return body
    return "(?:" + _lookahead(starts) + body + ")"


def _lookahead(chars) -> str:
    """A lookahead for any of ``chars``: one character set, checked at once."""
    return "(?=[" + "".join(re.escape(ch) for ch in chars) + "])"


# from how many first characters on a trie opens with the lookahead (a few branches cost less)
FIRST_CHARS_MIN = 16


def _trie_regex(node: dict) -> str:
    chars = sorted(ch for ch in node if ch)
    if not chars:
        return ""
    branches = [re.escape(ch) + _trie_regex(node[ch]) for ch in chars]
    body = branches[0] if len(branches) == 1 else "(?:" + _grouped(chars, branches) + ")"
    return "(?:" + body + ")?" if "" in node else body


# A trie node's branches, when there are more than GROUP, go into groups of about the
# square root of their number, each behind a lookahead for its first characters. Python's
# regex engine tries a node's branches one after another, and a place trie has hundreds at
# its root: at most positions of a text it tried them all; now it checks the groups'
# character sets and then the branches of one group.
GROUP = 24


def _grouped(chars: list, branches: list) -> str:
    if len(branches) <= GROUP:
        return "|".join(branches)
    size = max(GROUP, int(len(branches) ** 0.5) + 1)
    groups = []
    for i in range(0, len(branches), size):
        groups.append(_lookahead(chars[i:i + size]) + "(?:" + "|".join(branches[i:i + size]) + ")")
    return "|".join(groups)


@lru_cache(maxsize=None)
def load() -> Lexicon:
    words = json.loads((DATA / "lexicon.json").read_text(encoding="utf-8"))
    cues = json.loads((DATA / "cues.json").read_text(encoding="utf-8"))
    places, abbr = _places()
    national, nat_aliases = _national()
    abbreviations = sorted(((s, f) for s, f in rows("abbreviations.tsv")), key=lambda x: -len(x[0]))
    surnames = set()
    for line in (DATA / "surnames.txt").read_text(encoding="utf-8").splitlines():
        if not line.startswith("#"):
            surnames.update(line.split())
    return Lexicon(words, places, abbr, national, nat_aliases, abbreviations, surnames, cues)


def _places() -> tuple:
    """Every form of every place -> Place, and one-character abbreviations -> province."""
    places, abbr = {}, {}
    for name, short, ab in rows("provinces.tsv"):
        p = Place(name, short, "province", ab)
        places[name] = places[short] = p
        abbr[ab] = p
    prefecture = _place_words()["prefecture"]
    for name, prov, *short in rows("cities.txt"):
        # an autonomous prefecture's short form is given (延边州): its name less 州 is no word
        # a prefecture named 地区 drops both characters (阿克苏地区 -> 阿克苏)
        bare = name[:-len(prefecture)] if name.endswith(prefecture) else name[:-1]
        p = Place(name, short[0][:-1] if short else bare, "city", parent=prov)
        places.setdefault(name, p)
        for form in short or ([bare] if len(name) > 2 else []):
            places.setdefault(form, p)
    _add_counties(places)
    return places, abbr


def _national() -> tuple:
    national, aliases = {}, {}
    for row in rows("national_bodies.tsv"):
        canon, forms = row[0], [f for f in (row[1].split("|") if len(row) > 1 else []) if f]
        aliases[canon] = forms
        for f in [canon, *forms]:
            national.setdefault(f, canon)
    return national, aliases


def _place_words() -> dict:
    return data_file("places.yaml")


def _add_counties(places: dict) -> None:
    """County-level divisions and their former names, by full name only: a county's
    short form (紫阳) is too often a plain word to stand for it."""
    generic = set(_place_words()["generic_counties"])
    counties = [r for r in rows("counties.tsv") if r[0] not in generic]
    shared = _names_used_twice(name for name, _, _ in counties)
    for name, city, _ in counties:
        if name.endswith(_place_words()["district"]) and city.endswith(_place_words()["city"]):
            # a city's district is named with its city (苏州市吴江区); alone only where no other city has one so named
            place = Place(city + name, name, "county", parent=city)
            places.setdefault(city + name, place)
            if name not in shared:
                places.setdefault(name, place)
        else:
            places.setdefault(name, Place(name, name, "county", parent=city))
    for former, _, city, _, _ in rows("former_places.tsv"):
        places.setdefault(former, Place(former, former, "county", parent=city))


def _names_used_twice(names) -> set:
    seen, twice = set(), set()
    for name in names:
        (twice if name in seen else seen).add(name)
    return twice


@lru_cache(maxsize=None)
def data_file(name: str):
    """A YAML data file of extractors/data, parsed once (each file says what it holds in
    its header comment)."""
    import yaml
    # libyaml's parser where PyYAML has it (about ten times faster), with the same safe constructor
    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    return yaml.load((DATA / name).read_text(encoding="utf-8"), Loader=loader)


def data_pattern(data: dict, key: str) -> str:
    """The regex ``data[key]`` of a YAML data file, given as a string or as a list of
    pieces to join. In it ``<name>`` stands for the entry ``data[name]``: a word list
    joined with | in the order written (a regex tries alternatives in that order), or
    another pattern, itself a string.

    >>> data_pattern({"p": ["(?:", "<w>", ")+<q>"], "w": ["ab", "a"], "q": "<w>?"}, "p")
    '(?:ab|a)+ab|a?'
    """
    pattern = data[key]
    if isinstance(pattern, list):
        pattern = "".join(pattern)
    return re.sub(r"<([a-z_]+)>", lambda m: _data_part(data, m.group(1)), pattern)


def _data_part(data: dict, name: str) -> str:
    part = data[name]
    return data_pattern(data, name) if isinstance(part, str) else "|".join(part)


class DataFile:
    """One YAML data file of a module: its entries, its word lists as tuples and its
    patterns (see data_pattern) compiled, each read once."""

    def __init__(self, name: str):
        self.name = name

    def all(self) -> dict:
        return data_file(self.name)

    def word(self, key: str):
        return data_file(self.name)[key]

    def words(self, key: str) -> tuple:
        return _file_words(self.name, key)

    def pattern(self, key: str) -> re.Pattern:
        return _file_pattern(self.name, key)

    def finditer(self, key: str, text: str):
        """The matches of pattern ``key`` in text; none, untried, when the file's ``needs``
        table gives words for the key and none of them stands in the text (most of the
        short texts names are looked for in hold no 等, 驻 or 电). A need written ``re:…``
        is a piece of the pattern itself, looked for as a pattern (等…企业)."""
        words, pieces = _file_needs(self.name, key)
        if (words or pieces) and not (any(map(text.__contains__, words))
                                      or any(p.search(text) for p in pieces)):
            return iter(())
        return _file_pattern(self.name, key).finditer(text)


# A data entry where words are expected may be a pattern, written "re:…": a pattern's
# need, an event pattern's anchor, a construction's gap.
PATTERN_MARK = "re:"


def written_pattern(entry: str) -> str | None:
    """The pattern of an entry written ``re:…``; None for a word."""
    return entry[len(PATTERN_MARK):] if entry.startswith(PATTERN_MARK) else None


@lru_cache(maxsize=None)
def _file_needs(name: str, key: str) -> tuple:
    """(words, compiled pieces) one of which every match of pattern ``key`` holds."""
    needs = data_file(name).get("needs", {}).get(key, ())
    pieces = [written_pattern(w) for w in needs]
    return (tuple(w for w, p in zip(needs, pieces) if p is None),
            tuple(re.compile(p) for p in pieces if p is not None))


@lru_cache(maxsize=None)
def _file_words(name: str, key: str) -> tuple:
    return tuple(data_file(name)[key])


@lru_cache(maxsize=None)
def _file_pattern(name: str, key: str) -> re.Pattern:
    return re.compile(data_pattern(data_file(name), key))


@lru_cache(maxsize=None)
def alternation(key: str) -> str:
    """A regex alternation (longest first) of a word list in lexicon.json or cues.json."""
    lex = load()
    items = lex.words.get(key) or lex.cues.get(key)
    return _sorted_alt(items)


@lru_cache(maxsize=None)
def place_alternation() -> str:
    """Any gazetteer place. A county whose name is also common words (和县 in 县委和县政府,
    成县 in 完成县委, 会同县 in 要会同县应急管理局) counts only at a clean left edge: after
    no Chinese character, or after a province's or city's name or 中共."""
    lex = load()
    weak = {form for form, p in lex.places.items() if p.level == "county" and _weak_county(form, lex)}
    guard = _place_words()["weak_county_after"]
    strong = [form for form in lex.places if form not in weak]
    return f"(?:{guard}(?:{_sorted_alt(weak)})|{_sorted_alt(strong)})" if weak else _sorted_alt(strong)


def _weak_county(form: str, lex) -> bool:
    heads = _place_words()["weak_county_heads"]
    return form[0] in lex.w("left_stops") or form[:-1] in lex.w("cut_before") or len(form) == 2 and form[0] in heads


@lru_cache(maxsize=None)
def verbs() -> tuple:
    """The words of more than one character in cut_before (传达, 学习贯彻): the verbs and
    function words that end a name on its left, for finders that look for them inside a run."""
    return tuple(w for w in load().w("cut_before") if len(w) > 1)


@lru_cache(maxsize=None)
def longest_place() -> int:
    """The length of the longest gazetteer name (an autonomous prefecture's or county's full
    name runs to a dozen characters): how far a name's opening is looked at for a place."""
    return max(len(form) for form in load().places)


@lru_cache(maxsize=None)
def place_pattern() -> re.Pattern:
    """Any gazetteer place, longest first (compiled once: the finders ask it per candidate)."""
    return re.compile(place_alternation())


@lru_cache(maxsize=None)
def national_alternation() -> str:
    return _sorted_alt(load().national)
