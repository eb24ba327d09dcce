"""Organisation names: national bodies and other whole patterns (org_patterns.py), and
local bodies found from their suffix (委员会, 科协, 学会, 办公室…) by scanning left to where
the name begins (after a verb, a function word or punctuation). The words and patterns
of the scan are in data/orgs.yaml.

>>> from .spans import select
>>> [c.text for c in select(find_orgs("市科协机关党委要加强对各区县科协的指导。"))]
['市科协机关党委', '各区县科协']
"""
from __future__ import annotations

import re
from bisect import bisect_left
from functools import lru_cache
from types import SimpleNamespace

from orgkg.extractors import knowledge as lexicon
from orgkg.extractors.recognise.org_patterns import find_pattern_orgs, is_stationed_group
from orgkg.extractors.knowledge import data_pattern
from orgkg.extractors.recognise.spans import Cand, is_cjk, matching_open

DATA_FILE = "orgs.yaml"


def _frozen(value):
    """Lists as tuples (str.startswith and str.endswith take only tuples)."""
    if isinstance(value, list):
        return tuple(value)
    if isinstance(value, dict):
        return {k: _frozen(v) for k, v in value.items()}
    return value


@lru_cache(maxsize=None)
def _words() -> SimpleNamespace:
    """orgs.yaml, each entry an attribute (what each one is: see the file)."""
    return SimpleNamespace(**{k: _frozen(v) for k, v in lexicon.data_file(DATA_FILE).items()})


@lru_cache(maxsize=None)
def _regex(key: str) -> re.Pattern:
    return re.compile(data_pattern(lexicon.data_file(DATA_FILE), key))


@lru_cache(maxsize=None)
def _rules() -> SimpleNamespace:
    """lexicon.json["org_rules"]: weak suffixes end ordinary words too (干部, 格局) and need an
    anchor; weak_next_chars show a one-character suffix is part of another word (处理, 部署);
    generic heads and names never start or make a definite body (各级党组织, 全市科协)."""
    r = lexicon.load().words["org_rules"]
    return SimpleNamespace(
        weak=set(r["weak_suffixes"]), weak_next=set(r["weak_next_chars"]), weak_words=set(r["weak_words"]),
        strong=set(r["strong_suffixes"]), units=set(r["unit_suffixes"]), generic=set(r["generic_names"]),
        generic_heads=tuple(r["generic_heads"]), anchors=tuple(r["anchor_words"]),
        and_ok=tuple(r["and_inside_names"]), inside=tuple(r["stop_words_inside_names"]))


@lru_cache(maxsize=None)
def _patterns():
    lex = lexicon.load()
    suffix = re.compile(lexicon.alternation("org_suffixes"))
    national = re.compile(lexicon.national_alternation())
    anchor = re.compile(lexicon.place_alternation() + "|" + lexicon.national_alternation() + "|"
                        + "|".join(_rules().anchors))
    cut_words = [w for w in lex.w("cut_before") if w not in _words().cut_words_kept]
    # numbered articles and items (第二条, （一）) open a new sentence, whatever follows
    cut = re.compile("|".join(lex.w("left_cut_patterns") + [lexicon.trie_alternation(cut_words)]))
    return suffix, national, anchor, cut, _regex("coordinated_bodies")


def _anchor():
    return _patterns()[2]


def _anchored(text: str, start: int, end: int, anchor) -> set:
    """Indices in [start, end) covered by an anchor word (so they are never cut)."""
    covered = set()
    for m in anchor.finditer(text, start, end):
        covered.update(range(m.start(), m.end()))
    return covered


def _left_start(text: str, s: int, limit: int = 22) -> int:
    i, steps = s, 0
    while i > 0 and steps < limit:
        ch = text[i - 1]
        if ch in "）)":
            j = matching_open(text, i - 1)
            if j < 0:
                break
            i, steps = j, steps + (i - j)
            continue
        if not is_cjk(ch):
            break
        i -= 1
        steps += 1
    return i


def _cut(text: str, ws: int, s: int) -> int:
    """Start of the name: after the last verb or function word in text[ws:s]."""
    immune = _Immune(text, ws, s)
    start = _after_cut_words(text, ws, s, immune)
    if ws and text[ws - 1].isdigit() and text[ws] in _words().date_ends:
        start = max(start, ws + 1)      # 经2025年4月16日市人民政府…: the date's last character
    date = _regex("cn_date").match(text, start, s)
    if date:
        start = date.end()
    for m in _stop_chars().finditer(text, ws, s):     # any other character leaves the start
        start = _start_after(text, m.start(), start, immune)
    return start


