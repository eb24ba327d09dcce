"""Named meetings and congresses: party congresses (党的二十大), central
plenums (十九届六中全会), local plenums (市委六届三次全会), local party
congresses (市第六次党代会), a body's national congress (科协九大), and named
meetings ending in 会议/座谈会/论坛/年会/集体学习/推进会 (全市某某工作推进会), and a body's
numbered sittings (市政府第45次常务会议, 深改委召开第八次会议).

The canonical name may hold ``{place}``: the resolver fills in the
jurisdiction (市委六届三次全会 -> 中国共产党重庆市第六届委员会第三次全体会议).

>>> [c.props["canonical"] for c in find_events("深入学习贯彻党的二十大精神")]
['中国共产党第二十次全国代表大会']
"""
from __future__ import annotations

import re
from functools import lru_cache

from orgkg.extractors import knowledge as lexicon
from orgkg.extractors.recognise.orgs import placeish
from orgkg.extractors.recognise.spans import Cand, is_cjk

# The words and patterns live in data/events.yaml; the names in braces inside its
# patterns ({N}, {place} …) are filled in here, once.
PLACEHOLDER = re.compile(r"\{(\w+)\}")
QUOTES = "“”\""


DATA = lexicon.DataFile("events.yaml")
_data, _words = DATA.all, DATA.words


@lru_cache(maxsize=None)
def _fillers() -> dict:
    data = _data()
    return {
        "N": data["numeral"],
        "county": data["county"],
        "clean_left": data["clean_left"],
        "one": data["one_level"],
        # every place name, unescaped, as one group
        "place": "(" + lexicon.trie_alternation(f for f, p in lexicon.load().places.items() if p.named_by(f)) + ")",
        "nat": lexicon.national_alternation(),
    }


def _expand(pattern) -> str:
    """A pattern of the data file as a regex: a list is one pattern of alternatives,
    and {N}, {place} … are filled in (other braces, such as {2,8}, stay)."""
    if isinstance(pattern, list):
        pattern = "|".join(pattern)
    fillers = _fillers()
    return PLACEHOLDER.sub(lambda m: fillers.get(m.group(1), m.group()), pattern)


@lru_cache(maxsize=None)
def _regex(key: str) -> re.Pattern:
    return re.compile(_expand(_data()[key]))


@lru_cache(maxsize=None)
def _patterns():
    return [(kind, re.compile(_expand(pattern)), anchor[0] if anchor else None)
            for kind, pattern, *anchor in _data()["patterns"]]


# how far a match may reach before and after its anchor word
WINDOW = (48, 40)


def _matches(pat, text: str, anchor):
    """The matches of ``pat`` in text, tried only around ``anchor`` when there is one."""
    if anchor is None:
        yield from pat.finditer(text)
        return
    for lo, hi in _windows(text, anchor):
        yield from pat.finditer(text, lo, hi)


@lru_cache(maxsize=32)      # patterns that share an anchor find it once per text
def _windows(text: str, anchor: str) -> tuple:
    """(lo, hi) around each place the anchor stands, overlapping ones joined: a pattern is
    tried once over a stretch that holds many anchors (届 of a roster of sessions)."""
    out = []
    for k in _anchor_positions(text, anchor):
        lo, hi = max(0, k - WINDOW[0]), k + WINDOW[1]
        if out and lo <= out[-1][1]:
            out[-1] = (out[-1][0], hi)
        else:
            out.append((lo, hi))
    return tuple(out)


def _anchor_positions(text: str, anchor: str):
    """Where the anchor stands: a word, or with re: a pattern (a numeral before 大)."""
    if lexicon.written_pattern(anchor) is not None:
        yield from (m.start() for m in _anchor_regex(anchor).finditer(text))
        return
    yield from lexicon.positions(text, anchor)


@lru_cache(maxsize=None)
def _anchor_regex(anchor: str) -> re.Pattern:
    return re.compile(_expand(lexicon.written_pattern(anchor)))


@lru_cache(maxsize=None)
def _session_forms():
    return lexicon.load().w("session_full_forms")


