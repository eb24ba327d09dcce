"""Organisation names: national bodies and other whole patterns (org_patterns.py), and
local bodies found from their suffix (委员会, 科协, 学会, 办公室…) by scanning left to where
the name begins (after a verb, a function word or punctuation).

>>> from .spans import select
>>> [c.text for c in select(find_orgs("市科协机关党委要加强对各区县科协的指导。"))]
['市科协机关党委', '各区县科协']
"""
from __future__ import annotations

import re
from functools import lru_cache
from types import SimpleNamespace

from orgkg.extractors import knowledge as lexicon
from orgkg.extractors.recognise.org_patterns import find_pattern_orgs
from orgkg.extractors.recognise.spans import Cand, is_cjk, matching_open

# a county-level place the gazetteer does not list, right after punctuation: 浏阳市委, 城口县科协
LOCAL = re.compile(r"[\u4e00-\u9fff]{2,6}(?:县|区|市|州|旗|新区|经开区|高新区|开发区|示范区|镇|乡|街道)")
# an unlisted county's department right after punctuation: 岳西县应急管理局 (县 or 旗, not 市场 or 区域)
COUNTY_LED = re.compile(r"[\u4e00-\u9fff]{2,4}[县旗](?:应急管理|教育|公安|财政|民政|司法|卫生健康|自然资源|生态环境|住房和城乡建设"
                        r"|交通运输|水利|农业农村|商务|文化和旅游|市场监督管理|林业|审计|统计|医疗保障|人力资源和社会保障|税务)")
ONE_CHAR_VERBS = "经报向由据按请"
# words of names that start with one of those characters (市经济和信息化局, 经开区管委会)
VERB_CHAR_WORDS = ("经济", "经开", "经信", "经管", "经贸", "报社", "报业", "由于")
# the last characters of a body's name: 各 after them starts its units (某纪委监委各派驻纪检监察组)
SUFFIX_ENDS = ("委", "会", "部", "局", "厅", "院", "组", "办", "府", "协", "联")


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
    cut_words = [w for w in lex.w("cut_before") if w not in ("建设", "服务", "联合", "共同", "国家")]
    # numbered articles and items (第二条, （一）) open a new sentence, whatever follows
    cut = re.compile("|".join(lex.w("left_cut_patterns") + [re.escape(w) for w in sorted(cut_words, key=len, reverse=True)]))
    coord = re.compile(r"(?:、(?:协会|研究会|学会|基金会|联合会))+")
    return suffix, national, anchor, cut, coord


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
    _, _, anchor, cut, _ = _patterns()
    stops = lexicon.load().w("left_stops")
    immune = _anchored(text, ws, s, anchor)
    # words of names that hold a stop character: 应急管理局, 有限责任公司, 各有关单位
    for w in _rules().inside:
        k = text.find(w, ws, s + len(w) - 1)      # (it may run into the suffix: 中心|医院)
        while k >= 0:
            immune.update(range(k + w.startswith("各"), k + len(w)))     # 各 itself still marks the start
            k = text.find(w, k + 1, s + len(w) - 1)
    start = ws
    for m in cut.finditer(text, ws, s):
        if not any(i in immune for i in range(m.start(), m.end())):
            start = max(start, m.end())
    for i in range(ws, s):
        ch = text[i]
        # (委直属各单位, 局属各单位: the body's own units, named from the body)
        if ch == "各" and i > start and not re.sub(r"(?:直属|所属|下属|属)$", "", text[start:i]).endswith(SUFFIX_ENDS):
            start = i       # 各 starts a class even where it is an anchor (要求各社区党委), not after a body (市纪委各…)
            continue
        if i in immune or ch not in stops:
            continue
        if ch == "的" and text[i - 1:i] == "党" and text.startswith("建设", i + 1):
            continue
        if ch == "和" and any(i >= w.index("和") and text.startswith(w, i - w.index("和")) for w in _rules().and_ok):
            continue      # 工业和信息化部: 和 inside a name
        if ch == "各":
            start = max(start, i)       # keep 各: it marks a collective
            continue
        start = max(start, i + 1)
    return start


