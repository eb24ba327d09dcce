"""The body of a post that names none before it: 省长 -> the province's 人民政府, 校长 ->
the school, 厅长 -> the 厅 named before, 书记处书记 -> the 书记处 of the body named earlier
in the clause, 组织部部长 after 省委常委 -> the 省委's 组织部. Words: the ``leads`` section
of data/relate.yaml and ``post_bodies`` in lexicon.json."""
from __future__ import annotations

import re
from functools import lru_cache
from types import SimpleNamespace

from orgkg.extractors import knowledge as lexicon
from orgkg.extractors.recognise.spans import is_cjk
from orgkg.extractors.relate.common import org_mentions, words


@lru_cache(maxsize=1)
def _lex():
    w, lex = words("leads"), lexicon.load()
    units = sorted((u for u in lex.cues["sub_units"] if len(u) > 2 and u.endswith(w["committee_unit_end"])),
                   key=len, reverse=True)
    return SimpleNamespace(w=w, posts=lex.w("post_bodies"), committee_units=units,
                           place_committee=re.compile(w["place_committee"]),
                           body_committee=re.compile(w["body_committee"]))


def posts_without_body(ctx, ms, bare, pairs) -> list:
    """(body, title) for each bare title whose post says its body."""
    out = []
    for title, pos in bare:
        # each reader answers None when the post is none of its kind, () when it is but names no body
        found = next(filter(lambda x: x is not None, (read(ctx, ms, title, pos, pairs) for read in POST_READERS)), None)
        if found:
            out.append(found)
    return out


def _party_post_of_kind(ctx, ms, title, pos, pairs):
    """厅党组书记: the party group of the 厅 named before (a one-character kind, no place before it)."""
    w, text = _lex().w, ctx.doc.text
    kind = text[pos - 1:pos]
    if not (title.startswith(w["party_post_prefix"]) and kind in w["kinds_of_body"]
            and not is_cjk(text[pos - 2:pos - 1] or w["clause_marks"][0])):
        return None
    body = _body_of_kind(ctx, kind, pos)
    prefix = len(w["party_post_prefix"])
    return (ctx.org(body + w["party_post_prefix"], (pos - 1, pos + prefix)), title[prefix:]) if body else ()


def _hospital_head(ctx, ms, title, pos, pairs):
    """A hospital's news: 院长 is its own head."""
    w = _lex().w
    if title in w["hospital_heads"] and ctx.home.endswith(w["hospital_end"]):
        return ctx.org(ctx.home, (pos, pos + len(title))), title
    return None


def _post_body(ctx, ms, title, pos, pairs):
    unit = _lex().posts.get(title)
    if unit is None:
        return None
    if unit.startswith("@"):
        body = _body_of_kind(ctx, unit[1:], pos)      # 厅长, 副局长: the 厅 or 局 named before
        return (ctx.org(body, (pos, pos + len(title))), title) if body else ()
    if unit.startswith("#"):
        # 党委书记 in a university's news: its own party committee; elsewhere the text must say whose
        own = ctx.juris.level == "school"
        return (ctx.org(ctx.juris.name + unit[1:], (pos, pos + len(unit) - 1)), title[len(unit) - 1:]) if own else ()
    if unit == _lex().w["government"]:
        return _government(ctx, title, pos, pairs), title
    if unit == "" and ctx.juris.level == "school":
        return ctx.org(ctx.juris.name, (pos, pos + len(title))), title
    return _unit_of_clause_body(ctx, ms, title, pos, unit) if unit else ()


POST_READERS = (_party_post_of_kind, _hospital_head, _post_body)


def _government(ctx, title, pos, pairs):
    """省长 -> the province's 人民政府: the place written before the post, or of the party
    committee named in the same post list, else the document's jurisdiction."""
    w = _lex().w
    core = re.sub(w["title_modifiers"], "", title)
    level = w["region"] if core.startswith(w["region"]) else core[0]
    place = _government_place(ctx, level, pos, pairs)
    unit = w["league_government"] if level == w["league"] else w["government"]
    short = w["government_short"]
    # with no place in the text (市委书记…，市长…) the body keeps the text's own bare form
    names = [place + unit, level + short, place + short] if place else [level + unit, level + short]
    known = next((k for k in (ctx.lookup("Organization", n) for n in names) if k), None)
    return known or ctx.add("Organization", names[0], names[1:], span=(pos, pos + len(title)), jurisdiction=place or None)


