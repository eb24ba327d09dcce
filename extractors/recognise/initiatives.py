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
from orgkg.extractors.recognise.spans import Cand, curly, is_cjk

QUOTE = "“”\"‘’"
ZONES = ("先行区", "先导区", "引领区", "试验区")
DISTINCT = ("一流", "高水平", "高品质", "示范", "体系", "中心", "现代化", "数字", "清廉", "智慧", "平安", "法治",
            "智库", "新型", "特色", "全国", "品牌", "变革型", "新重庆", "新高地",
            "强省", "强市", "强区", "强县", "强国",      # 科技强省建设, 教育强市建设
            "高地",                                     # 人才高地建设: a named build-up effort
            "科学城",                                   # 某某科学城建设
            *ZONES)                                     # 某某高质量发展先行区建设


@lru_cache(maxsize=None)
def _patterns():
    lex = lexicon.load()
    suffix = re.compile(lexicon.alternation("initiative_suffixes"))
    weak = set(lex.w("initiative_weak_cuts"))
    cut = re.compile("|".join(re.escape(w) for w in sorted(set(lex.w("cut_before")) - weak, key=len, reverse=True)))
    quoted = re.compile(r"[“\"]([^“”\"]{2,24})[”\"]")
    places = re.compile(lexicon.place_alternation())
    return suffix, cut, quoted, places, set(lex.w("initiative_generic")), set(lex.w("slogans"))


def _start(text: str, s: int, limit: int = 28, keep_and: bool = False) -> int:
    suffix, cut, *_ = _patterns()
    i = s
    if text[s - 1:s] in "”\"":
        # “X”建设: the name starts at the opening quote
        k = text.rfind("“", max(0, s - 30), s - 1)
        i = k if k >= 0 else s
        while i > 0 and s - i < limit and is_cjk(text[i - 1]):
            i -= 1
    else:
        while i > 0 and s - i < limit:
            if is_cjk(text[i - 1]):
                i -= 1
            elif text[i - 1] == "”" and text.rfind("“", max(0, i - 24), i - 1) >= 0:
                i = text.rfind("“", max(0, i - 24), i - 1)     # 新时代“红岩先锋”变革型组织建设
            else:
                break
    start = i
    for m in cut.finditer(text, i, s):
        if not _inside_quote(text, i, m.start()):      # “执行攻坚”专项行动: no verb inside the quote
            start = max(start, m.end())
    for k in range(start, s):
        if text[k] in "的以和与及在为对把将是等、了" and not _inside_quote(text, start, k) and \
                not (keep_and and text[k] == "和"):
            start = k + 1
    # verbs that also occur inside names (建设, 提升, 服务) are cut only at the front
    weak = sorted(lexicon.load().w("initiative_weak_cuts"), key=len, reverse=True)
    moved = True
    while moved:
        moved = False
        for w in weak:
            if text.startswith(w, start) and start + len(w) <= s:
                start += len(w)
                moved = True
    while start < s and text[start] in "”’":
        start += 1
    if re.match(r"全[市省区县州]", text[start:start + 2]) and s - start > 4:
        start += 2      # 全市人才高地建设: the scope of the effort is no part of its name
    if start and text[start - 1].isdigit() and text.startswith("年", start):
        start += 2 if text.startswith("年度", start) else 1     # 2023年全国科普日: the year is no part of the name
    return start


def _inside_quote(text: str, start: int, k: int) -> bool:
    seg = text[start:k]
    return seg.count("“") > seg.count("”")


def _ok(name: str, suf: str, generic: set, slogans: set, places) -> bool:
    core = name.strip(QUOTE)
    if suf == "主题教育" and core == suf:
        return True
    if len(core) <= len(suf) + 1 or name in generic or core in generic:
        return False
    if any(s in name for s in slogans) and not name.endswith(("建设", "行动", "计划", "工程")):
        return False
    head = name[: -len(suf)]
    lex = lexicon.load()
    if suf in ("试点", "集中整治", "专项整治"):
        # 智慧校园建设试点, 医药领域腐败问题集中整治: a named pilot or campaign (its head may well
        # end in 问题), not 开展试点
        return len(head) >= 4 and not head.endswith(("工作", "开展", "相关", "有关"))
    # a quoted proper name in front makes it a named campaign: “清风”廉洁文化建设
    if not name.startswith("“") and head.strip(QUOTE).endswith(tuple(lex.w("initiative_bad_heads"))):
        return False
    if suf in lex.w("initiative_need_quote") and not any(q in name for q in QUOTE):
        return False
    if suf == "建设":
        quoted = any(q in name for q in QUOTE)
        place = places.search(head)
        if place and place.group() == head:
            return False                  # 重庆市建设…: the place is the subject, not the name
        return quoted or bool(place) or any(d in head for d in DISTINCT) and len(head) >= 4
    if suf in ("计划", "工程"):
        return len(head) >= 2 and not head.endswith(("重大", "国家", "工作", "总体", "一系列"))
    if suf == "改造":
        # 城镇老旧小区改造, 棚户区改造: a named renewal programme, not 技术改造 or 数字化改造
        return len(head) >= 4 and not head.endswith(("技术", "升级", "化", "工作", "设施"))
    if suf in ("大赛", "科普日"):
        return bool(re.match(r"中国|全国|国际|世界", head)) or suf == "科普日" and head in ("全国", "国际")
    if suf == "网":
        return len(head) >= 4 and bool(re.match(r"中国|全国|国家", head))
    if suf in ("战略", "行动", "专项"):
        return len(head) >= 3 and not head.endswith(("重大", "国家", "工作", "行动", "总体", "一系列", "进行了", "确立了"))
    if suf == "学习教育":
        return 2 <= len(head) <= 4 and not head.endswith("化")
    return len(head) >= 2


