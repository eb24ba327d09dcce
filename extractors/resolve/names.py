"""Canonical names: spell out the jurisdiction and the short body words, and
keep every other form as an alias.

In a Chongqing document 市科协 is 重庆市科学技术协会, 市委 is
中共重庆市委员会 and 科技社团党委 (a committee of the home body) is
中共重庆市科学技术协会科技社团委员会. Bodies with the same short name in
different jurisdictions get different canonical names, hence different ids.

>>> canonical_org("市科协", Jurisdiction("重庆市", "city"))[0]
'重庆市科学技术协会'
"""
from __future__ import annotations

import re

from orgkg.extractors import knowledge as lexicon
from orgkg.extractors.resolve.jurisdiction import (LOCAL_PLACE, NATIONAL, SCHOOL_END, SUB_LEVELS, ZONES,
                                                  Jurisdiction, infer_jurisdiction, level_place, strip_party)

# jurisdiction inference moved to jurisdiction.py; its names stay importable from here
__all__ = ["NATIONAL", "Jurisdiction", "attach", "canonical_org", "expand", "infer_jurisdiction", "level_place"]

BARE_SUBUNITS = ("党组", "书记处", "机关党委", "办公室", "办公厅", "党校", "常委会", "直属机关", "机关各部门",
                 "直属单位", "各直属单位", "机关各支部", "全委会", "党组成员")
NATIONAL_UNITS = {"常委会": "常务委员会", "全委会": "全国委员会"}
# a prefecture named 地区 calls its party committee 地委 and its government 行署 / 行政公署
PREFECTURE_BODIES = ("地委", "行署", "行政公署")
COLLECTIVE_HEADS = ("各", "地方", "县级", "市级", "省级", "区级", "全国", "基层", "所属", "有关", "相关")
PARAREN = re.compile(r"（[^）]*）")


def expand(rest: str) -> str:
    """Spell out the first short body word: 科协科技社团 -> 科学技术协会科技社团."""
    for short, full in lexicon.load().abbreviations:
        if rest.startswith(full):
            return rest          # already spelled out (卫生健康委员会 starts with 卫生健康委)
        if rest.startswith(short):
            # 发展改革委员会: a short form written out with 员会 is the same commission
            tail = 2 if short.endswith("委") and rest.startswith("员会", len(short)) else 0
            return full + rest[len(short) + tail:]
    return rest


def _place_prefix(core: str, juris: Jurisdiction) -> tuple:
    """(place name, rest) for a name that starts with a place or a bare level character."""
    lex = lexicon.load()
    for n in range(min(len(core) - 1, 9), 1, -1):
        p = lex.places.get(core[:n])
        # (an autonomous prefecture's short form, 延边州, stands for its full name too)
        if p and (core[:n] == p.name or core[:n].endswith("州") and p.name.endswith("自治州")):
            return p.name, core[n:]
        if p and p.name.endswith("地区") and core[n:].startswith(PREFECTURE_BODIES):
            # 阿克苏地委 is 中共阿克苏地区委员会, 阿克苏行署 its 行政公署
            return p.name, core[n + 1:] if core[n:].startswith("地委") else core[n:]
    if core.startswith(PREFECTURE_BODIES) and juris.name.endswith("地区"):
        return juris.name, core[1:] if core.startswith("地委") else core     # bare 地委 / 行署
    if core[:2] in ("市级", "省级", "市属", "省属", "市直", "省直"):
        return "", core
    school = re.match(r"[\u4e00-\u9fff]{2,16}?(?:大学|学院|医院|卫生院|" + COMPANY_END + r")(?=党委)", core)
    if school:
        return school.group(), core[school.end():]      # 南京大学党委, 某集团有限公司党委 -> 中共X委员会
    if core.startswith("管委会") and juris.name.endswith(ZONES):
        return juris.name, core       # a zone's 管委会 is its 管理委员会
    for level in SUB_LEVELS:      # 自治区党委, 镇党委, 街道办事处: the region, town, street or zone the text is about
        if core.startswith(level) and len(core) > len(level) and level_place(level, juris):
            return juris.name, core[len(level):]
    # a place the gazetteer does not know, named in front of a body: 两江新区科协, 某某县委
    m = LOCAL_PLACE.match(core)
    if m and len(m.group(1)) > 2 and not core.startswith(COLLECTIVE_HEADS + ("全市", "全省", "全区", "全县", "区县", "乡镇")):
        return m.group(1), core[m.end(1):]
    place = level_place(core[:1], juris) if len(core) > 1 else ""
    if place:
        return place, core[1:]
    if juris.level == "school" and core[:1] == "校" and len(core) > 1:
        # 校党委 -> 中共X大学委员会; 校长办公室 is the school's office, not a 长办公室
        return juris.name, core if core.startswith("校长") else core[1:]
    if juris.level == "school" and core.startswith("学校") and len(core) > 3:
        return juris.name, core      # 学校办公室: the school's own office, under that name
    return "", core


