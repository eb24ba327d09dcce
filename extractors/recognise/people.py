"""Person names, found from context: a post title right before the name
(市委书记张志明), 同志/总书记 right after it, a reporter credit (记者陈红), or a
list of names after a title (主席张三、李四). A name is a known surname plus one
or two characters; where both lengths fit, the one followed by a cue wins. The
context words and patterns are in data/people.yaml.

>>> [(c.text, c.props.get("title")) for c in find_people("市委副书记、市长李国强出席。")]
[('李国强', '市长')]
"""
from __future__ import annotations

import re
from functools import lru_cache

from orgkg.extractors import knowledge as lexicon
from orgkg.extractors.recognise.spans import Cand, is_cjk

DATA_FILE = "people.yaml"
# the dots between the parts of a transliterated name (艾尔肯·吐尼亚孜)
DOTS = ("·", "•", "・")


DATA = lexicon.DataFile(DATA_FILE)
_word, _regex = DATA.word, DATA.pattern


@lru_cache(maxsize=None)
def _patterns():
    titles = lexicon.alternation("titles")
    after = lexicon.alternation("person_after")
    return (re.compile(f"(?:{titles})"), re.compile(f"(?:{after})"), _regex("reporter"), _regex("photographer"))


def _name_at(text: str, i: int) -> str:
    """The surname-led name starting at text[i], or '': one followed by a cue word,
    punctuation or the end of the text. Where both lengths fit, the shorter wins when a cue
    word of two characters, or one of ``short_name_cues``, follows it (程亮摄, 张伟等)."""
    for sur in _surnames_at(text, i):
        fits = [text[i:i + len(sur) + n] for n in (2, 1)]
        fits = [name for name, n in zip(fits, (2, 1)) if len(name) == len(sur) + n and _could_be_name(name)
                and _cue_after(text[i + len(name):])]
        if len(fits) == 2 and _strong_cue(text[i + len(fits[1]):]):
            return fits[1]
        if fits:
            return fits[0]
    return ""


def _surnames_at(text: str, i: int) -> list:
    """The surnames text[i] may open with: a compound one (马海 of a Yi name), then the
    single character (马 of 马海)."""
    surnames = lexicon.load().surnames
    return [s for s in (text[i:i + 2], text[i:i + 1]) if s in surnames]


def _strong_cue(rest: str) -> bool:
    m = _patterns()[1].match(rest)
    return bool(m) and (len(m.group()) > 1 or m.group() in _word("short_name_cues"))


def _surname_at(text: str, i: int) -> str:
    """The surname at text[i] (a compound one first), or ''."""
    found = _surnames_at(text, i)
    return found[0] if found else ""


def _could_be_name(name: str) -> bool:
    if not all(is_cjk(c) for c in name):
        return False
    # a name has a few characters: its pieces are looked up, not every word searched for
    banned = _not_in_names()
    return not any(name[i:j] in banned for i in range(len(name)) for j in range(i + 1, len(name) + 1))


@lru_cache(maxsize=None)
def _not_in_names() -> frozenset:
    lex = lexicon.load()
    return frozenset(lex.w("not_person")) | frozenset(lex.w("person_stop"))


def _cue_after(rest: str) -> bool:
    """What follows a name ends it: the end, punctuation or a cue word (同志, 出席)."""
    return bool(not rest[:1] or not is_cjk(rest[:1]) or _patterns()[1].match(rest))


@lru_cache(maxsize=None)
def _translit() -> frozenset:
    lines = (lexicon.DATA / "translit_chars.txt").read_text(encoding="utf-8").splitlines()
    return frozenset("".join(w for ln in lines if not ln.startswith("#") for w in ln.split()))


def _translit_at(text: str, i: int) -> str:
    """A transliterated (Uyghur, Tibetan, Mongolian) name at text[i]: parts joined by ·,
    or a run of 2-8 transliteration characters; the longest one ended by a cue word or
    punctuation wins, since these names have no surname to anchor them."""
    return _dotted_name_at(text, i) or _plain_translit_at(text, i)


