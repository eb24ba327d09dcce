"""Bodies a document names by a bare unit word (党组, 书记处, 机关党委) or by its own kind
(集团党委组织部, 分院综合处 in a group's or a branch's own documents). Words: the ``units``
section of data/resolve.yaml."""
from __future__ import annotations

import re
from functools import lru_cache
from types import SimpleNamespace

from orgkg.extractors import knowledge as lexicon
from orgkg.extractors.recognise.spans import Covered, is_cjk  # noqa: F401  (the type of ``taken``)
from orgkg.extractors.resolve.names import BARE_SUBUNITS


@lru_cache(maxsize=1)
def _lex():
    w = lexicon.data_file("resolve.yaml")["units"]
    return SimpleNamespace(w=w, tail=re.compile(w["self_tail"]), committee=re.compile(w["party_committee_name"]),
                           duty_list=re.compile(w["duty_list"]),
                           duty_item=re.compile(w["duty_item"]), duty_separators=re.compile(w["duty_separators"]),
                           own_units=[(re.compile(u["home"]), _own_unit_patterns(w, u["unit"])) for u in w["own_units"]],
                           verbs=lexicon.verbs())


def _own_unit_patterns(w: dict, unit: str) -> tuple:
    """A body's own unit standing alone, and right after the body's name."""
    return (re.compile(w["own_unit_left"] + "(" + unit + ")" + w["own_unit_right"]),
            re.compile("(" + unit + ")" + w["own_unit_right"]))


def bare_units(ctx, taken: Covered) -> list:
    """(start, end, unit) of bare unit words standing alone in a list or as a subject
    (bare 科协 in a 科协 document is the home body)."""
    w, text = _lex().w, ctx.doc.text
    units = list(BARE_SUBUNITS) + w["back_only"] + [short for short, full in lexicon.load().abbreviations
                                   if ctx.home.endswith(full) and len(ctx.home) > len(full)]
    out = []
    for unit in units:
        for s in lexicon.positions(text, unit, overlapping=False):
            e = s + len(unit)
            before, after = text[s - 1:s], text[e:e + 1]
            if not taken.overlaps(s, e) and (not before or before in w["before"]) \
                    and after not in w["not_after"]:
                out.append((s, e, unit))
    return out


def named_before(ctx, unit: str, start: int):
    """The node of the body a bare unit word refers back to, or None: a bare 常委会 or 领导小组 is
    the one named before it (a government has no standing committee of its own)."""
    w = _lex().w
    if unit in w["back_only"]:
        kind, since = (unit,), 0
    elif unit in w["refers_back"]:
        if not ctx.home.endswith(tuple(w["no_standing_committee"])):
            return None
        kind, since = tuple(w["refers_back"]), 0
    else:       # 下设办公室，办公室设在…: a unit word again in its sentence is the unit just named
        kind, since = (unit,), ctx.doc.sentence_at(start)[0]
    before = [m.node for m in ctx.in_sentence(since, start, "Organization")
              if m.cand.text != unit and ctx.kg.node(m.node)["name"].endswith(kind)]
    return before[-1] if before else None


def refers_back_only(unit: str) -> bool:
    return unit in _lex().w["back_only"]


def is_unit_class(unit: str) -> bool:
    return unit.startswith(tuple(_lex().w["class_heads"]))


def self_short_forms(ctx, taken: Covered) -> list:
    """A body's documents call it by its kind (集团, 分院): 集团党委组织部, 分院综合处 are units of
    the issuing body. Returns (start, end, surface, canonical name)."""
    w = _lex().w
    issuer = ctx.kg.node(ctx.issuer_node)["name"] if ctx.issuer_node else ""
    if not issuer and ctx.home.endswith(w["hospital"]):
        issuer = ctx.home       # a hospital's news calls its party committee 医院党委
    m = _lex().committee.fullmatch(issuer)
    body = m.group(1) if m else issuer
    tail = _lex().tail.search(body)
    if not tail:
        return []
    kind = w["hospital_kind"] if tail.group(1) == w["hospital"] else tail.group(1)
    return [found for f in re.finditer(kind + w["self_unit"], ctx.doc.text)
            for found in _self_unit(ctx, f, taken, body)]


def _self_unit(ctx, f, taken, body):
    """[(start, end, surface, name)] of one unit named by the body's kind: a unit of its party
    committee comes with the committee (局党委|理论学习中心组)."""
    w, text = _lex().w, ctx.doc.text
    s, e, unit = f.start(), f.end(), f.group(1)
    left_clean = not s or not is_cjk(text[s - 1]) or text[s - 1] in w["left_ok"] \
        or text.endswith(_lex().verbs, 0, s)      # 修订局党委…: after a verb
    if w["class_head"] in unit or not left_clean or taken.overlaps(s, e):
        return []
    committee = w["party_committee"]
    if not unit.startswith(committee):
        return [(s, e, f.group(), body + unit)]
    party = w["party_prefix"] + body + w["committee_suffix"]    # 局党委组织部 in a bureau's own text
    own = e - len(unit) + len(committee)
    found = [(s, own, text[s:own], party)]
    return found + [(s, e, f.group(), party + unit[len(committee):])] if own < e else found


def own_units(owner: str, text: str, taken: Covered, after=()) -> list:
    """(start, end, unit) of the units a body's own texts name bare, by its kind: a university's
    发展规划处, a court's 执行局, a ministry's 部人事司 (unit 人事司); also right ``after`` a
    mention of the body (市教育局|基础教育科)."""
    lex = _lex()
    found = next((units for home, units in lex.own_units if home.search(owner)), None)
    if not found:
        return []
    bare, joined = found
    matches = [*bare.finditer(text), *(m for m in (joined.match(text, pos) for pos in after) if m)]
    return [(m.start(1), m.end(1), m.group(1)) for m in matches
            if not m.group(1).startswith(lex.w["class_head"]) and not taken.overlaps(m.start(1), m.end(1))]


def duty_units(ctx, taken: Covered) -> list:
    """(start, end, unit) of the units a work plan names bare after a duty label (责任科室：综合科、
    机关党委): the issuer's own units. Items named in full, or as a class (各科室), are found elsewhere."""
    lex, out = _lex(), []
    for m in lex.duty_list.finditer(ctx.doc.text):
        pos = m.start(1)
        for item in lex.duty_separators.split(m.group(1)):
            s, e = pos, pos + len(item)
            pos = e + 1
            if lex.duty_item.fullmatch(item) and lex.w["class_head"] not in item \
                    and not taken.overlaps(s, e):
                out.append((s, e, item))
    return out