def session_name(name: str) -> str:
    """A congress or conference session in full: 湖北省十三届人大常委会第十四次会议 ->
    湖北省第十三届人民代表大会常务委员会第十四次会议; a bare level keeps {place} for the resolver."""
    for short, full in _session_forms():
        name = name.replace(short, full)
    name = _regex("session_numbered").sub(_data()["session_numbered_as"], name)
    return _regex("session_level").sub("{place}", name)


def _plenum_place(place: str) -> str:
    # a level alone (省委…, 自治区党委…) names no place: the resolver fills it in
    return place if len(place) > 1 and place not in _words("plenum_levels") else "{place}"


def _congress_place(place: str) -> str:
    return place if len(place) > 1 else "{place}"


def _body_name(body: str) -> str:
    return lexicon.load().national.get(body, _data()["body_names"].get(body, body))


# what fills a canonical name's template, by kind (the groups a pattern found)
TEMPLATE_ARGS = {
    "local_plenum": lambda g: (_plenum_place(g[0]), g[1], g[2]),
    "local_congress": lambda g: (_congress_place(g[0]), g[1]),
    # the two word orders of a CPPCC session fill different groups
    "cppcc": lambda g: (g[0], g[1]) if g[0] else (g[2], g[3]),
    "discipline_plenum": lambda g: (g[0], g[1]) if g[0] else (g[2], g[3]),
    "local_cppcc": lambda g: (g[0] or "{place}", g[2], g[3], g[4] or ""),
    "termed_government": lambda g: (*g[:3], "{place}"),
    "body_congress": lambda g: (_body_name(g[0]), g[1]),
}


def _canonical(kind: str, m) -> str:
    if kind == "local_session":
        return session_name(m.group())
    if kind == "mass_congress":
        return m.group()
    args = TEMPLATE_ARGS.get(kind, tuple)(m.groups())
    return _data()["canonical"][kind].format(*args)


@lru_cache(maxsize=None)
def _cut_words():
    words = set(_words("event_cut")) | set(lexicon.load().w("cut_before"))
    return sorted(words - set(_words("kept_in_meeting_names")), key=len, reverse=True)


@lru_cache(maxsize=None)
def _anchor():
    return re.compile(lexicon.place_alternation() + "|" + lexicon.national_alternation()
                      + "|" + "|".join(_words("anchor_words")))


def _scoped_start(text: str, lo: int, hi: int):
    """Start of a scoped name right after 召开/举行 (召开全省营商环境建设动员大会: its subject may
    hold words that otherwise cut a name), or None."""
    for k in range(hi - 4, lo - 1, -1):
        sc = _regex("scoped").match(text, k, hi)
        if sc and len(sc.group(1)) >= 2 and not sc.group(1).endswith(_words("audience")) \
                and text.endswith(tuple(_words("convene_verbs")), 0, k):
            return k
    return None


def _place_start(text: str, i: int, hi: int, start: int) -> int:
    """A meeting named from a clean left edge by a gazetteer place (某市优化营商环境推进大会)
    keeps the verbs of its subject (优化, 加强); only 召开, 在 and the like cut it."""
    j = i + _regex("time_of_day").match(text[i:hi]).end()
    place = lexicon.place_pattern().match(text, j, hi)
    if j >= start or not place or place.end() - j < 2 or any(w in text[j:hi] for w in _words("event_cut")):
        return start
    return j


def _left_edge(text: str, hi: int) -> int:
    """How far left a meeting's name may reach: a run of CJK, quotes and digits (a date
    before the name, 2024年, is cut off later), at most 40."""
    i = hi
    while i > 0 and hi - i < 40 and (is_cjk(text[i - 1]) or text[i - 1] in QUOTES or text[i - 1].isascii() and text[i - 1].isdigit()):
        i -= 1
    return i


def _after_cuts(text: str, lo: int, hi: int) -> int:
    """After the cut word that ends last in text[lo:hi] (read from the right: an earlier
    word cannot end later once a word of the greatest length could not)."""
    start, by_first, longest = lo, _cut_words_by_first(), len(_cut_words()[0])
    keep = _words("keep_words")
    for k in range(hi - 1, lo - 1, -1):
        if k + longest <= start:
            break
        for w in by_first.get(text[k], ()):
            # 经 of 经济 is no verb: 中央经济工作会议
            if k + len(w) <= hi and text.startswith(w, k) and text[k:k + 2] not in keep:
                start = max(start, k + len(w))
    return start