def _dotted_name_at(text: str, i: int) -> str:
    chars, n = _translit(), 0
    while i + n < len(text) and (text[i + n] in chars or text[i + n] in DOTS and n) and n < 24:
        n += 1
    m = re.match(r".+[·•・].+", text[i:i + n])
    if not m:
        return ""
    for e in range(len(m.group()), 0, -1):
        name = m.group()[:e]
        if name[-1] not in DOTS and any(d in name for d in DOTS) and _cue_after(text[i + e:]):
            return name
    return ""


def _plain_translit_at(text: str, i: int) -> str:
    chars, n = _translit(), 0
    while i + n < len(text) and text[i + n] in chars and n < 8:
        n += 1
    for e in range(n, 1, -1):
        rest = text[i + e:]
        # two characters before a comma are as often a noun (秘书长沙龙，): a cue word must follow them
        if _patterns()[1].match(rest) or e > 2 and (not rest[:1] or rest[0] in "，、。；：,;（()）\n"):
            return text[i:i + e]
    return ""


def _clean_left(text: str, s: int) -> bool:
    """A name's left edge: the start, punctuation, a function word or a word that
    announces an appointment (中共中央批准，; 决定：)."""
    if s == 0 or not is_cjk(text[s - 1]) or text[s - 1] in _word("appointee_left_chars"):
        return True
    return text.endswith(tuple(lexicon.load().w("appointment_left_words")), 0, s)


@lru_cache(maxsize=None)
def _appointment_patterns():
    lex = lexicon.load()
    alt = lambda key: "|".join(map(re.escape, sorted(lex.w(key), key=len, reverse=True)))  # noqa: E731
    return re.compile(f"(?:{alt('appointment_verbs_after_name')})"), re.compile(f"(?:{alt('appointment_verbs_before_name')})")


def _appointees(text: str) -> list:
    """Names that an appointment verb follows (某某任某省委副书记, 某某兼任…) or precedes
    (任命某某为…, 免去某某的…): with no title beside them, the verb is the only cue."""
    return _named_before_verb(text) + _named_after_verb(text) + _under_headings(text)


def _under_headings(text: str) -> list:
    """决定任命：/ 免去： on a line of its own: the names opening the lines under it."""
    out = []
    for m in _regex("appointment_heading").finditer(text):
        i = m.end() + 1
        while i < len(text):
            name = _appointee_at(text, i)
            if not name:
                break
            out.append(Cand(i, i + len(name), name, "Person"))
            out += _listed_appointees(text, i + len(name))
            i = text.find("\n", i) + 1 or len(text)
    return out


def _named_before_verb(text: str) -> list:
    out = []
    for m in _appointment_patterns()[0].finditer(text):
        if _verb_in_other_word(text, m):
            continue
        s = _appointee_start(text, m.start())
        if s is not None:
            out.append(Cand(s, m.start(), text[s:m.start()], "Person"))
    return out


def _verb_in_other_word(text: str, m) -> bool:
    """The verb found at m is part of another word, or followed by what makes it one."""
    lex, e = lexicon.load(), m.start()
    if text.startswith(tuple(lex.w("appointment_verb_not_followed")), m.end()):
        return True
    return any(text.startswith(w, e - w.index(m.group()[0])) for w in lex.w("appointment_not_words")
               if m.group()[0] in w and w.index(m.group()[0]) > 0 and w.index(m.group()[0]) <= e)


def _appointee_start(text: str, e: int):
    """Where the name right before text[e] starts, or None."""
    for n in (3, 2, 4):
        s = e - n
        if s >= 0 and _name_at(text[s:e] + "，", 0) == text[s:e] and _clean_left(text, s):
            return s
    return None


def _named_after_verb(text: str) -> list:
    out = []
    for m in _appointment_patterns()[1].finditer(text):
        i = m.end()
        name = _appointee_at(text, i)
        if name:
            out.append(Cand(i, i + len(name), name, "Person"))
            out += _listed_appointees(text, i + len(name))
    return out


