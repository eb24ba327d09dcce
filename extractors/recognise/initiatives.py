"""Named initiatives: campaigns, programmes, strategies, projects and
construction efforts (创新驱动发展战略, 青年人才托举工程, 数字重庆建设,
“双高”建设, 党史学习教育), found from their suffix by cutting the verb in
front (深入实施 / 加快推进 …). Generic activities (党的建设, 作风建设) and
slogans (“两个维护”) are excluded; bare X建设 needs a quote, a place or a
distinctive modifier to count.

>>> from .spans import select
>>> [c.text for c in select(find_initiatives("要大力实施创新驱动发展战略，加强作风建设。"))]
['创新驱动发展战略']
"""
from __future__ import annotations

import re
from functools import lru_cache

from orgkg.extractors import knowledge as lexicon
from orgkg.extractors.recognise.campaigns import find_campaigns
from orgkg.extractors.recognise.orgs import find_orgs
from orgkg.extractors.recognise.spans import Cand, curly, is_cjk

# The words and rules live in data/initiatives.yaml.
QUOTE = "“”\"‘’"
OPEN, CLOSE = "“", "”"
CLOSING = "”\""            # a suffix right after one of these: “X”建设
CLOSING_INNER = "”’"        # closing quotes left over at a name's start
STOPS = re.compile(r"[，。；：]")     # a quoted phrase holding these is a sentence, not a name


DATA = lexicon.DataFile("initiatives.yaml")
_data, _words = DATA.all, DATA.words


@lru_cache(maxsize=None)
def _regex(key: str) -> re.Pattern:
    return re.compile(_data()[key])


@lru_cache(maxsize=None)
def _distinct() -> tuple:
    return _words("distinct") + _words("zones")


@lru_cache(maxsize=None)
def _patterns():
    lex = lexicon.load()
    suffix = re.compile(lexicon.alternation("initiative_suffixes"))
    weak = set(lex.w("initiative_weak_cuts"))
    cut = re.compile(lexicon.trie_alternation(set(lex.w("cut_before")) - weak))
    quoted = re.compile(r"[“\"]([^“”\"]{2,24})[”\"]")
    places = lexicon.place_pattern()
    return suffix, cut, quoted, places, set(lex.w("initiative_generic")), frozenset(lex.w("slogans"))


def _quoted_left(text: str, s: int, limit: int) -> int:
    """“X”建设: the name starts at the opening quote, or before it."""
    k = text.rfind(OPEN, max(0, s - 30), s - 1)
    i = k if k >= 0 else s
    while i > 0 and s - i < limit and is_cjk(text[i - 1]):
        i -= 1
    return i


def _plain_left(text: str, s: int, limit: int) -> int:
    """The run of CJK before s, taking in quoted words: 新时代“红岩先锋”变革型组织建设."""
    i = s
    while i > 0 and s - i < limit:
        if is_cjk(text[i - 1]):
            i -= 1
        elif text[i - 1] == CLOSE and text.rfind(OPEN, max(0, i - 24), i - 1) >= 0:
            i = text.rfind(OPEN, max(0, i - 24), i - 1)
        else:
            break
    return i


def _after_verbs(text: str, cut, i: int, s: int) -> int:
    start = i
    for m in cut.finditer(text, i, s):
        if not _inside_quote(text, i, m.start()):      # “执行攻坚”专项行动: no verb inside the quote
            start = max(start, m.end())
    return start


def _after_function_words(text: str, start: int, s: int, keep_and: bool) -> int:
    chars, and_word = _data()["function_chars"], _data()["and_word"]
    # (the range is fixed at the start found so far; the quote is judged from the latest start)
    for k in range(start, s):
        if text[k] in chars and not _inside_quote(text, start, k) and not (keep_and and text[k] == and_word):
            start = k + 1
    return start


@lru_cache(maxsize=None)
def _longest_first(key: str) -> tuple:
    return tuple(sorted(lexicon.load().w(key), key=len, reverse=True))


@lru_cache(maxsize=None)
def _first_chars(key: str) -> tuple:
    return tuple(lexicon.by_first_char(lexicon.load().w(key)))


def _after_weak_cuts(text: str, start: int, s: int) -> int:
    """Verbs that also occur inside names (建设, 提升, 服务) are cut only at the front."""
    weak = _longest_first("initiative_weak_cuts")
    if not text.startswith(_first_chars("initiative_weak_cuts"), start):
        return start        # most names: no weak verb at the front
    moved = True
    while moved:
        moved = False
        for w in weak:
            if text.startswith(w, start) and start + len(w) <= s:
                start += len(w)
                moved = True
    return start


