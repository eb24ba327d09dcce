"""Organisation names: national bodies from the gazetteer, and local bodies
found from their suffix (委员会, 科协, 学会, 办公室…) by scanning left to where
the name begins (after a verb, a function word or punctuation).

>>> [c.text for c in find_orgs("市科协机关党委要加强对各区县科协的指导。")]
['市科协机关党委', '各区县科协']
"""
from __future__ import annotations

import re
from functools import lru_cache

from . import lexicon
from .spans import Cand, is_cjk, matching_open

# Suffixes that also end ordinary words (干部, 格局, 场所): the name must start at an anchor.
WEAK = {"厅", "局", "部", "处", "委", "署", "馆", "所", "院", "中心", "公司", "集团", "工作组", "支部",
        "总支", "党支部", "联盟", "工会", "办公室", "团委"}
# After a one-character suffix, these characters show it is part of another word (处理, 部署, 委员).
WEAK_NEXT = set("理署门分长员面士属以有谓级室外内置托派作会")
AND_OK = ("经济和信息化", "发展和改革", "住房和城乡", "人力资源和社会保障", "文化和旅游", "中央和国家",
          "工业和信息化", "科学和技术", "卫生和计划生育", "自然资源和规划")
ANCHOR_WORDS = ("中共", "中国", "全国", "国家", "中央", "国际", "亚洲", "世界", "全球", "中华", "市", "省",
                "区", "县", "镇", "乡", "州", "各", "市级", "省级", "县级", "区级", "地方", "驻")
ADMIN_LIST = r"(?:省|自治区|直辖市|计划单列市|副省级城市|新疆生产建设兵团|地市|市|州|盟|区县|区|县|乡镇|街道)"
STRONG = {"学会", "协会", "研究会", "联合会", "基金会", "促进会", "委员会", "大学", "学院", "研究院", "研究所",
          "领导小组", "指导组", "宣讲团", "出版社", "联盟", "博物馆", "科技馆", "图书馆", "医院"}
WEAK_WORDS = {"常委", "主委", "开局", "好局", "变局", "新局", "破局", "布局", "格局", "大局", "全局", "结局", "当局", "内部", "外部", "全部", "干部", "局部", "总部",
              "好处", "到处", "各处", "用处", "难处", "场所", "研究所", "派出所", "厕所", "住所"}
GENERIC_HEADS = ("各级", "全市", "全省", "全区", "全县", "全系统", "一届", "本级", "同级", "上级", "下级")
TERM_BODY = re.compile(r"(?<!新)(?:中国共产党第|党的)?([一二三四五六七八九十]{1,3})届中央(委员会|纪律检查委员会)")
LISTED = re.compile(r"((?:[\u4e00-\u9fff]{2,8}、){1,8}[\u4e00-\u9fff]{2,8})等[\u4e00-\u9fff]{0,8}?(?:企业|公司|集团|高校|机构)")
UNIT_SUFFIXES = {"党组", "党委", "书记处", "办公厅", "办公室", "常委会", "领导小组", "党校", "直属机关", "政治局",
                 "组织部", "宣传部", "统战部", "纪检监察组", "机关党委", "委员会", "中心", "学会"}
GENERIC = {"党组织", "基层党组织", "各级党组织", "各党组织", "党委", "党组", "学会", "协会", "中心", "委员会"}


@lru_cache(maxsize=None)
def _patterns():
    lex = lexicon.load()
    suffix = re.compile(lexicon.alternation("org_suffixes"))
    national = re.compile(lexicon.national_alternation())
    anchor = re.compile(lexicon.place_alternation() + "|" + lexicon.national_alternation() + "|"
                        + "|".join(ANCHOR_WORDS))
    cut_words = [w for w in lex.w("cut_before") if w not in ("建设", "服务", "联合", "共同", "国家")]
    cut = re.compile("|".join(re.escape(w) for w in sorted(cut_words, key=len, reverse=True)))
    admin = re.compile(r"各?" + ADMIN_LIST + r"(?:[、，]" + ADMIN_LIST + r")+(?:科协|党委|政府|人大常委会|政协|学会)(?:组织)?")
    coord = re.compile(r"(?:、(?:协会|研究会|学会|基金会|联合会))+")
    return suffix, national, anchor, cut, admin, coord


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
    suffix, national, anchor, cut, _, _ = _patterns()
    stops = lexicon.load().w("left_stops")
    immune = _anchored(text, ws, s, anchor)
    start = ws
    for m in cut.finditer(text, ws, s):
        if not any(i in immune for i in range(m.start(), m.end())):
            start = max(start, m.end())
    for i in range(ws, s):
        ch = text[i]
        if i in immune or ch not in stops:
            continue
        if ch == "的" and text[i - 1:i] == "党" and text.startswith("建设", i + 1):
            continue
        if ch == "和" and any(text.startswith(w, i - w.index("和")) for w in AND_OK if i - w.index("和") >= 0):
            continue
        if ch == "各":
            start = max(start, i)       # keep 各: it marks a collective
            continue
        start = max(start, i + 1)
    return start