def _listed_appointees(text: str, i: int) -> list:
    """任命甲为某局局长、乙为某委主任: the names after 、 that the same verb appoints, each
    followed by 为, up to the end of the sentence."""
    end = min((k for k in (text.find(c, i) for c in "。；;\n") if k >= 0), default=len(text))
    out = []
    for m in re.finditer("、", text[i:end]):
        k = i + m.end()
        name = _appointee_at(text, k)
        if name and text.startswith(_word("appointed_as"), k + len(name)):
            out.append(Cand(k, k + len(name), name, "Person"))
    return out


def _appointee_at(text: str, i: int) -> str:
    stops = lexicon.load().w("person_stop")
    for n in (3, 2, 4):
        cand = text[i:i + n]
        if _name_at(cand + "，", 0) == cand and text[i + n:i + n + 1] in _word("after_appointee") \
                and not any(w in cand for w in stops):
            return cand
    return ""


def find_people(text: str) -> list:
    return [c for find in FINDERS for c in find(text)]


def _titled(text: str) -> list:
    return [c for m in _patterns()[0].finditer(text) for c in _names_after_title(text, m)]


def _names_after_title(text: str, m) -> list:
    """The names after the title found at m: one, or a list (主席张三、李四)."""
    out, i = [], m.end()
    while i < len(text):
        name = _titled_name_at(text, i)
        if not name:
            break
        out.append(Cand(i, i + len(name), name, "Person", props={"title": m.group(), "title_start": m.start()}))
        i += len(name)
        if text[i:i + 1] != "、":
            break
        i += 1
    return out


def _titled_name_at(text: str, i: int) -> str:
    name = _name_at(text, i)
    if not name or text[i + len(name):i + len(name) + 1] in DOTS:
        name = _translit_at(text, i) or name
    return name


def _segment_names(run: str) -> list:
    """A run of names written together (周静怡于海洋, once the spaces are gone) cut into
    names, three-character ones first; [] when it does not cut into names."""
    if not run:
        return []
    for n in (4, 3, 2):
        head = run[:n]
        sur = _surname_at(head, 0)
        if len(head) == n and sur and 0 < n - len(sur) <= 2 and _could_be_name(head):
            rest = _segment_names(run[n:])
            if rest or n == len(run):
                return [head] + rest
    return []


def _credited_run(text: str, i: int) -> list:
    """Names of a credit run together up to its bracket or punctuation: (start, name) each."""
    end = i
    while end < len(text) and is_cjk(text[end]) and end - i < 12 and not _run_ends(text, end):
        end += 1
    names = _segment_names(text[i:end]) if end - i > 3 else []
    out, pos = [], i
    for name in names:
        out.append(Cand(pos, pos + len(name), name, "Person"))
        pos += len(name)
    return out


def _run_ends(text: str, k: int) -> bool:
    """A credit's names end before a cue (摄, 报道)."""
    m = _patterns()[1].match(text, k)
    return text[k] in _word("short_name_cues") or bool(m) and len(m.group()) > 1


def _reported(text: str) -> list:
    out = []
    for m in _patterns()[2].finditer(text):
        i = m.end()
        run = _credited_run(text, i)
        if len(run) > 1:
            out += run
            continue
        while True:
            name = _name_at(text, i) or _translit_at(text, i)
            if not name:
                break
            out.append(Cand(i, i + len(name), name, "Person"))
            gap = _regex("credit_separator").match(text, i + len(name))
            if not gap:
                break
            i = gap.end()
    return out


def _photographed(text: str) -> list:
    surnames = lexicon.load().surnames
    return [Cand(m.start(1), m.end(1), m.group(1), "Person") for m in _patterns()[3].finditer(text)
            if m.group(1)[:1] in surnames or m.group(1)[:2] in surnames]


def _name_lists(text: str) -> list:
    """A list of bare three-character names: 王小明、李大伟."""
    out = []
    for m in _name_list_matches(text):
        if _list_stands_alone(text, m.start(), m.end()):
            out += _listed_names(m.group(), m.start())
    return out