def _party_form(place: str, rest: str) -> tuple:
    """Canonical name and extra aliases when rest names a party committee or group."""
    if rest == "委":
        return f"中共{place}委员会", [f"中共{place}委", f"中国共产党{place}委员会"]
    if rest.endswith("党工委"):      # a street's or park's working committee: 某街道党工委
        return f"中共{place}{rest[:-3]}工作委员会", [f"{place}{rest}"]
    if rest.startswith("党委") and (place.endswith(SCHOOL_END + SUB_LEVELS + ("医院", "卫生院")) or re.search(COMPANY_END + "$", place)):
        # a university's party committee and its departments: 校党委组织部
        return f"中共{place}委员会{expand(rest[2:])}", [f"{place}{rest}"]
    m = re.fullmatch(r"第[一二三四五六七八九十]+届委员会", rest)
    if m:
        return f"中共{place}委员会", [f"中共{place}委"]
    if rest.startswith("委") and len(rest) > 1:
        sub = rest[1:]
        full = {"常委会": "常务委员会"}.get(sub, expand(sub))
        return f"中共{place}委{full}", [f"{place}委{sub}"]
    if rest == "纪委":
        return f"中共{place}纪律检查委员会", [f"{place}纪委"]
    if rest.endswith("党委") and len(rest) > 2:
        body = expand(rest[:-2])
        return f"中共{place}{body}委员会", [f"{place}{body}党委", f"{place}{rest}", f"中共{place}{rest[:-2]}委员会"]
    if rest.endswith("党组") and len(rest) > 2:
        body = _judicial(place, expand(rest[:-2]))
        return f"中共{place}{body}党组", [f"{place}{body}党组", f"{place}{rest}"]
    if rest.endswith("委员会") and len(rest) > 3 and not rest.endswith(("常务委员会", "纪律检查委员会", "监察委员会")) \
            and not rest[:-3].endswith(tuple(lexicon.load().w("state_commissions"))):
        # 卫生健康委员会, 发展和改革委员会: a government commission, a state organ and no party committee
        body = expand(rest[:-3])
        return f"中共{place}{body}委员会", [f"{place}{body}党委"]
    return "", []


UNIT_WORDS = ("党组", "党委", "书记处", "办公厅", "办公室", "直属机关", "机关", "常委会", "常务委员会", "全委会",
              "全国委员会", "领导小组", "主题教育领导小组", "党校", "中心", "各部门", "部门", "直属单位", "学会", "部", "局",
              "厅", "司", "馆", "社", "政治局", "委员会")


def _is_unit(rest: str) -> bool:
    return bool(rest) and rest.endswith(UNIT_WORDS) and len(rest) <= 16


# a company calls itself by its kind: 集团公司党组, 集团党委, 公司工会
COMPANY = re.compile(r"(?:集团|公司)$")
COMPANY_SHORT = re.compile(r"集团公司|集团|公司")


def attach(home: str, bare: str) -> str:
    """Put a bare unit under the home body: (中国科协, 科协党组) -> 中国科协党组; (重庆市科协, 机关党委) ->
    重庆市科协机关党委. Returns ``bare`` unchanged when it already names another body."""
    if bare in BARE_SUBUNITS:
        return home + bare
    if bare.startswith(home):
        return bare                      # already the home body's own unit, named in full
    company = COMPANY_SHORT.match(bare)
    if company and COMPANY.search(home) and bare[company.end():] in BARE_SUBUNITS + ("党委",):
        return home + bare[company.end():]      # 集团公司党组 in a group company's news: its party group
    if bare.startswith(COLLECTIVE_HEADS) or bare[:1] in "省市区县" and len(bare) > 3:
        return bare                      # 地方党委 (a class), 省政府党组 (its own body): not a unit of home
    for short, full in lexicon.load().abbreviations:
        if bare.startswith(short) and home.endswith(full):
            return home + bare[len(short):]
    for n in range(min(len(home), 6), 1, -1):
        if bare.startswith(home[-n:]):
            return home[:-n] + bare
    if bare.startswith(tuple(short for short, _ in lexicon.load().abbreviations)):
        return bare
    return home + bare