def _plausible_unanchored(prefix: str, suf: str) -> bool:
    """A name with no place or national anchor: accept it only when its prefix looks like
    a body's own modifier (机关党委, 科技社团党委, 老科协), or for a society-type suffix
    when the prefix is long enough to be a name (反邪教协会), never after an unknown verb."""
    lex = lexicon.load()
    mods = lex.w("org_modifiers")
    if len(prefix) <= 10 and any(prefix.endswith(m) for m in mods):
        return True
    if suf in STRONG and len(prefix) >= 3:
        return True
    # 万盛经开区科协党组: the prefix is itself a plausible body
    inner = next((x for x in sorted(lex.w("org_suffixes"), key=len, reverse=True)
                  if prefix.endswith(x) and len(prefix) > len(x)), None)
    return bool(inner) and _plausible_unanchored(prefix[: -len(inner)], inner)


def _collective(name: str) -> bool:
    lex = lexicon.load()
    heads = lex.w("collective_heads")
    bodies = lex.w("collective_bodies")
    core = re.sub(r"（[^）]*）", "", name)
    if not any(core.endswith(b) for b in bodies):
        return False
    return any(core.startswith(h) for h in heads) or "各" in core or "、" in core


def find_orgs(text: str) -> list:
    suffix, national, anchor, cut, admin, coord = _patterns()
    lex = lexicon.load()
    out = []
    for m in national.finditer(text):
        out.append(Cand(m.start(), m.end(), m.group(), "ORG", props={"national": lex.national[m.group()]}))
    for m in admin.finditer(text):
        out.append(Cand(m.start(), m.end(), m.group(), "ORG", collective=True))
    for m in TERM_BODY.finditer(text):
        out.append(Cand(m.start(), m.end(), m.group(), "ORG",
                        props={"canonical": f"中国共产党第{m.group(1)}届中央{m.group(2)}"}))
    for m in re.finditer(r"([省市区县])纪委(监委)", text):
        out.append(Cand(m.start(2), m.end(2), m.group(2), "ORG", props={"resolve_as": m.group(1) + "监委"}))
    for m in LISTED.finditer(text):
        if m.start() and text[m.start() - 1] not in "，。；：、\n（“":
            continue
        pos = m.start()
        for item in m.group(1).split("、"):
            if 2 <= len(item) <= 8 and not any(w in item for w in lex.w("cut_before") if len(w) > 1):
                out.append(Cand(pos, pos + len(item), item, "ORG", props={"listed": True}))
            pos += len(item) + 1
    seen = set()
    for pos in range(len(text)):
        m = suffix.match(text, pos)
        if not m:
            continue
        for suf in {m.group()} | {x for x in lex.w("org_suffixes") if text.startswith(x, pos)}:
            s, e = pos, pos + len(suf)
            if (s, e) in seen:
                continue
            seen.add((s, e))
            if len(suf) == 1 and (text[e:e + 1] in WEAK_NEXT or text[s - 1:e] in WEAK_WORDS):
                continue
            if suf == "党组" and text[e:e + 1] == "织":
                continue
            ws = _left_start(text, s)
            start = _cut(text, ws, s)
            if start >= s:
                continue
            name = text[start:e]
            if name.startswith(GENERIC_HEADS) or name.lstrip("各") in GENERIC:
                continue
            nat = national.match(text, start)
            if nat and nat.end() == s and suf not in UNIT_SUFFIXES:
                continue      # 全国政协科协(界): a national body, then another word
            if not anchor.match(text, start) and not _plausible_unanchored(text[start:s], suf):
                later = [a for a in anchor.finditer(text, start, s) if a.end() - a.start() > 1]
                if not later:
                    continue
                start = later[0].start()      # 已经中国科协党组: the name starts at the anchor
                name = text[start:e]
            if suf in WEAK or len(suf) == 1:
                am = anchor.match(text, start)
                if not am or am.end() > s:
                    continue
            if name in GENERIC or len(name) < 3 and not anchor.match(name):
                continue
            end = e
            cm = coord.match(text, e)
            if cm:
                end = cm.end()
            elif text[e:e + 1] == "（":
                close = text.find("）", e, e + 14)
                inner = text[e + 1:close] if close > 0 else ""
                if inner and all(part in lex.w("org_suffixes") + ["党总支", "党支部", "协会", "研究会"]
                                 for part in re.split("[、，]", inner)):
                    end = close + 1
            full = text[start:end]
            collective = _collective(full)
            if suf == "党组织" and not collective:
                continue      # 科协直属机关党组织: the party organisations of a body, not a body
            out.append(Cand(start, end, full, "ORG", collective=collective))
    return out