@lru_cache(maxsize=None)
def _stop_chars() -> re.Pattern:
    """The collective mark (各) and the stop characters, as one character class."""
    return re.compile("[" + re.escape(_words().collective_mark + lexicon.load().w("left_stops")) + "]")


class _Immune:
    """What ``_immune`` gives, worked out when first asked: before a third of the suffixes
    stands no cut word and no stop character, and nothing is asked."""
    __slots__ = ("text", "ws", "s", "_covered")

    def __init__(self, text: str, ws: int, s: int):
        self.text, self.ws, self.s, self._covered = text, ws, s, None

    @property
    def covered(self) -> set:
        if self._covered is None:
            self._covered = _immune(self.text, self.ws, self.s)
        return self._covered


def _immune(text: str, ws: int, s: int) -> set:
    """Indices in text[ws:s] no stop character cuts: anchor words, and words of names that
    hold a stop character (应急管理局, 有限责任公司, 各有关单位)."""
    immune = _anchored(text, ws, s, _anchor())
    immune.update(_inside_words(text, ws, s))
    if text.startswith(_words().task_bodies, s):
        immune.update(_task_verbs(text, ws, s))
    return immune


def _task_verbs(text: str, ws: int, s: int) -> set:
    """Indices of a verb right after a place in a task body's name (某市|优化|营商环境工作领导小组)."""
    covered = set()
    for a in _anchor().finditer(text, ws, s):
        verb = _patterns()[3].match(text, a.end(), s)
        if verb and s - verb.end() >= 2:
            covered.update(range(verb.start(), verb.end()))
    return covered


def _inside_words(text: str, ws: int, s: int) -> set:
    """Indices covered by the words of names that hold a stop character and start in
    text[ws:s] (the word may run into the suffix: 中心|医院)."""
    covered = set()
    starts, found = _inside_word_starts(text)
    for k, skip, n in found[bisect_left(starts, ws):bisect_left(starts, s)]:
        covered.update(range(k + skip, k + n))
    return covered


@lru_cache(maxsize=16)
def _inside_word_starts(text: str) -> tuple:
    """Where each such word stands in the whole text, in order, and (where, characters
    left uncovered at its start, length) of each: found once per text instead of once per
    suffix. The collective mark itself still marks the start, so a word that opens with it
    leaves it uncovered."""
    mark = _words().collective_mark
    found = sorted((k, int(w.startswith(mark)), len(w)) for w in _rules().inside for k in lexicon.positions(text, w))
    return [k for k, _, _ in found], found


def _after_cut_words(text: str, ws: int, s: int, immune: _Immune) -> int:
    start = ws
    for m in _patterns()[3].finditer(text, ws, s):
        covered = immune.covered
        if not any(i in covered for i in range(m.start(), m.end())):
            start = max(start, m.end())
    return start


def _start_after(text: str, i: int, start: int, immune: _Immune) -> int:
    """The name's start once the character text[i] is read."""
    ch, mark = text[i], _words().collective_mark
    # 各 starts a class even where it is an anchor (要求各社区党委), but not after a body,
    # where it starts that body's own units (市纪委各…, 委直属各单位)
    if ch == mark and i > start and not _owns_units(text[start:i]):
        return i
    if ch not in lexicon.load().w("left_stops") or i in immune.covered or _stop_held(text, i):
        return start
    if ch == mark:
        return max(start, i)       # keep 各: it marks a collective
    return max(start, i + 1)


def _owns_units(before: str) -> bool:
    return _regex("own_units").sub("", before).endswith(_words().body_last_chars)


@lru_cache(maxsize=None)
def _words_holding_stops() -> dict:
    words = _words()
    return {**words.words_holding_stops, words.and_char: _rules().and_ok}


def _stop_held(text: str, i: int) -> bool:
    """The stop character text[i] is inside a word of a name (工业和信息化部, 党的建设)."""
    ch = text[i]
    return any(i >= w.index(ch) and text.startswith(w, i - w.index(ch)) for w in _words_holding_stops().get(ch, ()))


