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

from orgkg.extractors import knowledge as lexicon

PARTY = ("中国共产党", "中共")
# a bare 自治区 / 自治州 / 开发区 is a level word, not a place named 自治 (自治区党委 -> the region the text names);
# towns and street offices name their own party committees (某镇党委, 某街道党工委)
LOCAL_PLACE = re.compile(r"(?!自治[区州县]|(?:开发区|高新区|经开区|新区)(?:党工委|管委会))([\u4e00-\u9fff]{1,8}?(?:新区|经开区|高新区|开发区|示范区|自治县|自治州|自治区"
                         r"|省|市|县|区|州|旗|镇|乡|街道))"
                         r"(?=科协|科学技术协会|委|纪委|监委|人民政府|政府|人大|政协|工商联|妇联|团委|总工会|科委|科技局"
                         r"|党委|党工委|办事处"
                         # a county-level city's own congress names it: 某市第十七届人民代表大会
                         r"|第[一二三四五六七八九十]{1,3}届(?:人民代表大会|委员会))")
# levels below the county, the region and the zones: named by more than one character
ZONES = ("经济技术开发区", "高新技术产业开发区", "开发区", "高新区", "经开区", "新区")
SUB_LEVELS = ("自治区", "街道", "镇", "乡") + ZONES
SCHOOL_END = ("大学", "学院")
SCHOOL = re.compile(r"(?:中共)?([\u4e00-\u9fff]{2,10}?(?:大学|学院))(?=委员会|党委|$|关于)")


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
    if level not in ("市", "省", "县", "区", "州", "自治区", "盟", "旗") or not juris.name:
        return ""
    if juris.name.endswith(level):
        return juris.name
    p = lexicon.load().places.get(juris.name)
    # 自治区 in a city's news is its region (自治区党委 in a Lhasa item is 中共西藏自治区委员会)
    if level in ("省", "自治区") and p and (p.parent or "").endswith(level) and juris.level == "city":
        return p.parent
    city = re.match(r"[\u4e00-\u9fff]{2,6}?市(?=[\u4e00-\u9fff]{2,6}[区县]$)", juris.name)
    if level == "市" and city and juris.level in ("county", "district"):
        return city.group()
    return _above_county(level, p) if p and p.level == "county" else ""


def _above_county(level: str, county) -> str:
    """市 in a county's document is its prefecture city, 省 its province (紫阳县: 安康市, 陕西省)."""
    city = lexicon.load().places.get(county.parent)
    if level == "市" and county.parent.endswith("市"):
        return county.parent
    if level in ("省", "自治区") and city and city.parent.endswith(level):
        return city.parent
    return ""


def infer_jurisdiction(doc, orgs: list) -> Jurisdiction:
    """From metadata hints, the document number's one-character prefix, the issuer, then the
    places most named in front of bodies; national when a national body issues it."""
    lex = lexicon.load()
    school = _school(doc)
    if school:
        return Jurisdiction(school, "school")
    # the issuer's own name is the surest sign: 苏科协发 may be 江苏 or 苏州, 苏州市科协 is 苏州
    found = _issuer_jurisdiction(doc.meta.get("issuer") or "")
    if found:
        return found
    for hint in doc.meta.get("jurisdiction_hints") or []:
        p = lex.places.get(hint)
        if p:
            return Jurisdiction(p.name, p.level)
    number = doc.meta.get("number") or ""
    head = number or doc.text[:400]
    m = re.search(r"([\u4e00-\u9fff])[\u4e00-\u9fff]{0,6}发[〔\[（(]\d{4}", head)
    if m and m.group(1) in lex.abbr_places:
        p = lex.abbr_places[m.group(1)]
        return Jurisdiction(p.name, p.level)
    title = doc.meta.get("title") or ""
    named = [p for p in (lex.places.get(title[i:i + n]) for i in range(len(title)) for n in (4, 3, 2)) if p]
    if named and not re.search(lexicon.national_alternation(), title):
        return Jurisdiction(named[0].name, named[0].level)     # 在武汉市科技创新大会上的讲话
    found = _text_jurisdiction(doc.text, orgs)
    if found:
        return found
    counts = Counter()
    # a county or district the gazetteer does not know: 某某县委书记…, 某某县科协
    local = Counter(m.group(1) for m in (LOCAL_PLACE.match(strip_party(o)[1]) for o in orgs)
                    if m and len(m.group(1)) > 2)
    if local:
        name, n = local.most_common(1)[0]
        n = max(n, doc.text.count(name))
        if n >= 2 and not any(name.startswith(p) for p in lex.places if len(p) > 1 and p != name):
            return Jurisdiction(name, _local_level(name))
    for surface in orgs:
        _, core = strip_party(surface)
        for n in range(min(len(core), 9), 1, -1):
            p = lex.places.get(core[:n])
            if p:
                counts[p.name] += 1
                break
    for name, p in ((p.name, p) for p in set(lex.places.values())):
        k = doc.text.count(p.short) if len(p.short) > 1 else 0
        if k >= 3:
            counts[name] += k / 2
    if counts:
        name, n = counts.most_common(1)[0]
        if n >= 1.5:
            p = lex.places[name]
            return Jurisdiction(p.name, p.level)
    return NATIONAL