def _after_scope_and_year(text: str, start: int, s: int) -> int:
    """The scope of an effort (全市人才高地建设) and its year (2023年全国科普日) are no part
    of its name."""
    if _regex("scope").match(text[start:start + 2]) and s - start > 4:
        start += 2
    if start and text[start - 1].isdigit():
        year = next((w for w in _words("year_words") if text.startswith(w, start)), "")
        start += len(year)
    return start


def _start(text: str, s: int, limit: int = 28, keep_and: bool = False) -> int:
    suffix, cut, *_ = _patterns()
    i = _quoted_left(text, s, limit) if text[s - 1:s] in CLOSING else _plain_left(text, s, limit)
    start = _after_verbs(text, cut, i, s)
    start = _after_function_words(text, start, s, keep_and)
    start = _after_weak_cuts(text, start, s)
    while start < s and text[start] in CLOSING_INNER:
        start += 1
    return _after_body(text, _after_scope_and_year(text, start, s), s)


# a body's name has two characters at least (市委); four stay for the initiative after it
MIN_BODY, MIN_AFTER_BODY = 2, 4


def _after_body(text: str, start: int, s: int) -> int:
    """市教育局群众身边…集中整治: a body named at the head is who runs the effort, no part of its name."""
    if s - start < MIN_BODY + MIN_AFTER_BODY:
        return start        # no room for a body and the words after it
    heads = [c for c in find_orgs(text[start:s]) if c.start == 0 and not c.collective
             and s - start - c.end >= MIN_AFTER_BODY]
    return start + max(c.end for c in heads) if heads else start


def _inside_quote(text: str, start: int, k: int) -> bool:
    seg = text[start:k]
    return seg.count(OPEN) > seg.count(CLOSE)


@lru_cache(maxsize=None)
def _suffix_rules() -> dict:
    return {suf: rule for rule in _data()["suffix_rules"] for suf in rule["suffixes"]}


def _head_fits(rule: dict, head: str) -> bool:
    """Whether a name's head passes its suffix's rule (see data/initiatives.yaml)."""
    if not rule.get("min_head", 0) <= len(head) <= rule.get("max_head", len(head)):
        return False
    if head.endswith(tuple(rule.get("not_ending", ()))):
        return False
    return not rule.get("starting") or bool(re.match(rule["starting"], head))


def _named_build_up(name: str, head: str, places) -> bool:
    """X建设 is named by a quote, a place or a distinct word in a long enough head."""
    quoted = any(q in name for q in QUOTE)
    place = places.search(head)
    if place and place.group() == head:
        return False                  # 重庆市建设…: the place is the subject, not the name
    return quoted or bool(place) or any(d in head for d in _distinct()) and len(head) >= 4


def _excluded(name: str, core: str, suf: str, generic: set, slogans: frozenset) -> bool:
    """Too short, a generic activity (党的建设), or a slogan (“两个维护”) outside a named effort."""
    if len(core) <= len(suf) + 1 or name in generic or core in generic:
        return True
    return bool(_any_of(slogans).search(name)) and not name.endswith(_words("slogan_endings"))


@lru_cache(maxsize=4)
def _any_of(words: frozenset) -> re.Pattern:
    """A search for any of ``words`` in a text: one trie instead of a search per word."""
    return re.compile(lexicon.trie_alternation(words) or "(?!)")


def _bad_head(name: str, head: str, suf: str) -> bool:
    # a quoted proper name in front makes it a named campaign: “清风”廉洁文化建设
    lex = lexicon.load()
    if not name.startswith(OPEN) and head.strip(QUOTE).endswith(tuple(lex.w("initiative_bad_heads"))):
        return True
    return suf in lex.w("initiative_need_quote") and not any(q in name for q in QUOTE)


def _ok(name: str, suf: str, generic: set, slogans: frozenset, places) -> bool:
    core = name.strip(QUOTE)
    if suf in _words("whole_name_suffixes") and core == suf:
        return True
    if _excluded(name, core, suf, generic, slogans):
        return False
    head = name[: -len(suf)]
    rule = _suffix_rules().get(suf, {"min_head": 2})
    if rule.get("first"):
        return _head_fits(rule, head)
    if _bad_head(name, head, suf):
        return False
    if rule.get("build_up"):
        return _named_build_up(name, head, places)
    return _head_fits(rule, head)