def _plausible_unanchored(prefix: str, suf: str, clean_left: bool = False) -> bool:
    """A name with no place or national anchor: accept it only when its prefix looks like
    a body's own modifier (机关党委, 科技社团党委, 老科协), or for a society-type suffix
    when the prefix is long enough to be a name (反邪教协会), never after an unknown verb."""
    # a county or district the gazetteer does not list: 城口县科协 (right after punctuation)
    if clean_left and _unlisted_county(prefix) or _modifier_or_name(prefix, suf, clean_left):
        return True
    # 万盛经开区科协党组: the prefix is itself a plausible body
    inner = _inner_suffix(prefix)
    # the left edge is the same for the inner body: 南开大学党委常委会 after punctuation
    return bool(inner) and _plausible_unanchored(prefix[: -len(inner)], inner, clean_left)


def _unlisted_county(prefix: str) -> bool:
    return bool(_regex("local_place").fullmatch(prefix) and len(prefix) > 2 and placeish(prefix)
                or _regex("county_department").fullmatch(prefix))


@lru_cache(maxsize=4096)
def placeish(run: str) -> bool:
    """The run could be a place the gazetteer does not list: it holds no verb (传达), no word
    of a sentence around a post (市长某某受…) and no stop character."""
    words = lexicon.verbs() + tuple(_words().not_in_place)
    return not any(w in run for w in words) and not any(ch in lexicon.load().w("left_stops") for ch in run)


def _modifier_or_name(prefix: str, suf: str, clean_left: bool) -> bool:
    if len(prefix) <= 10 and prefix.endswith(lexicon.word_tuple("org_modifiers")):
        return True
    if suf in _rules().strong and len(prefix) >= 3:
        return True
    # 清华大学, 复旦大学: a two-character name right after punctuation
    return clean_left and suf in _words().school_suffixes and len(prefix) == 2


def _inner_suffix(prefix: str):
    """The longest suffix ``prefix`` ends with and holds more than, or None."""
    lengths, suffixes = _suffix_lengths()
    return next((prefix[-n:] for n in lengths if len(prefix) > n and prefix[-n:] in suffixes), None)


@lru_cache(maxsize=None)
def _suffix_lengths() -> tuple:
    suffixes = frozenset(lexicon.load().w("org_suffixes"))
    return sorted({len(x) for x in suffixes}, reverse=True), suffixes


def _own_level(prefix: str, suf: str) -> bool:
    """A bare 街道党工委 / 镇政府 / 开发区党工委 is the street's, town's or zone's own (without 各 it
    is no class); so is a zone named in full (某某经济技术开发区党工委), unlike 高新区科协 in passing."""
    words = _words()
    return prefix in words.own_levels or suf == words.zone_committee and prefix in words.zones


_BRACKETED = re.compile(r"（[^）]*）")


def is_collective_name(name: str) -> bool:
    """A class of bodies: 各区县科协, 市级学会, 全国学会、协会、研究会."""
    core = _BRACKETED.sub("", name)
    if not core.endswith(lexicon.word_tuple("collective_bodies")):
        return False
    return core.startswith(lexicon.word_tuple("collective_heads")) or _words().collective_mark in core or "、" in core


@lru_cache(maxsize=None)
def _suffix_starts():
    """Where a suffix starts, found by one scan (a lookahead: overlapping starts too), and
    the suffixes by their first character, in the list's order."""
    return re.compile("(?=(" + lexicon.alternation("org_suffixes") + "))"), \
        lexicon.by_first_char(lexicon.load().w("org_suffixes"))


def find_orgs(text: str) -> list:
    starts, by_first = _suffix_starts()
    out = find_pattern_orgs(text)
    for m in starts.finditer(text):
        pos = m.start()
        # every suffix that starts here, in the list's order (the one matched among them)
        for suf in by_first[text[pos]]:
            if text.startswith(suf, pos):
                cand = _from_suffix(text, pos, suf)
                if cand:
                    out.append(cand)
    return [part for c in out for part in _split_paired(c)]


def _split_paired(c: Cand) -> list:
    """中共某县纪委监委 names two bodies that share one office: the 纪委 and the 监委."""
    words = _words()
    m = _regex("paired_commissions").fullmatch(c.text)
    if not m or c.collective or words.collective_mark in c.text:
        return [c]
    second = words.second_commission
    k = c.end - len(second)
    return [Cand(c.start, k, c.text[:-len(second)], "Organization"),
            Cand(k, c.end, second, "Organization", props={"resolve_as": m.group(1) + second})]


