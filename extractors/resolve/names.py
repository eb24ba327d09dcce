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
from functools import lru_cache
from types import SimpleNamespace

from orgkg.extractors import knowledge as lexicon
from orgkg.extractors.resolve.jurisdiction import (LOCAL_PLACE, NATIONAL, PREFECTURE_BODIES, SCHOOL_END, SUB_LEVELS,
                                                  ZONES, Jurisdiction, infer_jurisdiction, level_place, strip_party)

# jurisdiction inference moved to jurisdiction.py; its names stay importable from here
__all__ = ["NATIONAL", "Jurisdiction", "attach", "canonical_org", "expand", "infer_jurisdiction", "level_place"]

# the words, patterns and name forms below are data: extractors/data/names.yaml says what each is
DATA = lexicon.data_file("names.yaml")
WORDS = SimpleNamespace(**DATA["words"])
BODY_TERM = re.compile(DATA["body_term"])
PARTY_FORMS = DATA["party_forms"]

BARE_SUBUNITS = tuple(DATA["bare_subunits"])
NATIONAL_UNITS = DATA["national_units"]
COLLECTIVE_HEADS = tuple(DATA["collective_heads"])
UNIT_WORDS = tuple(DATA["unit_words"])
PARTY_UNITS = tuple(DATA["party_units"])
HOSPITALS = tuple(DATA["hospitals"])
# a class of bodies or a whole area (全市, 区县) is never a place's name
CLASS_HEADS = COLLECTIVE_HEADS + tuple(DATA["whole_area"])
PARAREN = re.compile(r"（[^）]*）")
# how an enterprise's name ends (某集团有限公司党委 is its party committee)
COMPANY_END = "(?:" + "|".join(DATA["company_ends"]) + ")"
# a company calls itself by its kind: 集团公司党组, 集团党委, 公司工会
COMPANY = re.compile(DATA["company_home"])
COMPANY_SHORT = re.compile(DATA["company_short"])
# the youth league's committee of a level: 团省委 -> 共青团某省委员会; 共青团某省委 -> 共青团某省委员会
LEAGUE = re.compile(DATA["league_level"])
FULL_LEAGUE = re.compile(DATA["league_named"])      # 团某市委 is 共青团某市委 too
# a school, hospital or company named before its party committee: 南京大学党委, 某集团有限公司党委
OWNER_ENDS = "|".join(SCHOOL_END + HOSPITALS) + "|" + COMPANY_END
OWN_COMMITTEE_OWNER = re.compile(r"[\u4e00-\u9fff]{2,16}?(?:" + OWNER_ENDS + ")(?=" + WORDS.party_committee + ")")
NUMBERED_COMMITTEE = re.compile(PARTY_FORMS["numbered_committee"]["pattern"])
# 各全国学会、协会、研究会: the kinds listed after a class
CONFERENCE_FIRST = re.compile(DATA["conference"]["word_first"])
LISTED_KINDS = re.compile("(?:、(?:" + "|".join(DATA["listed_kinds"]) + "))+$")


def expand(rest: str) -> str:
    """Spell out the first short body word: 科协科技社团 -> 科学技术协会科技社团."""
    for short, full in lexicon.load().abbreviations:
        if rest.startswith(full):
            return rest          # already spelled out (卫生健康委员会 starts with 卫生健康委)
        if rest.startswith(short) and not (short.endswith(WORDS.office_short) and rest.startswith(WORDS.office_tail, len(short))):
            # (政府办公厅: a 办 before 公 is the office's word itself, no short form)
            # 发展改革委员会: a short form written out with 员会 is the same commission
            written_out = short.endswith(WORDS.short_commission_end) and rest.startswith(WORDS.written_out, len(short))
            tail = len(WORDS.written_out) if written_out else 0
            after = rest[len(short) + tail:]
            # a government's own commission or bureau is spelled out too: 政府国资委
            return full + (expand(after) if full == WORDS.government else after)
    return rest


# -- the place a name starts with --------------------------------------------------
def _place_prefix(core: str, juris: Jurisdiction) -> tuple:
    """(place name, rest) for a name that starts with a place or a bare level character."""
    # the first rule that applies decides, in this order
    for rule in (_known_place, _prefecture_own_body, _level_wide, _own_committee_owner, _zone_committee,
                 _sub_level, _unlisted_place, _bare_level, _school_short_form, _school_own_office):
        found = rule(core, juris)
        if found:
            return found
    return "", core