STRATEGIC_WORDS = ("合作", "协议", "框架", "伙伴", "性", "意义", "高度", "布局", "对接", "联盟")


def find_initiatives(text: str) -> list:
    text = curly(text)
    suffix, cut, quoted, places, generic, slogans = _patterns()
    out = []
    for m in suffix.finditer(text):
        suf = m.group()
        # a campaign against two kinds of problems names both: 某某和某某问题集中整治
        # 和 is inside a zone's name too: 某某保护和高质量发展先行区建设
        keep_and = suf.endswith("整治") and text.endswith("问题", 0, m.start()) \
            or suf == "建设" and text.endswith(ZONES, 0, m.start())
        start = _start(text, m.start(), keep_and=keep_and)
        lead = re.match(r"第[一二三四五六七八九十\d]+[届批期次]", text[start:m.end()])
        if lead:
            start += lead.end()
        name = text[start:m.end()]
        if suf == "示范区" and re.match(r"科技局|管委会|党工委|工委|科协|政府|人民政府|[委局办]", text[m.end():]):
            continue      # 杨凌示范区科技局: the zone is a place here, the body after it is named
        if suf == "战略" and text.startswith(STRATEGIC_WORDS, m.end()):
            continue      # 签署战略合作协议, 战略性新兴产业: 战略 as a modifier names no strategy
        if _ok(name, suf, generic, slogans, places):
            # a named campaign carried out as 活动: 全国科普日活动, “清风”廉洁文化建设活动
            end = m.end() + 2 if text.startswith("活动", m.end()) else m.end()
            out.append(Cand(start, end, text[start:end], "INIT"))
    forms, known = _known()
    out.extend(q for q in _quoted(text, slogans) if q.text not in forms)
    out.extend(find_campaigns(text))      # suffix-less campaigns after a campaign verb
    for m in known.finditer(text):
        # a short form inside a longer name (科技助力乡村振兴行动) loses to it in selection
        out.append(Cand(m.start(), m.end(), m.group(), "INIT", props={"canonical": forms[m.group()]}))
    return out


@lru_cache(maxsize=None)
def _known():
    forms = {}
    for row in lexicon.rows("known_initiatives.tsv"):
        for f in [row[0], *(row[1].split("|") if len(row) > 1 else [])]:
            if f:
                forms[f] = row[0]
    return forms, re.compile("|".join(sorted(map(re.escape, forms), key=len, reverse=True)))


def _quoted(text: str, slogans: set) -> list:
    """“X”建设 / “X”活动; “X工程” (a quoted name with an initiative suffix); quoted items
    listed before 等活动 / 等品牌; and “双X” policy shorthands (“双减”)."""
    lex = lexicon.load()
    q_suffixes = lexicon.alternation("initiative_quoted_suffixes")
    i_suffixes = tuple(lex.w("initiative_suffixes"))
    out = []
    for m in re.finditer(rf"“([^“”]{{2,30}})”((?:{q_suffixes})?)", text):
        inner = m.group(1)
        if inner in slogans or re.search(r"[，。；：]", inner):
            continue
        if m.group(2) or inner.endswith(i_suffixes) or re.fullmatch(r"双[\u4e00-\u9fff]", inner):
            out.append(Cand(m.start(), m.end(), m.group(), "INIT"))
    # a quoted name and the kind of activity it brands: “某某”全民阅读活动
    for m in re.finditer(r"“([^“”]{2,30})”([\u4e00-\u9fff]{2,8}?活动)", text):
        if m.group(1) not in slogans and not re.search(r"[，。；：]", m.group(1)):
            out.append(Cand(m.start(), m.end(), m.group(), "INIT"))
    for m in re.finditer(r"((?:“[^“”]{2,30}”[、和]?){1,8})等(?:活动|品牌|项目|工程|行动|工作)", text):
        for q in re.finditer(r"“([^“”]{2,30})”", m.group(1)):
            if q.group(1) not in slogans:
                out.append(Cand(m.start(1) + q.start(), m.start(1) + q.end(), q.group(), "INIT"))
    return out