def _from_suffix(text: str, s: int, suf: str):
    """The organisation name ending with the suffix at text[s:], or None."""
    e = s + len(suf)
    if _part_of_word(text, s, e, suf):
        return None
    ws = _left_start(text, s)
    start = _cut(text, ws, s)
    if start >= s:
        return None
    start = _name_start(text, ws, _after_verb(text, start), s, suf)
    if start is None or not _suffix_holds(text, ws, start, s, suf):
        return None
    end = _name_end(text, e)
    collective = _is_class(text, ws, start, s, suf, text[start:end])
    if suf == _words().party_organisations and not collective:
        return None      # 科协直属机关党组织: the party organisations of a body, not a body
    return Cand(start, end, text[start:end], "Organization", collective=collective)


def _part_of_word(text: str, s: int, e: int, suf: str) -> bool:
    """The suffix text[s:e] ends an ordinary word (干部, 格局) or begins a longer one
    (党组织, 某市中心医院)."""
    rules = _rules()
    if len(suf) == 1 and (text[e:e + 1] in rules.weak_next or text[s - 1:e] in rules.weak_words):
        return True
    return text.startswith(_words().suffix_followed_by.get(suf, ()), e)


def _after_verb(text: str, start: int) -> int:
    """经自治区人民政府同意: the verb before an anchored name is no part of it."""
    words = _words()
    if text[start] in words.one_char_verbs and text[start:start + 2] not in words.verb_char_words \
            and _anchor().match(text, start + 1):
        return start + 1
    return start


def _name_start(text: str, ws: int, start: int, s: int, suf: str):
    """Where the name ending with the suffix at text[s:] starts, given the left edge found
    so far; None when there is no such name."""
    if _national_then_word(text, start, s, suf) or _generic_start(text[start:s + len(suf)]):
        return None
    if _anchor().match(text, start) or _plausible_unanchored(text[start:s], suf, _clean_left(text, ws, start)):
        return start
    return _later_anchor(text, start, s)


def _national_then_word(text: str, start: int, s: int, suf: str) -> bool:
    """全国政协科协(界): a national body, then another word."""
    nat = _patterns()[1].match(text, start)
    return bool(nat and nat.end() == s and suf not in _rules().units)


def _generic_start(name: str) -> bool:
    rules = _rules()
    return name.startswith(rules.generic_heads) or name.lstrip(_words().collective_mark) in rules.generic


def _clean_left(text: str, ws: int, start: int) -> bool:
    """The name starts where the scan stopped, or right after a body and 与 (某市人民政府与长江大学签约):
    its left edge is as clean as after punctuation."""
    words = _words()
    return start == ws or text[start - 1:start] == words.joint_word \
        and text[start - 2:start - 1] in words.joint_body_last_chars


def _later_anchor(text: str, start: int, s: int):
    """已经中国科协党组: the name starts at the anchor; so it does at a one-character level
    after a one-character verb (经省委同意, 报市政府). None when there is none."""
    words = _words()
    return next((a.start() for a in _anchor().finditer(text, start, s) if a.end() - a.start() > 1
                 or a.start() == start + 1 and text[start] in words.one_char_verbs
                 and text[a.start()] in words.one_char_levels), None)


def _suffix_holds(text: str, ws: int, start: int, s: int, suf: str) -> bool:
    """A weak or one-character suffix makes a name only after an anchor (or as an unlisted
    county's body right after punctuation); a generic name or a short unanchored one is none."""
    rules, anchor = _rules(), _anchor()
    if (suf in rules.weak or len(suf) == 1) and not _unlisted_local_at(text, ws, start, s):
        am = anchor.match(text, start)
        if not am or am.end() > s:
            return False
    name = text[start:s + len(suf)]
    return not (name in rules.generic or len(name) < 3 and not anchor.match(name))


def _unlisted_local_at(text: str, ws: int, start: int, s: int) -> bool:
    return start == ws and bool(_regex("local_place").fullmatch(text, start, s) and placeish(text[start:s])
                                or _regex("county_department").fullmatch(text, start, s))