def _prefecture_body(rest: str) -> str:
    """A 地区's body after its name: its 地委 is the 委 of the 地区, its 行署 stays 行署."""
    return rest[1:] if rest.startswith(WORDS.prefecture_committee) else rest


def _known_place(core: str, juris: Jurisdiction):
    """The longest gazetteer place the name starts with, by its full name."""
    places = lexicon.load().places
    for n in range(min(len(core) - 1, lexicon.longest_place()), 1, -1):
        p = places.get(core[:n])
        # (an autonomous prefecture's short form, 延边州, stands for its full name too)
        if p and (p.named_by(core[:n]) or core[:n].endswith(WORDS.prefecture_short_end)
                  and p.name.endswith(WORDS.autonomous_prefecture)):
            return p.name, core[n:]
        if p and p.name.endswith(WORDS.prefecture) and core[n:].startswith(PREFECTURE_BODIES):
            # 阿克苏地委 is 中共阿克苏地区委员会, 阿克苏行署 its 行政公署
            return p.name, _prefecture_body(core[n:])
    return None


def _prefecture_own_body(core: str, juris: Jurisdiction):
    if core.startswith(PREFECTURE_BODIES) and juris.name.endswith(WORDS.prefecture):
        return juris.name, _prefecture_body(core)     # bare 地委 / 行署
    return None


def _level_wide(core: str, juris: Jurisdiction):
    return ("", core) if core[:2] in DATA["level_wide"] else None     # 市级学会: no one place


def _own_committee_owner(core: str, juris: Jurisdiction):
    school = OWN_COMMITTEE_OWNER.match(core)
    if school:
        return school.group(), core[school.end():]      # 南京大学党委, 某集团有限公司党委 -> 中共X委员会
    return None


def _zone_committee(core: str, juris: Jurisdiction):
    if core.startswith(WORDS.zone_committee) and juris.name.endswith(ZONES):
        return juris.name, core       # a zone's 管委会 is its 管理委员会
    return None


def _sub_level(core: str, juris: Jurisdiction):
    """自治区党委, 镇党委, 街道办事处: the region, town, street or zone the text is about."""
    for level in SUB_LEVELS:
        place = level_place(level, juris) if core.startswith(level) and len(core) > len(level) else ""
        if place:      # (自治区 in a county's text is its region's, not the county's)
            return place, core[len(level):]
    return None


def _unlisted_place(core: str, juris: Jurisdiction):
    """A place the gazetteer does not know, named in front of a body: 两江新区科协, 某某县委."""
    m = LOCAL_PLACE.match(core)
    if m and len(m.group(1)) > 2 and not core.startswith(CLASS_HEADS):
        return m.group(1), core[m.end(1):]
    return None


def _bare_level(core: str, juris: Jurisdiction):
    place = level_place(core[:1], juris) if len(core) > 1 else ""
    return (place, core[1:]) if place else None


def _school_short_form(core: str, juris: Jurisdiction):
    if juris.level == "school" and core[:1] == WORDS.school_short and len(core) > 1:
        # 校党委 -> 中共X大学委员会; 校长办公室 is the school's office, not a 长办公室
        return juris.name, core if core.startswith(WORDS.principal) else core[1:]
    return None


def _school_own_office(core: str, juris: Jurisdiction):
    if juris.level == "school" and core.startswith(WORDS.school) and len(core) > 3:
        return juris.name, core      # 学校办公室: the school's own office, under that name
    if juris.level == "school" and core.startswith(WORDS.party_committee) and len(core) > 2:
        return juris.name, core      # 党委宣传部 in a university's news: its party committee's
    return None


# -- party committees and groups ------------------------------------------------------
def _party_form(place: str, rest: str) -> tuple:
    """Canonical name and extra aliases when rest names a party committee or group."""
    # the first form that applies decides, in this order
    for form in (_place_committee, _working_committee, _own_committee, _numbered_committee, _committee_unit,
                 _discipline_committee, _body_committee, _body_party_group, _body_commission):
        found = form(place, rest)
        if found:
            return found
    return "", []