@lru_cache(maxsize=None)
def _cut_words_by_first() -> dict:
    return lexicon.by_first_char(_cut_words())


def _after_dates(text: str, start: int, hi: int) -> int:
    """A date before a meeting's name is no part of it (十二月八日中央经济工作会议)."""
    ends = [d.end() for d in _regex("date").finditer(text, start, hi)]
    return ends[-1] if ends else start


def _after_lead(text: str, start: int) -> int:
    """贯彻 stays inside names (学习贯彻…主题教育工作会议) but not before an anchored one:
    深入贯彻中央统战工作会议精神."""
    lead = next((w for w in _words("leads") if text.startswith(w, start)), "")
    if lead and not _anchor().match(text, start) and _anchor().match(text, start + len(lead)):
        start += len(lead)
    return start


def _meeting_start(text: str, lo: int, hi: int):
    """Where the name of the meeting word at hi starts, and whether a scope made it."""
    start = _after_lead(text, _after_dates(text, _after_cuts(text, lo, hi), hi))
    start = _place_start(text, lo, hi, start)
    scoped = _scoped_start(text, lo, hi)
    return (start, False) if scoped is None else (scoped, True)


def _kind_of_meeting(text: str, word: str, start: int, prefix: str, anchored: bool) -> bool:
    """Whether the meeting word names only a kind of meeting here (召开表彰大会)."""
    if word == _data()["rally"]:
        return not anchored or prefix.endswith(_data()["delegates"])
    if word == _data()["forum"]:
        return not (anchored or text.endswith(_words("forum_introducers"), 0, start))
    if word in _words("work_meetings"):
        return not anchored and not _regex("numbered").search(prefix)
    return False


def _unnamed(text: str, word: str, start: int, prefix: str, anchored: bool) -> bool:
    introduced = text.endswith(_words("introducers"), 0, start)
    if len(prefix) < 4 or prefix.startswith(_words("generic_event")) or not (anchored or introduced) \
            or prefix.endswith(_words("routine")):
        return True
    return _kind_of_meeting(text, word, start, prefix, anchored)


def _convened(text: str, start: int) -> bool:
    """Whether a body convenes the meeting right before it (某局召开…): the resolver may
    prefix its name."""
    return bool(_regex("convener").search(text[max(0, start - 14):start]))


def _named_meeting(text: str, m):
    lo = _left_edge(text, m.start())
    start, scoped = _meeting_start(text, lo, m.start())
    name = text[start:m.end()]
    prefix = text[start:m.start()]
    anchored = bool(_anchor().match(name)) or scoped
    place, begin = _convening_place(text, lo, m.start())
    if place and not _unnamed(text, m.group(), begin, text[begin:m.start()], True):
        # 某市召开领导干部大会: the meeting of the place that convenes it, named from the verb on
        named = text[begin:m.end()]
        return Cand(begin, m.end(), named, "Event", props={"canonical": place + named, "convened": False})
    if _unnamed(text, m.group(), start, prefix, anchored):
        return None
    convened = not anchored and _convened(text, start)
    props = {"canonical": name, "convened": convened}
    if scoped:      # 全省检察长会议: the province's, spelled out by the resolver
        props.update(canonical="{place}" + name[2:], level=name[1])
    return Cand(start, m.end(), name, "Event", props=props)


def _convening_place(text: str, lo: int, hi: int) -> tuple:
    """(place, where the name starts) for a meeting a gazetteer place convenes right before
    it (大连市召开领导干部大会), with a clean left edge; ('', 0) otherwise."""
    verbs = _words("convene_verbs")[:2]
    k = max(text.rfind(v, lo, hi) for v in verbs)
    if k < 0:
        return "", 0
    for n in range(min(9, k), 1, -1):
        p = lexicon.load().places.get(text[k - n:k])
        if p and p.named_by(text[k - n:k]) and (k - n == 0 or not is_cjk(text[k - n - 1])):
            return p.name, k + len(verbs[0])
    return "", 0


