"""Person names, found from context: a post title right before the name
(市委书记张志明), 同志/总书记 right after it, a reporter credit (记者陈红), or a
list of names after a title (主席张三、李四). A name is a known surname plus one
or two characters; where both lengths fit, the one followed by a cue wins.

>>> [(c.text, c.props.get("title")) for c in find_people("市委副书记、市长李国强出席。")]
[('李国强', '市长')]
"""
from __future__ import annotations

import re
from functools import lru_cache

from orgkg.extractors import knowledge as lexicon
from orgkg.extractors.recognise.spans import Cand, is_cjk


@lru_cache(maxsize=None)
def _patterns():
    titles = lexicon.alternation("titles")
    after = lexicon.alternation("person_after")
    return (re.compile(f"(?:{titles})"), re.compile(f"(?:{after})"),
            re.compile(r"(?:记者|通讯员)\s*"), re.compile(r"[（(]\s*([\u4e00-\u9fff]{2,4})\s*摄\s*[）)]"))


def _name_at(text: str, i: int, need_cue: bool) -> str:
    """The surname-led name starting at text[i], or ''."""
    lex = lexicon.load()
    _, after, _, _ = _patterns()
    sur = text[i:i + 2] if text[i:i + 2] in lex.surnames else text[i:i + 1]
    if sur not in lex.surnames:
        return ""
    best = ""
    for n in (2, 1):
        name = text[i:i + len(sur) + n]
        if len(name) < len(sur) + n or not all(is_cjk(c) for c in name):
            continue
        if any(name.startswith(w) or w in name for w in lex.w("not_person")):
            continue
        if any(w in name for w in lex.w("person_stop")):
            continue
        rest = text[i + len(name):]
        nxt = rest[:1]
        if not nxt or not is_cjk(nxt) or after.match(rest):
            return name
        if not need_cue and not best:
            best = ""
    return best


@lru_cache(maxsize=None)
def _translit() -> frozenset:
    lines = (lexicon.DATA / "translit_chars.txt").read_text(encoding="utf-8").splitlines()
    return frozenset("".join(w for ln in lines if not ln.startswith("#") for w in ln.split()))


def _translit_at(text: str, i: int) -> str:
    """A transliterated (Uyghur, Tibetan, Mongolian) name at text[i]: parts joined by ·,
    or a run of 2-8 transliteration characters; the longest one ended by a cue word or
    punctuation wins, since these names have no surname to anchor them."""
    chars, (_, after, _, _) = _translit(), _patterns()
    n = 0
    while i + n < len(text) and (text[i + n] in chars or text[i + n] in "·•・" and n) and n < 24:
        n += 1
    m = re.match(r".+[·•・].+", text[i:i + n])
    if m:
        for e in range(len(m.group()), 0, -1):
            name, rest = m.group()[:e], text[i + e:]
            if name[-1] in "·•・" or "·" not in name.replace("•", "·").replace("・", "·"):
                continue
            if not rest[:1] or not is_cjk(rest[0]) or after.match(rest):
                return name
    n = 0
    while i + n < len(text) and text[i + n] in chars and n < 8:
        n += 1
    for e in range(n, 1, -1):
        rest = text[i + e:]
        # two characters before a comma are as often a noun (秘书长沙龙，): a cue word must follow them
        if after.match(rest) or e > 2 and (not rest[:1] or rest[0] in "，、。；：,;（("):
            return text[i:i + e]
    return ""


def _clean_left(text: str, s: int) -> bool:
    """A name's left edge: the start, punctuation, a function word or a word that
    announces an appointment (中共中央批准，; 决定：)."""
    if s == 0 or not is_cjk(text[s - 1]) or text[s - 1] in "的和与及由是对向以为把将":
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
    after, before = _appointment_patterns()
    lex, out = lexicon.load(), []
    for m in after.finditer(text):
        e = m.start()
        if text.startswith(tuple(lex.w("appointment_verb_not_followed")), m.end()) \
                or any(text.startswith(w, e - w.index(m.group()[0])) for w in lex.w("appointment_not_words")
                       if m.group()[0] in w and w.index(m.group()[0]) > 0 and w.index(m.group()[0]) <= e):
            continue
        for n in (3, 2, 4):
            s = e - n
            if s >= 0 and _name_at(text[s:e] + "，", 0, need_cue=True) == text[s:e] and _clean_left(text, s):
                out.append(Cand(s, e, text[s:e], "PERSON"))
                break
    for m in before.finditer(text):
        i = m.end()
        name = _name_at(text, i, need_cue=False)
        for n in (3, 2, 4):
            cand = text[i:i + n]
            if _name_at(cand + "，", 0, need_cue=True) == cand and text[i + n:i + n + 1] in ("为", "的", "同") \
                    and not any(w in cand for w in lex.w("person_stop")):
                name = cand
                break
        else:
            name = ""
        if name:
            out.append(Cand(i, i + len(name), name, "PERSON"))
    return out


def find_people(text: str) -> list:
    title_re, after_re, reporter_re, photo_re = _patterns()
    lex = lexicon.load()
    out = _appointees(text)
    for m in title_re.finditer(text):
        i = m.end()
        # a list of names after one title: 主席张三、李四
        while i < len(text):
            name = _name_at(text, i, need_cue=True)
            if not name or text[i + len(name):i + len(name) + 1] in ("·", "•", "・"):
                name = _translit_at(text, i) or name
            if not name:
                break
            out.append(Cand(i, i + len(name), name, "PERSON", props={"title": m.group(), "title_start": m.start()}))
            i += len(name)
            if text[i:i + 1] != "、":
                break
            i += 1
    for m in reporter_re.finditer(text):
        name = _name_at(text, m.end(), need_cue=False)
        if name:
            out.append(Cand(m.end(), m.end() + len(name), name, "PERSON"))
    for m in photo_re.finditer(text):
        if m.group(1)[:1] in lex.surnames or m.group(1)[:2] in lex.surnames:
            out.append(Cand(m.start(1), m.end(1), m.group(1), "PERSON"))
    # a list of bare three-character names: 王小明、李大伟
    for m in re.finditer(r"[\u4e00-\u9fff]{3}(?:、[\u4e00-\u9fff]{3})+", text):
        before, after = text[m.start() - 1:m.start()], text[m.end():m.end() + 1]
        if before and is_cjk(before) and before not in "的和与及由是对向请经" or \
                after and is_cjk(after) and after not in "等和同流的":
            continue
        items = m.group().split("、")
        if all(_name_at(it + "，", 0, need_cue=True) == it for it in items):
            pos = m.start()
            for it in items:
                out.append(Cand(pos, pos + 3, it, "PERSON"))
                pos += 4
    # name followed by 同志 / 总书记: 刘建华同志, 习近平总书记
    for m in re.finditer(r"(?=(?:同志|总书记))", text):
        e = m.start()
        for n in (3, 2, 4):
            s = e - n
            if s < 0:
                continue
            cand = text[s:e]
            if not all(is_cjk(c) for c in cand):
                continue
            verbs = lex.w("cut_before")
            if _name_at(text, s, need_cue=True) == cand and (s == 0 or not is_cjk(text[s - 1]) or
                                                            text.startswith("总书记", e) or
                                                            text[s - 1] in "的和与及、，在是由对向以为把将" or
                                                            any(text.endswith(v, 0, s) for v in verbs)):
                out.append(Cand(s, e, cand, "PERSON"))
                break
    return out