def _form(kind: str, **fields) -> tuple:
    """(name, aliases) of a party form of names.yaml, filled in."""
    form = PARTY_FORMS[kind]
    return form["name"].format(**fields), [alias.format(**fields) for alias in form["aliases"]]


def _word(kind: str) -> str:
    return PARTY_FORMS[kind]["word"]


def _place_committee(place: str, rest: str):
    return _form("place_committee", place=place) if rest == _word("place_committee") else None


def _working_committee(place: str, rest: str):
    word = _word("working_committee")
    if rest.endswith(word):
        return _form("working_committee", place=place, rest=rest, stem=rest[:-len(word)])
    return None


def _owns_committee(place: str) -> bool:
    """A school, town, zone, hospital or company: its party committee is named after it."""
    return place.endswith(SCHOOL_END + SUB_LEVELS + HOSPITALS) or bool(re.search(COMPANY_END + "$", place))


def _own_committee(place: str, rest: str):
    """A university's party committee and its departments: 校党委组织部."""
    word = _word("own_committee")
    if rest.startswith(word) and _owns_committee(place):
        return _form("own_committee", place=place, rest=rest, unit=expand(rest[len(word):]))
    return None


def _numbered_committee(place: str, rest: str):
    if NUMBERED_COMMITTEE.fullmatch(rest):
        return _form("numbered_committee", place=place)
    return None


def _committee_unit(place: str, rest: str):
    word = _word("committee_unit")
    if rest.startswith(word) and len(rest) > len(word):
        stem = rest[len(word):]
        unit = PARTY_FORMS["committee_unit"]["units"].get(stem, expand(stem))
        return _form("committee_unit", place=place, stem=stem, unit=unit)
    return None


def _discipline_committee(place: str, rest: str):
    forms = PARTY_FORMS["discipline_committee"]
    return _form("discipline_committee", place=place) if rest in (forms["word"], forms["full_word"]) else None


def _body_committee(place: str, rest: str):
    word = _word("body_committee")
    if rest.endswith(word) and len(rest) > len(word):
        stem = rest[:-len(word)]
        return _form("body_committee", place=place, rest=rest, stem=stem, body=expand(stem))
    return None


def _body_party_group(place: str, rest: str):
    word = _word("body_party_group")
    if rest.endswith(word) and len(rest) > len(word):
        body = _judicial(place, expand(rest[:-len(word)]))
        return _form("body_party_group", place=place, rest=rest, body=body)
    return None


def _body_commission(place: str, rest: str):
    """A committee of a body; a government commission (卫生健康委员会, 发展和改革委员会) is a
    state organ and no party committee."""
    word = _word("body_commission")
    stem = rest[:-len(word)]
    state_organ = stem.endswith(tuple(lexicon.load().w("state_commissions")))
    form = PARTY_FORMS["body_commission"]
    own_body = rest.endswith(tuple(form["not_ends"])) or rest.startswith(tuple(form["not_bodies"]))
    if rest.endswith(word) and len(rest) > len(word) and not own_body and not state_organ:
        return _form("body_commission", place=place, body=expand(stem))
    return None


def _is_unit(rest: str) -> bool:
    return bool(rest) and rest.endswith(UNIT_WORDS) and len(rest) <= 16


# -- bare units of the home body ------------------------------------------------------
def attach(home: str, bare: str) -> str:
    """Put a bare unit under the home body: (中国科协, 科协党组) -> 中国科协党组; (重庆市科协, 机关党委) ->
    重庆市科协机关党委. Returns ``bare`` unchanged when it already names another body."""
    if bare in BARE_SUBUNITS:
        return home + bare
    if bare.startswith(home):
        return bare                      # already the home body's own unit, named in full
    company_unit = _company_unit(home, bare)
    if company_unit is not None:
        return company_unit
    if _names_another_body(bare):
        return bare
    return _attach_by_name(home, bare)


def _company_unit(home: str, bare: str):
    """集团公司党组 in a group company's news: its party group."""
    company = COMPANY_SHORT.match(bare)
    if company and COMPANY.search(home) and bare[company.end():] in BARE_SUBUNITS + (WORDS.party_committee,):
        return home + bare[company.end():]
    return None