def _plausible_unanchored(prefix: str, suf: str, clean_left: bool = False) -> bool:
    """A name with no place or national anchor: accept it only when its prefix looks like
    a body's own modifier (机关党委, 科技社团党委, 老科协), or for a society-type suffix
    when the prefix is long enough to be a name (反邪教协会), never after an unknown verb."""
    lex = lexicon.load()
    mods = lex.w("org_modifiers")
    if clean_left and (LOCAL.fullmatch(prefix) and len(prefix) > 2 or COUNTY_LED.fullmatch(prefix)):
        return True      # a county or district the gazetteer does not list: 城口县科协 (right after punctuation)
    if len(prefix) <= 10 and any(prefix.endswith(m) for m in mods):
        return True
    if suf in _rules().strong and len(prefix) >= 3:
        return True
    if clean_left and suf in ("大学", "学院") and len(prefix) == 2:
        return True      # 清华大学, 复旦大学: a two-character name right after punctuation
    # 万盛经开区科协党组: the prefix is itself a plausible body
    inner = next((x for x in sorted(lex.w("org_suffixes"), key=len, reverse=True)
                  if prefix.endswith(x) and len(prefix) > len(x)), None)
    # the left edge is the same for the inner body: 南开大学党委常委会 after punctuation
    return bool(inner) and _plausible_unanchored(prefix[: -len(inner)], inner, clean_left)


def _own_level(prefix: str, suf: str) -> bool:
    """A bare 街道党工委 / 镇政府 / 开发区党工委 is the street's, town's or zone's own (without 各 it
    is no class); so is a zone named in full (某某经济技术开发区党工委), unlike 高新区科协 in passing."""
    return prefix in ("街道", "镇", "乡") or suf == "党工委" and prefix in ("开发区", "高新区", "经开区", "新区")


def is_collective_name(name: str) -> bool:
    """A class of bodies: 各区县科协, 市级学会, 全国学会、协会、研究会."""
    lex = lexicon.load()
    heads = lex.w("collective_heads")
    bodies = lex.w("collective_bodies")
    core = re.sub(r"（[^）]*）", "", name)
    if not any(core.endswith(b) for b in bodies):
        return False
    return any(core.startswith(h) for h in heads) or "各" in core or "、" in core


def find_orgs(text: str) -> list:
    suffix = _patterns()[0]
    suffixes = lexicon.load().w("org_suffixes")
    out = find_pattern_orgs(text)
    seen = set()
    for pos in range(len(text)):
        m = suffix.match(text, pos)
        if not m:
            continue
        for suf in {m.group()} | {x for x in suffixes if text.startswith(x, pos)}:
            if (pos, suf) not in seen:
                seen.add((pos, suf))
                cand = _from_suffix(text, pos, suf)
                if cand:
                    out.append(cand)
    return [part for c in out for part in _split_paired(c)]


def _split_paired(c: Cand) -> list:
    """中共某县纪委监委 names two bodies that share one office: the 纪委 and the 监委."""
    m = re.fullmatch(r"(?:中共)?(.{1,12}?)纪委监委", c.text)
    if not m or c.collective or "各" in c.text:
        return [c]
    k = c.end - 2
    return [Cand(c.start, k, c.text[:-2], "ORG"), Cand(k, c.end, "监委", "ORG", props={"resolve_as": m.group(1) + "监委"})]


