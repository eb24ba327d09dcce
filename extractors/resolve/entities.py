"""Turn the pipeline's candidates into graph nodes for one document: canonical names
(names.py), forms of one initiative merged across a file (initiatives.py), entities
named inside other names (inner.py), bare unit words put under the document's home
body (units.py); collectives named only in passing are dropped once the relation rules
have run (collectives.py). Words: the ``entities`` section of data/resolve.yaml."""
from __future__ import annotations

import re
from functools import lru_cache
from types import SimpleNamespace

from orgkg.extractors import knowledge as lexicon
from orgkg.extractors.recognise.events import session_name
from orgkg.extractors.recognise.orgs import shared_place, split_joint
from orgkg.extractors.recognise.spans import Cand, Covered
from orgkg.extractors.resolve.collectives import prune_passing_collectives
from orgkg.extractors.resolve.context import DocContext, Mention
from orgkg.extractors.resolve.initiatives import initiative_aliases, merge_initiatives
from orgkg.extractors.resolve.inner import add_inner, add_inner_titles, add_school
from orgkg.extractors.resolve.names import BODY_TERM, level_place
from orgkg.extractors.resolve.units import bare_units, duty_units, is_unit_class, named_before, refers_back_only, own_units, self_short_forms

__all__ = ["add_entities", "merge_initiatives", "prune_passing_collectives"]


@lru_cache(maxsize=1)
def _lex():
    w = lexicon.data_file("resolve.yaml")["entities"]
    return SimpleNamespace(w=w, plenum_level=re.compile(w["plenum_level"]), draft=re.compile(w["draft"]))


def add_entities(ctx: DocContext, cands: list, same_init: dict) -> None:
    """One node (and mention) per candidate, then the entities named inside others, bare
    units and the body's own short forms."""
    header = [tuple(sp) for key in ("addressee_spans", "copy_spans") for sp in getattr(ctx.doc.meta, key)]
    for c in cands:
        if _kept(ctx, c, cands, header):
            _add_candidate(ctx, c, cands, same_init)
    add_inner(ctx, cands)
    _add_bare_units(ctx, cands)
    for s, e, surface, name in self_short_forms(ctx, Covered([(m.start, m.end) for m in ctx.mentions] + header)):
        node = ctx.add("Organization", name, [surface], span=(s, e))
        ctx.mentions.append(Mention(Cand(s, e, surface, "Organization"), node, "Organization"))
    add_inner_titles(ctx, cands)
    add_school(ctx)
    _add_own_units(ctx)
    _add_units(ctx, ctx.issuer_node or ctx.home_node(), duty_units)
    ctx.mentions.sort(key=lambda m: m.start)
    if not ctx.main_event:
        # the meeting a news headline names (市委六届三次全会举行)
        a, b = ctx.doc.meta.title_span or (0, 0)
        ctx.main_event = next((m.node for m in ctx.mentions if m.label == "Event" and a <= m.start < b), None)


def _add_bare_units(ctx, cands) -> None:
    for s, e, unit in bare_units(ctx, Covered((c.start, c.end) for c in cands)):
        node = named_before(ctx, unit, s)
        if not node and refers_back_only(unit):
            continue
        node = node or ctx.org(unit, (s, e), collective=is_unit_class(unit))
        ctx.mentions.append(Mention(Cand(s, e, unit, "Organization"), node, "Organization"))


def _add_own_units(ctx) -> None:
    # a university's news speaks for the university even where another body is named most
    owner = ctx.lookup("Organization", ctx.juris.name) if ctx.juris.level == "school" else ctx.home_node()
    if owner:
        named = [m.end for m in ctx.mentions if m.node == owner]
        _add_units(ctx, owner, lambda ctx, taken: own_units(ctx.kg.node(owner)["name"], ctx.doc.text, taken, named))


def _add_units(ctx, owner, finder) -> None:
    """The units ``finder`` names bare (a university's 发展规划处, a work plan's 责任科室), as units
    of ``owner``."""
    if not owner:
        return
    for s, e, unit in finder(ctx, Covered((m.start, m.end) for m in ctx.mentions)):
        ctx.mentions.append(Mention(Cand(s, e, unit, "Organization"), ctx.unit(owner, unit, (s, e)), "Organization"))


def _kept(ctx, c, cands, header) -> bool:
    w, meta = _lex().w, ctx.doc.meta
    if c.label == "Organization" and any(a <= c.start and c.end <= b for a, b in header):
        return False      # the addressee and copy lines are read from the metadata
    if c.label == "Organization" and c.text == w["every_unit"] and any(a.endswith(w["unit_word"]) for a in meta.addressees):
        return False      # 各单位要… after an addressee line of 各单位 means those addressees again
    # 第八次会议 with no body holding it names nothing
    return not (c.props.get("kind") == "sitting" and not _convener(cands, c, ctx.doc.text))