def _names_another_body(bare: str) -> bool:
    """地方党委 (a class), 省政府党组 (its own body): not a unit of home."""
    return bare.startswith(COLLECTIVE_HEADS) or bare[:1] in WORDS.level_chars and len(bare) > 3


def _attach_by_name(home: str, bare: str) -> str:
    """A unit named with the home body's short form or the end of its name (科协党组)."""
    abbreviations = lexicon.load().abbreviations
    for short, full in abbreviations:
        if bare.startswith(short) and home.endswith(full):
            return home + bare[len(short):]
    for n in range(min(len(home), 6), 1, -1):
        if bare.startswith(home[-n:]):
            return home[:-n] + bare
    if bare.startswith(tuple(short for short, _ in abbreviations)):
        return bare
    return home + bare


def _judicial(place: str, rest: str) -> str:
    """A court or procuratorate's full form: 省法院 is the province's 高级人民法院, 市法院 a
    city's 中级人民法院; 检察院 is 人民检察院."""
    if rest.startswith(WORDS.court):
        p = lexicon.load().places.get(place)
        level = p.level if p and p.name == place else ""
        court = DATA["courts"].get(level, WORDS.people_court)
        return court + rest[len(WORDS.court):]
    return WORDS.people + rest if rest.startswith(WORDS.procuratorate) else rest


# -- canonical names --------------------------------------------------------------------
def canonical_org(surface: str, juris: Jurisdiction, home: str = "", collective: bool = False) -> tuple:
    """(canonical name, aliases) of an organisation as written in a document of ``juris``."""
    name, aliases = _canonical_with_terms(surface, juris, home, collective)
    return name, list(aliases)


# a jurisdiction's documents name the same few bodies the same way again and again: kept,
# with the aliases as a tuple (each caller of canonical_org gets a list of its own)
@lru_cache(maxsize=1 << 14)
def _canonical_with_terms(surface: str, juris: Jurisdiction, home: str, collective: bool) -> tuple:
    plain = BODY_TERM.sub("", surface)
    name, aliases = _canonical_org(plain, juris, home, collective)
    if plain != surface:
        aliases = [*aliases, surface]
    for short, full in DATA["spelled_endings"].items():
        if name.endswith(short):
            return name[:-len(short)] + full, tuple(aliases if name in aliases else [*aliases, name])
    return name, tuple(aliases)


def _canonical_org(surface: str, juris: Jurisdiction, home: str, collective: bool) -> tuple:
    league = _league_form(surface, juris)
    if league:
        return league
    s, aliases = _plain_form(surface)
    if surface.startswith(WORDS.each):
        return s, aliases      # a class named by its members (各市（区）科协): no one place to spell out
    party, core = strip_party(s)
    found = _national_form(s, party, core, aliases)
    if found:
        return found
    if STATIONED.match(core):
        return _stationed_form(core, juris, aliases)
    place, rest = _place_prefix(core, juris)
    if not place and home and not party:
        found = _home_unit(rest, juris, home, aliases)
        if found:
            return found
    if place:
        return _placed_form(place, rest, aliases)
    if party:
        return WORDS.party_short + expand(core), aliases
    return s, aliases


def _league_form(surface: str, juris: Jurisdiction):
    """The youth league's committee of a level (团市委) or of a place named (共青团某省委)."""
    form = DATA["league_form"]
    league = LEAGUE.fullmatch(surface)
    if league and level_place(league.group(1), juris):
        place = level_place(league.group(1), juris)
        name = form["name"].format(place=place, unit=expand(league.group(2)))
        return name, [surface, form["alias"].format(place=place)]
    league = FULL_LEAGUE.fullmatch(surface)
    if league:
        return form["name"].format(place=league.group(1), unit=expand(league.group(2))), [surface]
    return None