def _from_suffix(text: str, s: int, suf: str):
    """The organisation name ending with the suffix at text[s:], or None."""
    _, national, anchor, _, coord = _patterns()
    rules, lex = _rules(), lexicon.load()
    e = s + len(suf)
    if len(suf) == 1 and (text[e:e + 1] in rules.weak_next or text[s - 1:e] in rules.weak_words):
        return None
    if suf == "党组" and text[e:e + 1] == "织":
        return None
    if suf == "中心" and text.startswith(("医院", "卫生院", "小学", "中学", "学校", "幼儿园", "血站"), e):
        return None      # 某市中心医院: 中心 is part of the hospital's or school's name
    ws = _left_start(text, s)
    start = _cut(text, ws, s)
    if start >= s:
        return None
    if text[start] in ONE_CHAR_VERBS and text[start:start + 2] not in VERB_CHAR_WORDS and anchor.match(text, start + 1):
        start += 1       # 经自治区人民政府同意: the verb before an anchored name is no part of it
    name = text[start:e]
    nat = national.match(text, start)
    if nat and nat.end() == s and suf not in rules.units:
        return None      # 全国政协科协(界): a national body, then another word
    if name.startswith(rules.generic_heads) or name.lstrip("各") in rules.generic:
        return None
    # 某市人民政府与长江大学签约: right after a body and 与, the name's left edge is as clean as after punctuation
    clean = start == ws or text[start - 1:start] == "与" and text[start - 2:start - 1] in "府会委局院校学司团"
    if not anchor.match(text, start) and not _plausible_unanchored(text[start:s], suf, clean):
        # 已经中国科协党组; a one-character level after a one-character verb: 经省委同意, 报市政府
        later = [a for a in anchor.finditer(text, start, s) if a.end() - a.start() > 1
                 or a.start() == start + 1 and text[start] in ONE_CHAR_VERBS and text[a.start()] in "省市县区"]
        if not later:
            return None
        start = later[0].start()      # 已经中国科协党组: the name starts at the anchor
        name = text[start:e]
    local = start == ws and (LOCAL.fullmatch(text, start, s) or COUNTY_LED.fullmatch(text, start, s))
    if (suf in rules.weak or len(suf) == 1) and not local:
        am = anchor.match(text, start)
        if not am or am.end() > s:
            return None
    if name in rules.generic or len(name) < 3 and not anchor.match(name):
        return None
    end = e
    cm = coord.match(text, e)
    if cm:
        end = cm.end()        # 各全国学会、协会、研究会
    elif text[e:e + 1] == "（":
        close = text.find("）", e, e + 14)
        inner = text[e + 1:close] if close > 0 else ""
        if inner and all(part in lex.w("org_suffixes") + ["党总支", "党支部", "协会", "研究会"]
                         for part in re.split("[、，]", inner)):
            end = close + 1   # 市级学会（协会、研究会）
    full = text[start:end]
    own_level = _own_level(text[start:s], suf) or start == ws and len(text[start:s]) > 4 \
        and bool(LOCAL.fullmatch(text, start, s))
    collective = is_collective_name(full) or not anchor.match(text, start) and not own_level and \
        text[start:s].endswith(tuple(lex.w("class_modifiers")))
    if suf == "党组织" and not collective:
        return None      # 科协直属机关党组织: the party organisations of a body, not a body
    return Cand(start, end, full, "ORG", collective=collective)


# a unit or branch of the body before it, not a second body: 中国科学院|上海分院
BRANCH_END = re.compile(r"(?:分院|分会|分公司|分局|分行|分所|分中心)$")
SCHOOL_UNIT_END = re.compile(r"(?:研究院|研究生院|校区|分校)$")


def split_joint(name: str, base: int = 0) -> list:
    """(name, offset) of each body in a line that names several side by side, as joint
    issuers do (中共某县委某县人民政府); the whole name when it is one body.

    >>> split_joint("中共平江县委平江县人民政府")
    [('中共平江县委', 0), ('平江县人民政府', 6)]
    """
    for c in sorted(find_orgs(name), key=lambda c: -c.end):
        if c.start == 0 and 2 < c.end < len(name) - 2 and not c.collective:
            rest = name[c.end:]
            # the second body names its own place or is a national body (not 科技社团委员会 of the first)
            own = rest.startswith("中共") or re.match(lexicon.national_alternation(), rest) \
                or any(rest.startswith(p) for p in lexicon.load().places if len(p) > 1) \
                or re.match(r"[\u4e00-\u9fff]{2,6}[县区市州旗](?!委)", rest)
            # 浙江大学温州研究院: a school's institute or campus in a place is the school's own
            school_unit = c.text.endswith(("大学", "学院")) and SCHOOL_UNIT_END.search(rest)
            # 国家税务总局某市税务局: a vertically run national body's local office is one name
            vm = re.fullmatch(r"(?:国家)?([\u4e00-\u9fff]{2,8}?)(?:总局|总署)", c.text)
            school_unit = school_unit or vm and vm.group(1) in rest
            if own and not school_unit and not BRANCH_END.search(rest) and any(r.start == 0 and r.end == len(rest) for r in find_orgs(rest)):
                return [(c.text, base)] + split_joint(rest, base + c.end)
    return [(name, base)]