def _add_candidate(ctx, c, cands, same_init) -> None:
    """中共某县委某县人民政府关于…: two bodies side by side are two mentions."""
    parts = split_joint(c.text) if c.label == "Organization" and not c.props else [(c.text, 0)]
    for text, k in parts:
        part = c if len(parts) == 1 else Cand(c.start + k, c.start + k + len(text), text, "Organization")
        place = shared_place(parts[0][0], text) if k else ""
        if place:      # 北京市委市政府: the government of the committee's place
            part.props["resolve_as"] = place + text[1:]
        ctx.mentions.append(Mention(part, NODE_MAKERS[c.label](ctx, part, cands, same_init), c.label))


def _org_node(ctx, c, cands, same_init) -> str:
    if c.props.get("canonical"):
        return ctx.add("Organization", c.props["canonical"], [c.text], span=(c.start, c.end))
    if c.props.get("department") and ctx.juris.level in _lex().w["local_levels"] and not c.text.startswith(ctx.juris.name):
        # a bare department in a list is the one of the place the text speaks for (公安局 -> 某县公安局)
        bare = c.text[1:] if c.text[:1] == ctx.juris.name[-1:] else c.text
        return ctx.org(ctx.juris.name + bare, (c.start, c.end))
    return ctx.org(c.props.get("resolve_as", c.text), (c.start, c.end), c.collective)


def _event_node(ctx, c, cands, same_init) -> str:
    span, canon = (c.start, c.end), c.props.get("canonical", c.text)
    convener = _convener(cands, c, ctx.doc.text) if c.props.get("convened") else None
    sitting = convener and c.props.get("kind") in _lex().w["sitting_kinds"]
    termed = convener and BODY_TERM.search(convener)
    if termed:
        # 某市十五届人大常委会举行第二十六次会议: the term's session, written out in full
        canon = session_name(convener + c.text)
    elif sitting:
        # a numbered or enlarged sitting (市教育局党组（扩大）会议) is named by its body's full name
        return ctx.add("Event", ctx.kg.node(ctx.org(convener))["name"] + c.text, [convener + c.text], span=span)
    if "{place}" in canon:
        # 市委六届四次全会 in a county's news is the city's plenum: keep the words as written
        level = c.props.get("level") or (_lex().plenum_level.match(c.text) or [""])[0]
        place = level_place(level, ctx.juris) if level else ""
        canon = canon.replace("{place}", place) if place else c.text
    aliases = [convener + c.text] if sitting or termed else [c.text]
    return ctx.add("Event", convener + c.text if convener and not termed else canon, aliases, span=span)


def _initiative_node(ctx, c, cands, same_init) -> str:
    theme = _lex().w["theme_education"]
    name = theme if c.text.endswith(theme) else same_init.get(c.text, c.text)
    return ctx.add("Initiative", c.props.get("canonical", name), initiative_aliases(c.text), span=(c.start, c.end))


def _document_node(ctx, c, cands, same_init) -> str:
    span = (c.start, c.end)
    if c.props.get("canonical"):
        return ctx.add("Document", c.props["canonical"], [c.text], span=span)
    earlier = _referred_document(ctx, c.text)
    if earlier:
        return ctx.add("Document", earlier, [c.text], span=span)
    known = ctx.lookup("Document", c.text)
    return ctx.add("Document", ctx.kg.node(known)["name"] if known else c.text, span=span)


def _person_node(ctx, c, cands, same_init) -> str:
    return ctx.add("Person", c.text, span=(c.start, c.end))


NODE_MAKERS = {"Organization": _org_node, "Event": _event_node, "Initiative": _initiative_node, "Document": _document_node,
               "Person": _person_node}


def _referred_document(ctx: DocContext, title: str) -> str:
    """《决定（讨论稿）》 after 《中共某县委关于…的决定》 names the same text by its kind word:
    the name of the last document before it that ends with that word, or ''."""
    kind = _lex().draft.sub("", title)
    if len(kind) > _lex().w["max_kind_chars"] or kind not in lexicon.load().cues["directive_title_words"]:
        return ""
    names = [ctx.kg.node(m.node)["name"] for m in ctx.mentions if m.label == "Document"]
    return next((n for n in reversed(names) if n.endswith(kind) and n != kind), "")


def _convener(cands, event, text) -> str:
    """The body right before 召开/举行 that convenes a named meeting (X党组召开Y会议), or, for a
    numbered sitting, right before its number (市政府第45次常务会议, 中心组进行第5次集体学习)."""
    sitting = event.props.get("kind") == "sitting"
    verbs = _lex().w["sitting_by" if sitting else "convened_by"]
    for c in cands:
        if c.label == "Organization" and (c.end + 2 == event.start and text[c.end:event.start] in verbs
                                 or sitting and c.end == event.start):
            return c.text
    return ""