def _plain_form(surface: str) -> tuple:
    """(name, aliases) without a class's 各 and the kinds listed after it (各全国学会、协会 ->
    全国学会); the forms dropped are aliases."""
    aliases = [surface]
    s = CONFERENCE_FIRST.sub(lambda m: m.group(1) + DATA["conference"]["word"], surface)
    if s.startswith(WORDS.each) and len(s) > 3 and not s.startswith(tuple(DATA["each_not_class"])):
        s = s[1:]
        aliases.append(s)
    s2 = LISTED_KINDS.sub("", s)
    if s2 != s:
        s = s2
        aliases.append(s)
    return _without_brackets(surface, s, aliases)


def _without_brackets(surface: str, s: str, aliases: list) -> tuple:
    no_paren = PARAREN.sub("", s)
    if no_paren != s and re.search(r"）.", s):
        # a qualifier inside a class keeps its 各: 各区县（自治县）科协 is 各区县科协, but
        # 各市（区）科协 without 各 and （区） would read as the city's own 市科协
        aliases.append(PARAREN.sub("", surface))
    elif no_paren != s:
        # 市级学会（协会、研究会） is also 市级学会
        aliases += [no_paren, PARAREN.sub("", surface)]
        if not surface.startswith(WORDS.each):
            s = no_paren
    return s, aliases


def _national_form(s: str, party: bool, core: str, aliases: list):
    """A national body (中国科协, 全国政协) or one of its units."""
    lex = lexicon.load()
    if s in lex.national:
        canon = lex.national[s]
        return canon, aliases + lex.national_aliases.get(canon, [])
    if party and core in lex.national:
        return lex.national[core], aliases
    return _national_unit(core, aliases)


def _national_unit(core: str, aliases: list):
    """A national body's own unit: 中国科协党组 -> 中国科学技术协会党组."""
    national = lexicon.load().national
    for n in range(min(len(core) - 1, 12), 1, -1):
        canon = national.get(core[:n])
        if canon and canon not in DATA["not_unit_parents"]:
            rest = core[n:]
            if not _is_unit(rest):
                return None     # the longest national name decides: what follows is no unit
            full = canon + NATIONAL_UNITS.get(rest, rest)
            extra = [WORDS.party_short + full] if rest.endswith(PARTY_UNITS) else []
            return full, aliases + extra + [core]
    return None


def _home_unit(rest: str, juris: Jurisdiction, home: str, aliases: list):
    """The home body by its short form (科协 in a 科协's text), or a bare unit of it (机关党委)."""
    if rest in [a for a, f in lexicon.load().abbreviations if home.endswith(f)]:
        return home, aliases
    if rest.endswith(BARE_SUBUNITS + PARTY_UNITS) \
            and not re.search("|".join(SCHOOL_END), rest):      # 南京大学党委 is a school's, not home's
        attached = attach(home, rest)
        if attached != rest:
            return canonical_org(attached, juris)[0], aliases
    return None


# a discipline inspection group stationed in a body: 纪委监委驻某局纪检监察组
STATIONED = re.compile(DATA["stationed_group"])


def _stationed_form(core: str, juris: Jurisdiction, aliases: list) -> tuple:
    """A group stationed by a commission (县纪委监委驻某局纪检监察组) keeps its words as
    written; only a bare level in front (县, 市) is spelled out as the place."""
    place = level_place(core[:1], juris) if len(core) > 1 else ""
    name = place + core[1:] if place and not core.startswith(place) else core
    return name, aliases + [core]


def _conference_form(place: str, rest: str, aliases: list):
    """A place's political consultative conference (省政协) in full, 中国人民政治协商会议某省委员会,
    and its units and party group (省政协党组) after it; None for other bodies."""
    form = DATA["conference"]
    if not rest.startswith(form["word"]):
        return None
    full = form["name"].format(place=place)
    unit = rest[len(form["word"]):]
    forms = [a.format(place=place) + unit for a in form["aliases"]] + [full + unit]
    if unit.endswith(form["party_group"]):
        return WORDS.party_short + full + unit, aliases + forms
    return full + expand(unit), aliases + forms


def _placed_form(place: str, rest: str, aliases: list) -> tuple:
    """A body named after its place: a party form, else the place and the body spelled out."""
    found = _conference_form(place, rest, aliases)
    if found:
        return found
    name, extra = _party_form(place, rest)
    if name:
        return name, aliases + extra + [place + rest]
    return place + _judicial(place, expand(rest)), aliases + [place + rest]