def _issuer_jurisdiction(issuer: str):
    """The place an issuer's name starts with (gazetteer first, then a county or city the
    gazetteer does not list: 宁乡市科学技术协会); NATIONAL for a national body; else None."""
    if not issuer:
        return None
    lex = lexicon.load()
    _, core = strip_party(issuer)
    if any(core.startswith(f) for f in lex.national if len(f) > 2):
        return NATIONAL
    for n in range(min(len(core), 9), 1, -1):
        p = lex.places.get(core[:n])
        if p and p.name == core[:n] or p and not core[n:n + 1] in "省市县区":
            return Jurisdiction(p.name, p.level)
    m = LOCAL_PLACE.match(core)
    if m and len(m.group(1)) > 2:
        return Jurisdiction(m.group(1), _local_level(m.group(1)))
    return None


def _local_level(name: str) -> str:
    """The level of a place the gazetteer does not list, from its last word."""
    return "county" if name.endswith("县") else "town" if name.endswith(("镇", "乡", "街道")) else "district"


def _school(doc) -> str:
    """A university that issues the document (中共浙江大学委员会) or that a text speaking of
    校党委 / 校长 names: the 校 of its short forms."""
    m = SCHOOL.match(doc.meta.get("issuer") or "")
    if m:
        return m.group(1)
    if re.search(r"校党委|学校党委|全校|(?<![\u4e00-\u9fff])校长", doc.text):     # not 南京大学校长: that names its school
        found = re.findall(r"(?<![\u4e00-\u9fff])([\u4e00-\u9fff]{2,8}?(?:大学|学院))", doc.text)
        found += re.findall(r"[，。、；：\s]([\u4e00-\u9fff]{2,8}?(?:大学|学院))", doc.text)
        if found:
            return Counter(found).most_common(1)[0][0]
    return ""


# (州: an autonomous prefecture's news says 州委, 州长, 州人大常委会)
BARE_LEVEL = re.compile(r"(自治区|街道|开发区|高新区|经开区|新区|[省市州盟县旗区镇乡])(?=委|党委|党工委|管委会|政府|人民政府|办事处|长"
                        r"|副[省市州县区镇乡]长|科协|纪委|人大|政协|法院|检察院|人民检察院|妇联|总工会"
                        r"|国资委|社科联|文联|侨联|残联|发改委|卫健委|教育厅|教育局|应急管理[厅局]|财政[厅局]|公安[厅局]|工商联|红十字会)")
AFTER_WORD = set("的和与及由、在对向经受为是有，。；：（“\n团")      # 团 of 团省委; 有 of 出席会议的有省委…


def _text_jurisdiction(text: str, named: list):
    """A news item or speech that says 省委 / 县长 without its place: the place of that level
    (``named``: the organisation and meeting names found in it)
    the text names (湖北省科协…大会 -> 湖北省; a city votes for its province: 深圳市委 -> 广东省;
    中共巫山县委… -> 巫山县). The lowest level used bare decides. None when unsure."""
    lex = lexicon.load()
    levels = {m.group(1) for m in BARE_LEVEL.finditer(text)
              if m.start() == 0 or text[m.start() - 1] in AFTER_WORD}
    if re.search(r"地委|行署|行政公署", text):
        levels.add("地区")      # a prefecture named 地区 (阿克苏地区): its 地委 and 行署
    if not levels:
        return None
    votes = Counter()
    i = 0
    while i < len(text):
        for n in (8, 7, 6, 5, 4, 3, 2):
            p = lex.places.get(text[i:i + n])
            # (泾县市场监督管理局: a two-character county before 市场 is still the county)
            if p and (n > 2 or text[i + n:i + n + 1] not in "省市" or text.startswith("市场", i + n)):
                votes[p.name] += 1
                if p.parent:
                    votes[p.parent] += 1
                i += n - 1
                break
        i += 1
    # counties the gazetteer does not list, from the names the finders cut out (中共巫山县委…全会)
    local = Counter(m.group(1) for m in (LOCAL_PLACE.match(strip_party(n)[1]) for n in named)
                    if m and len(m.group(1)) > 2 and not lex.places.get(m.group(1)))
    for level in ("街道", "镇", "乡", "地区") + ZONES + ("区", "县", "旗", "市", "州", "盟", "自治区", "省"):
        if level not in levels:
            continue
        named = [(n, name) for name, n in (local + votes).items() if name.endswith(level)]
        if named:
            name = max(named)[1]
            p = lex.places.get(name)
            return Jurisdiction(p.name, p.level) if p else Jurisdiction(name, _local_level(name))
    return None