def _judicial(place: str, rest: str) -> str:
    """A court or procuratorate's full form: 省法院 is the province's 高级人民法院, 市法院 a
    city's 中级人民法院; 检察院 is 人民检察院."""
    if rest.startswith("法院"):
        p = lexicon.load().places.get(place)
        level = p.level if p and p.name == place else ""
        court = {"province": "高级人民法院", "city": "中级人民法院"}.get(level, "人民法院")
        return court + rest[2:]
    return "人民" + rest if rest.startswith("检察院") else rest


# the youth league's committee of a level: 团省委 -> 共青团某省委员会; 共青团某省委 -> 共青团某省委员会
LEAGUE = re.compile(r"团([省市县区])委(.*)")
FULL_LEAGUE = re.compile(r"(?:共青)?团(.{2,12}?(?:省|市|县|区))委(.*)")      # 团某市委 is 共青团某市委 too
# how an enterprise's name ends (某集团有限公司党委 is its party committee)
COMPANY_END = r"(?:有限责任公司|有限公司|集团公司|集团)"


def canonical_org(surface: str, juris: Jurisdiction, home: str = "", collective: bool = False) -> tuple:
    """(canonical name, aliases) of an organisation as written in a document of ``juris``."""
    lex = lexicon.load()
    aliases = [surface]
    s = surface
    league = LEAGUE.fullmatch(s)
    if league and level_place(league.group(1), juris):
        place = level_place(league.group(1), juris)
        return f"共青团{place}委员会{expand(league.group(2))}", aliases + [f"共青团{place}委"]
    league = FULL_LEAGUE.fullmatch(s)
    if league:
        return f"共青团{league.group(1)}委员会{expand(league.group(2))}", aliases
    if s.startswith("各") and len(s) > 3 and not s.startswith(("各地", "各有关", "各相关")):
        s = s[1:]
        aliases.append(s)
    s2 = re.sub(r"(?:、(?:协会|研究会|学会|基金会|联合会))+$", "", s)
    if s2 != s:
        s = s2
        aliases.append(s)
    no_paren = PARAREN.sub("", s)
    if no_paren != s and re.search(r"）.", s):
        # a qualifier inside a class keeps its 各: 各区县（自治县）科协 is 各区县科协, but
        # 各市（区）科协 without 各 and （区） would read as the city's own 市科协
        aliases.append(PARAREN.sub("", surface))
    elif no_paren != s:
        # 市级学会（协会、研究会） is also 市级学会
        aliases += [no_paren, PARAREN.sub("", surface)]
        if not surface.startswith("各"):
            s = no_paren
    if surface.startswith("各"):
        return s, aliases      # a class named by its members (各市（区）科协): no one place to spell out
    if s in lex.national:
        canon = lex.national[s]
        return canon, aliases + lex.national_aliases.get(canon, [])
    party, core = strip_party(s)
    if party and core in lex.national:
        canon = lex.national[core]
        return canon, aliases
    # a national body's own unit: 中国科协党组 -> 中国科学技术协会党组
    for n in range(min(len(core) - 1, 12), 1, -1):
        canon = lex.national.get(core[:n])
        if canon and canon not in ("中国共产党",):
            rest = core[n:]
            if not _is_unit(rest):
                break
            full = canon + NATIONAL_UNITS.get(rest, rest)
            extra = [f"中共{full}"] if rest.endswith(("党组", "党委")) else []
            return full, aliases + extra + [core]
    place, rest = _place_prefix(core, juris)
    if not place and home and not party and rest in [a for a, f in lex.abbreviations if home.endswith(f)]:
        return home, aliases
    if not place and home and not party and rest.endswith(BARE_SUBUNITS + ("党委", "党组")) \
            and not re.search("|".join(SCHOOL_END), rest):      # 南京大学党委 is a school's, not home's
        attached = attach(home, rest)
        if attached != rest:
            return canonical_org(attached, juris)[0], aliases
    if place:
        pf, extra = _party_form(place, rest)
        if pf:
            return pf, aliases + extra + [f"{place}{rest}"]
        full = place + _judicial(place, expand(rest))
        return full, aliases + [place + rest]
    if party:
        return "中共" + expand(core), aliases
    return s, aliases