def _government_place(ctx, level, pos, pairs) -> str:
    """The place a government post is of: written before it (宁夏回族自治区主席: the title's
    自治区 ends the place's name), of a party committee in the same post list, or the
    document's jurisdiction; '' when none is of that level."""
    region = _lex().w["region"]
    places = [_place_before(ctx.doc.text, pos + (len(region) if level == region else 0))]
    places += [_committee_place(ctx.kg.node(n)["name"]) for n, _ in pairs]
    place = next((x for x in places if x and x.endswith(level)), "")
    return place or (ctx.juris.name if ctx.juris.name.endswith(level) else "")


def _unit_of_clause_body(ctx, ms, title, pos, unit):
    """书记处书记 -> the 书记处 of the first body named in the clause."""
    text = ctx.doc.text
    k = max(text.rfind(ch, 0, pos) for ch in _lex().w["clause_marks"])
    bodies = [m for m in org_mentions(ms) if k < m.start and m.end <= pos]
    if not bodies:
        return ()
    body = re.sub(_lex().w["party_prefix_strip"], "", ctx.kg.node(bodies[0].node)["name"])
    return ctx.org(body + unit, (pos, pos + len(unit))), title


def _body_of_kind(ctx, kind, pos) -> str:
    """The body of that kind the text is about (a court's own news: 院长 is its own), else
    the one it named last before pos, cut at its kind character (青海省某某厅党组理论学习中心组
    -> 青海省某某厅), or ''."""
    w = _lex().w
    if ctx.home.endswith(kind):
        return ctx.home
    for m in reversed([m for m in ctx.mentions if m.label == "Organization" and m.end <= pos]):
        name = re.sub(w["party_prefix"], "", ctx.kg.node(m.node)["name"])
        k = name.find(kind)
        if k >= 3 and not name.startswith(w["class_head"]):
            return name[:k + len(kind)]
    return ""


def unit_after_committee(ctx, ms, pos):
    """A department named bare after its committee's post: 省委常委、组织部部长 -> the 省委's
    组织部 (the committee is the body named before the 、). None when the text says no such thing."""
    text, w = ctx.doc.text, _lex().w
    unit = next((u for u in _lex().committee_units if text.endswith(u, 0, pos)), None)
    if not unit or text[pos - len(unit) - 1:pos - len(unit)] != w["list_mark"]:
        return None
    k = pos - len(unit) - 1
    bodies = [m for m in org_mentions(ms) if k - 6 <= m.end <= k and re.fullmatch(w["committee_posts"], text[m.end:k])]
    if not bodies or not bodies[-1].cand.text.endswith(tuple(w["committee_ends"])):
        return None
    node = ctx.org(bodies[-1].cand.text + unit, (pos - len(unit), pos))
    ctx.add("Organization", ctx.kg.node(node)["name"], [unit])      # the text names it bare here
    ctx.relate(node, "PART_OF", bodies[-1].node, pos, "text:committee-unit", 0.8)
    return node


def _place_before(text: str, pos: int) -> str:
    """The gazetteer place written right before a post: 江苏省副省长 -> 江苏省."""
    places = lexicon.load().places
    for n in range(min(_lex().w["max_place_chars"], pos), 1, -1):      # 延边朝鲜族自治州州长: eight characters
        p = places.get(text[pos - n:pos])
        if p and p.named_by(text[pos - n:pos]):
            return p.name
    return ""


def _committee_place(name: str) -> str:
    """中共巫山县委员会 -> 巫山县, 中共某镇委员会 -> 某镇; '' for other bodies."""
    m = _lex().place_committee.fullmatch(name)
    return m.group(1) if m else ""


def committee_body(ctx, node):
    """The body a party committee sits in, for a later bare post (党委书记、主任张三 -> the 委员会)."""
    m = _lex().body_committee.fullmatch(ctx.kg.node(node)["name"])
    return (ctx.lookup("Organization", m.group(1)) or ctx.org(m.group(1))) if m else None