def _keeps_and(text: str, s: int, suf: str) -> bool:
    """和 inside the name: 某某和某某问题集中整治, 某某保护和高质量发展先行区建设."""
    data = _data()
    return suf.endswith(data["and_campaign_end"]) and text.endswith(data["and_campaign_head"], 0, s) \
        or suf == data["and_build_up"] and text.endswith(_words("zones"), 0, s)


def _modifier_only(text: str, end: int, suf: str) -> bool:
    """The suffix names no initiative here: 杨凌示范区科技局 (the zone is a place, the body
    after it is named), 签署战略合作协议 or 战略性新兴产业 (战略 as a modifier)."""
    if suf == _data()["demo_zone"] and _regex("body_after_zone").match(text[end:]):
        return True
    return suf == _data()["strategy"] and text.startswith(_words("strategic_words"), end)


def _suffixed(text: str, m, generic: set, slogans: frozenset, places):
    """The initiative named by the suffix m, or None."""
    suf = m.group()
    start = _start(text, m.start(), keep_and=_keeps_and(text, m.start(), suf))
    lead = _regex("ordinal").match(text[start:m.end()])
    if lead:
        start += lead.end()
    if _modifier_only(text, m.end(), suf) or not _ok(text[start:m.end()], suf, generic, slogans, places):
        return None
    # a named campaign carried out as 活动: 全国科普日活动, “清风”廉洁文化建设活动
    activity = _data()["activity"]
    end = m.end() + len(activity) if text.startswith(activity, m.end()) else m.end()
    return Cand(start, end, text[start:end], "Initiative")


def find_initiatives(text: str) -> list:
    text = curly(text)
    suffix, cut, quoted, places, generic, slogans = _patterns()
    found = (_suffixed(text, m, generic, slogans, places) for m in suffix.finditer(text))
    out = [c for c in found if c is not None]
    forms, known = _known()
    out.extend(q for q in _quoted(text, slogans) if q.text not in forms)
    out.extend(find_campaigns(text))      # suffix-less campaigns after a campaign verb
    for m in known.finditer(text):
        # a short form inside a longer name (科技助力乡村振兴行动) loses to it in selection
        out.append(Cand(m.start(), m.end(), m.group(), "Initiative", props={"canonical": forms[m.group()]}))
    return out


@lru_cache(maxsize=None)
def _known():
    forms = {}
    for row in lexicon.rows("known_initiatives.tsv"):
        for f in [row[0], *(row[1].split("|") if len(row) > 1 else [])]:
            if f:
                forms[f] = row[0]
    return forms, re.compile("|".join(sorted(map(re.escape, forms), key=len, reverse=True)))


def _quoted_names(text: str, slogans: frozenset) -> list:
    """“X”建设 / “X”活动; “X工程” (a quoted name with an initiative suffix); “双X” policy
    shorthands (“双减”)."""
    q_suffixes = lexicon.alternation("initiative_quoted_suffixes")
    i_suffixes = tuple(lexicon.load().w("initiative_suffixes"))
    out = []
    for m in re.finditer(rf"“([^“”]{{2,30}})”((?:{q_suffixes})?)", text):
        inner = m.group(1)
        if inner in slogans or STOPS.search(inner):
            continue
        if m.group(2) or inner.endswith(i_suffixes) or _regex("double").fullmatch(inner):
            out.append(Cand(m.start(), m.end(), m.group(), "Initiative"))
    return out


def _quoted(text: str, slogans: frozenset) -> list:
    """Quoted names (see _quoted_names), a quoted name and the kind of activity it brands
    (“某某”全民阅读活动), and quoted items listed before 等活动 / 等品牌."""
    out = _quoted_names(text, slogans)
    for m in _regex("branded_activity").finditer(text):
        if m.group(1) not in slogans and not STOPS.search(m.group(1)):
            out.append(Cand(m.start(), m.end(), m.group(), "Initiative"))
    for m in _regex("listed_brands").finditer(text):
        for q in re.finditer(r"“([^“”]{2,30})”", m.group(1)):
            if q.group(1) not in slogans:
                out.append(Cand(m.start(1) + q.start(), m.start(1) + q.end(), q.group(), "Initiative"))
    return out
