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
from collections import Counter
from dataclasses import dataclass

from .components import lexicon

PARTY = ("中国共产党", "中共")
BARE_SUBUNITS = ("党组", "书记处", "机关党委", "办公室", "办公厅", "党校", "常委会", "直属机关", "机关各部门",
                 "直属单位", "各直属单位", "机关各支部", "全委会", "党组成员")
NATIONAL_UNITS = {"常委会": "常务委员会", "全委会": "全国委员会"}
COLLECTIVE_HEADS = ("各", "地方", "县级", "市级", "省级", "区级", "全国", "基层", "所属", "有关", "相关")
LOCAL_PLACE = re.compile(r"([\u4e00-\u9fff]{1,8}?(?:新区|经开区|高新区|开发区|自治县|自治州|自治区|省|市|县|区|州|旗))"
                         r"(?=科协|委|纪委|监委|人民政府|政府|人大|政协|工商联|妇联|团委|总工会|科委|科技局)")
PARAREN = re.compile(r"（[^）]*）")


@dataclass(frozen=True)
class Jurisdiction:
    name: str          # 重庆市; "" for national documents
    level: str         # province | city | national


NATIONAL = Jurisdiction("", "national")


def expand(rest: str) -> str:
    """Spell out the first short body word: 科协科技社团 -> 科学技术协会科技社团."""
    for short, full in lexicon.load().abbreviations:
        if rest.startswith(short):
            return full + rest[len(short):]
    return rest


def _strip_party(s: str) -> tuple:
    for p in PARTY:
        if s.startswith(p) and len(s) > len(p):
            return True, s[len(p):]
    return False, s


def _place_prefix(core: str, juris: Jurisdiction) -> tuple:
    """(place name, rest) for a name that starts with a place or a bare level character."""
    lex = lexicon.load()
    for n in range(min(len(core) - 1, 9), 1, -1):
        p = lex.places.get(core[:n])
        if p and core[:n] == p.name:
            return p.name, core[n:]
    if core[:2] in ("市级", "省级", "市属", "省属", "市直", "省直"):
        return "", core
    # a place the gazetteer does not know, named in front of a body: 两江新区科协, 某某县委
    m = LOCAL_PLACE.match(core)
    if m and len(m.group(1)) > 2 and not core.startswith(COLLECTIVE_HEADS + ("全市", "全省", "全区", "全县", "区县", "乡镇")):
        return m.group(1), core[m.end(1):]
    if core[:1] in "市省县区" and juris.name and juris.name.endswith(core[0]) and len(core) > 1:
        return juris.name, core[1:]
    return "", core


def _party_form(place: str, rest: str) -> tuple:
    """Canonical name and extra aliases when rest names a party committee or group."""
    if rest == "委":
        return f"中共{place}委员会", [f"中共{place}委", f"中国共产党{place}委员会"]
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
        body = expand(rest[:-2])
        return f"中共{place}{body}党组", [f"{place}{body}党组", f"{place}{rest}"]
    if rest.endswith("委员会") and len(rest) > 3 and not rest.endswith(("常务委员会", "纪律检查委员会", "监察委员会")):
        body = expand(rest[:-3])
        return f"中共{place}{body}委员会", [f"{place}{body}党委"]
    return "", []


UNIT_WORDS = ("党组", "党委", "书记处", "办公厅", "办公室", "直属机关", "机关", "常委会", "常务委员会", "全委会",
              "全国委员会", "领导小组", "主题教育领导小组", "党校", "中心", "各部门", "部门", "直属单位", "学会", "部", "局",
              "厅", "司", "馆", "社", "政治局", "委员会")


def _is_unit(rest: str) -> bool:
    return bool(rest) and rest.endswith(UNIT_WORDS) and len(rest) <= 16


def attach(home: str, bare: str) -> str:
    """Put a bare unit under the home body: (中国科协, 科协党组) -> 中国科协党组; (重庆市科协, 机关党委) ->
    重庆市科协机关党委. Returns ``bare`` unchanged when it already names another body."""
    if bare in BARE_SUBUNITS:
        return home + bare
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


def canonical_org(surface: str, juris: Jurisdiction, home: str = "", collective: bool = False) -> tuple:
    """(canonical name, aliases) of an organisation as written in a document of ``juris``."""
    lex = lexicon.load()
    aliases = [surface]
    s = surface
    if s.startswith("各") and len(s) > 3:
        s = s[1:]
        aliases.append(s)
    s2 = re.sub(r"(?:、(?:协会|研究会|学会|基金会|联合会))+$", "", s)
    if s2 != s:
        s = s2
        aliases.append(s)
    no_paren = PARAREN.sub("", s)
    if no_paren != s:
        aliases += [no_paren, PARAREN.sub("", surface)]
        if not surface.startswith("各"):
            s = no_paren
    if s in lex.national:
        canon = lex.national[s]
        return canon, aliases + lex.national_aliases.get(canon, [])
    party, core = _strip_party(s)
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
    if not place and home and not party and rest.endswith(BARE_SUBUNITS + ("党委", "党组")):
        attached = attach(home, rest)
        if attached != rest:
            return canonical_org(attached, juris)[0], aliases
    if place:
        pf, extra = _party_form(place, rest)
        if pf:
            return pf, aliases + extra + [f"{place}{rest}"]
        full = place + expand(rest)
        return full, aliases + [place + rest]
    if party:
        return "中共" + expand(core), aliases
    return s, aliases


def infer_jurisdiction(doc, orgs: list) -> Jurisdiction:
    """From metadata hints, the document number's one-character prefix, the issuer, then the
    places most named in front of bodies; national when a national body issues it."""
    lex = lexicon.load()
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
    issuer = doc.meta.get("issuer") or ""
    if issuer:
        _, core = _strip_party(issuer)
        if any(core.startswith(f) for f in lex.national if len(f) > 2):
            return NATIONAL
        for n in range(min(len(core), 9), 1, -1):
            p = lex.places.get(core[:n])
            if p:
                return Jurisdiction(p.name, p.level)
    counts = Counter()
    # a county or district the gazetteer does not know: 某某县委书记…, 某某县科协
    local = Counter(m.group(1) for m in (LOCAL_PLACE.match(_strip_party(o)[1]) for o in orgs)
                    if m and len(m.group(1)) > 2)
    if local:
        name, n = local.most_common(1)[0]
        n = max(n, doc.text.count(name))
        if n >= 2 and not any(name.startswith(p) for p in lex.places if len(p) > 1 and p != name):
            return Jurisdiction(name, "county" if name.endswith("县") else "district")
    for surface in orgs:
        _, core = _strip_party(surface)
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