def _named_meetings(text: str) -> list:
    found = (_named_meeting(text, m) for m in _regex("meeting").finditer(text))
    return [c for c in found if c is not None]


def _plenum_start(text: str, k: int):
    """The start of an unlisted place before the 委 at k (the shortest with a clean left
    edge), with 中共 before it, or None."""
    party = _data()["party_prefix"]
    for j in range(k - 3, max(-1, k - 9), -1):
        before = text[j - 1:j]
        stops = lexicon.load().w("left_stops")
        if not all(is_cjk(ch) and ch not in stops for ch in text[j:k - 1]) or text[j:j + 2] == party \
                or not placeish(text[j:k - 1]):
            return None
        if before and is_cjk(before) and text[j - 2:j] != party and before not in _data()["plenum_left"]:
            continue
        return j
    return None


def _local_plenums(text: str) -> list:
    """Plenums of a county or district the gazetteer does not list: 中共某某县委十五届五次全会.
    The place is the longest run of two to eight characters before 委 ending in a level
    character and starting after punctuation, a function word or 中共."""
    out = []
    template = _data()["canonical"]["local_plenum"]
    for m in _matches(_regex("plenum_tail"), text, _data()["plenum_anchor"]):
        k = m.start()
        j = _plenum_start(text, k) if text[k - 1:k] in _data()["level_end"] else None
        if j is None:
            continue
        start = j - 2 if text[j - 2:j] == _data()["party_prefix"] else j
        out.append(Cand(start, m.end(), text[start:m.end()], "Event", props={
            "canonical": template.format(text[j:k], m.group(1), m.group(2)), "kind": "local_plenum"}))
    return out


def _sittings(text: str) -> list:
    """Numbered sittings; entities.py names them after the body that holds them and drops
    those with no body right before them or before 召开/举行/进行."""
    return [_sitting(m) for m in _matches(_regex("sitting"), text, _data()["sitting_anchor"])
            if not _regex("term_before").search(text, max(0, m.start() - 24), m.start())]


def _sitting(m) -> Cand:
    # a sitting that names its routine body (党委常委会2024年第9次会议, 第3次党组会议) is kept
    # even with no convener named before it
    own = bool(m.groupdict().get("body") or m.groupdict().get("named"))
    return Cand(m.start(), m.end(), m.group(), "Event", props={"canonical": m.group(), "convened": True,
                                                               "kind": "body_sitting" if own else "sitting"})


def _plenum_lists(text: str) -> list:
    """二十届二中、三中全会: one plenum per number, each spanning its own words."""
    out, template, mark = [], _data()["canonical"]["plenum"], _data()["plenum_list_mark"]
    for m in _matches(_regex("plenum_list"), text, _data()["plenum_anchor"]):
        pos = m.start(2)
        items = m.group(2).split(mark)
        for k, item in enumerate(items):
            start = m.start() if k == 0 else pos
            end = m.end() if k == len(items) - 1 else pos + len(item)
            out.append(Cand(start, end, text[start:end], "Event", props={
                "canonical": template.format(m.group(1), item[:-1]), "kind": "plenum"}))
            pos += len(item) + len(mark)
    return out


def find_events(text: str) -> list:
    out = _local_plenums(text) + _sittings(text) + _plenum_lists(text)
    party = _data()["party_prefix"]
    for kind, pat, anchor in _patterns():
        for m in _matches(pat, text, anchor):
            # 中共陕西省委十四届六次全会: 中共 belongs to the meeting's name, not a body of its own
            start = m.start() - 2 if kind.startswith("local_") and text[m.start() - 2:m.start()] == party else m.start()
            props = {"canonical": _canonical(kind, m), "kind": kind}
            if m.re.groupindex.get("level"):      # a bare level names the place: the resolver fills it in
                props["level"] = m.group("level")
            out.append(Cand(start, m.end(), text[start:m.end()], "Event", props=props))
    out.extend(_named_meetings(text))
    return out