NAME_LIST = re.compile(r"[\u4e00-\u9fff]{3}(?:、[\u4e00-\u9fff]{3})+")


def _name_list_matches(text: str):
    """The matches NAME_LIST.finditer gives, tried only where a list can start (three
    characters before a 、) rather than at every character."""
    end = 0
    for k in lexicon.positions(text, "、"):
        if k - 3 >= end:
            m = NAME_LIST.match(text, k - 3)
            if m:
                yield m
                end = m.end()


def _list_stands_alone(text: str, s: int, e: int) -> bool:
    before, after = text[s - 1:s], text[e:e + 1]
    return not (before and is_cjk(before) and before not in _word("name_list_left_chars")
                or after and is_cjk(after) and after not in _word("name_list_right_chars"))


def _listed_names(names: str, pos: int) -> list:
    items = names.split("、")
    if not all(_name_at(it + "，", 0) == it for it in items):
        return []
    return [Cand(pos + 4 * k, pos + 4 * k + 3, it, "Person") for k, it in enumerate(items)]


def _honoured(text: str) -> list:
    """A name followed by 同志 / 总书记: 刘建华同志, 习近平总书记."""
    out = []
    # where an honorific starts, found word by word (a pattern looking ahead at every
    # character cost ten times as much)
    for e in sorted({k for w in _word("honorifics") for k in lexicon.positions(text, w)}):
        s = _honoured_start(text, e)
        if s is not None:
            out.append(Cand(s, e, text[s:e], "Person"))
    return out


def _honoured_start(text: str, e: int):
    for n in (3, 2, 4):
        s = e - n
        if s < 0:
            continue
        cand = text[s:e]
        if all(is_cjk(c) for c in cand) and _name_at(text, s) == cand and _honoured_left(text, s, e):
            return s
    # a transliterated name (旺堆同志, 索朗扎西同志): the longest run of its characters
    for n in (4, 3, 2):
        s = e - n
        if s >= 0 and all(c in _translit() for c in text[s:e]) and _honoured_left(text, s, e) \
                and not (s and text[s - 1] in _translit()):
            return s
    return None


def _honoured_left(text: str, s: int, e: int) -> bool:
    return s == 0 or not is_cjk(text[s - 1]) or text.startswith(_word("title_honorific"), e) \
        or text[s - 1] in _word("honorific_left_chars") or text.endswith(lexicon.word_tuple("cut_before"), 0, s)


def _rostered(text: str) -> list:
    """A roster member: 组长：张三，市委书记 / 李四，市公安局局长 (one a line). The last post
    title is the name's title, as if written before it; the label (组长) goes in ``label``."""
    titles = sorted(lexicon.load().w("titles"), key=len, reverse=True)
    out, label, line_end = [], None, -1
    for m in _regex("roster_member").finditer(text):
        if m.group(1) or m.start() != line_end + 1:
            label = (m.group(1), m.start(1)) if m.group(1) else None
        line_end = m.end(3)
        title = next((t for t in titles if m.group(3).endswith(t)), None)
        if _name_at(text, m.start(2)) == m.group(2) and title:
            props = {"title": title, "title_start": line_end - len(title)}
            props.update({"label": label[0], "label_start": label[1]} if label else {})
            out.append(Cand(m.start(2), m.end(2), m.group(2), "Person", props=props))
    return out


def _roster_leaders(text: str) -> list:
    """A body's leaders, one a line: 局长：张三 / 副局长：李四（兼任局党组书记）. The label is
    the name's title, as if written before it."""
    titles = set(lexicon.load().w("titles"))
    return [Cand(m.start(2), m.end(2), m.group(2), "Person", props={"title": m.group(1), "title_start": m.start(1)})
            for m in _regex("roster_leader").finditer(text)
            if m.group(1) in titles and _name_at(text, m.start(2)) == m.group(2)]


# candidates come in this order, and where two are the same span the earlier one wins
# (spans.select keeps the order of equals)
FINDERS = (_appointees, _titled, _reported, _photographed, _name_lists, _honoured, _rostered, _roster_leaders)