def _name_end(text: str, e: int) -> int:
    """The end of a name whose suffix ends at e: after more bodies listed with it
    (各全国学会、协会、研究会) or in brackets after it (市级学会（协会、研究会）)."""
    cm = _patterns()[4].match(text, e)
    if cm:
        return cm.end()
    if text[e:e + 1] == "（":
        return _bracketed_end(text, e)
    return e


def _bracketed_end(text: str, e: int) -> int:
    close = text.find("）", e, e + 14)
    inner = text[e + 1:close] if close > 0 else ""
    suffixes, others = lexicon.load().w("org_suffixes"), _words().bracketed_bodies
    if inner and all(part in suffixes or part in others for part in re.split("[、，]", inner)):
        return close + 1
    return e


def _is_class(text: str, ws: int, start: int, s: int, suf: str, full: str) -> bool:
    """The name is a class of bodies: by its words (各区县科协), or unanchored with a class
    modifier (高校科协) unless it is a level's own body."""
    if is_collective_name(full):
        return True
    prefix = text[start:s]
    own_level = _own_level(prefix, suf) or start == ws and len(prefix) > 4 \
        and bool(_regex("local_place").fullmatch(text, start, s))
    return not _anchor().match(text, start) and not own_level \
        and prefix.endswith(tuple(lexicon.load().w("class_modifiers")))


def split_joint(name: str, base: int = 0) -> list:
    """(name, offset) of each body in a line that names several side by side, as joint
    issuers do (中共某县委某县人民政府); the whole name when it is one body.

    >>> split_joint("中共平江县委平江县人民政府")
    [('中共平江县委', 0), ('平江县人民政府', 6)]
    """
    return [(part, base + offset) for part, offset in _joint_parts(name)]


@lru_cache(maxsize=1 << 12)
def _joint_parts(name: str) -> tuple:
    # every candidate body is split here, and a document names the same few many times
    if is_stationed_group(name):
        return ((name, 0),)      # 市纪委监委驻某院纪检监察组: its senders name one group, no second body
    for c in sorted(find_orgs(name), key=lambda c: -c.end):
        if c.start == 0 and 2 < c.end < len(name) - 2 and not c.collective \
                and _second_body(c.text, name[c.end:]):
            return ((c.text, 0),) + tuple((part, c.end + k) for part, k in _joint_parts(name[c.end:]))
    return ((name, 0),)


def _second_body(first: str, rest: str) -> bool:
    """rest is a body of its own beside first: it names its own place or is a national body
    (not 科技社团委员会 of the first), is none of first's units, and is a name as a whole."""
    return bool(_names_own_place(rest)) and not _unit_of(first, rest) \
        and any(r.start == 0 and r.end == len(rest) for r in find_orgs(rest))


def _names_own_place(rest: str) -> bool:
    return bool(rest.startswith(_words().party_prefix) or _names_nation(rest)
                or lexicon.place_pattern().match(rest)
                or _regex("place_led").match(rest) or _regex("level_government").match(rest))


def _names_nation(rest: str) -> bool:
    """rest opens with a national body named as one (国务院国资委, 中国科协), not with a short
    form a local body shares (省政府|国资委 is the province's commission)."""
    m = _patterns()[1].match(rest)
    if not m:
        return False
    canon = lexicon.load().national[m.group()]
    return m.group() == canon or m.group().startswith(tuple(_words().national_heads))


def shared_place(first: str, second: str) -> str:
    """The place a second body named by its level alone shares with the first (北京市委|市政府
    -> 北京市), or ''."""
    if not _regex("level_government").match(second):
        return ""
    core = first[len(_words().party_prefix):] if first.startswith(_words().party_prefix) else first
    places = lexicon.load().places
    return next((core[:n] for n in range(min(len(core), lexicon.longest_place()), 1, -1)
                 if core[:n] in places and core[:n].endswith(second[0])), "")


def _unit_of(first: str, rest: str) -> bool:
    """rest is a unit of the body first names, not a second body: a branch (中国科学院|上海分院),
    a school's institute or campus in a place (浙江大学温州研究院), or a vertically run
    national body's local office (国家税务总局某市税务局)."""
    if _regex("branch_end").search(rest):
        return True
    if first.endswith(_words().school_suffixes) and _regex("school_unit_end").search(rest):
        return True
    vm = _regex("vertical_body").fullmatch(first)
    return bool(vm and vm.group(1) in rest)
