"""Bodies a document names by a bare unit word (党组, 书记处, 机关党委) or by its own kind
(集团党委组织部, 分院综合处 in a group's or a branch's own documents). Words: the ``units``
section of data/resolve.yaml."""
from __future__ import annotations

import re
from functools import lru_cache
from types import SimpleNamespace

from orgkg.extractors import knowledge as lexicon
from orgkg.extractors.recognise.spans import is_cjk
from orgkg.extractors.resolve.names import BARE_SUBUNITS


@lru_cache(maxsize=1)
def _lex():
    w = lexicon.data_file("resolve.yaml")["units"]
    return SimpleNamespace(w=w, tail=re.compile(w["self_tail"]), committee=re.compile(w["party_committee_name"]),
                           school_unit=re.compile(w["school_unit"]),
                           verbs=tuple(w for w in lexicon.load().w("cut_before") if len(w) > 1))


def bare_units(ctx, taken: list) -> list:
    """(start, end, unit) of bare unit words standing alone in a list or as a subject
    (bare 科协 in a 科协 document is the home body)."""
    w, text = _lex().w, ctx.doc.text
    units = list(BARE_SUBUNITS) + [short for short, full in lexicon.load().abbreviations
                                   if ctx.home.endswith(full) and len(ctx.home) > len(full)]
    out = []
    for unit in units:
        for m in re.finditer(re.escape(unit), text):
            s, e = m.start(), m.end()
            before, after = text[s - 1:s], text[e:e + 1]
            if not any(a < e and s < b for a, b in taken) and (not before or before in w["before"]) \
                    and after not in w["not_after"]:
                out.append((s, e, unit))
    return out


def is_unit_class(unit: str) -> bool:
    return unit.startswith(tuple(_lex().w["class_heads"]))


def self_short_forms(ctx, taken: list) -> list:
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
            if (found := _self_unit(ctx, f, taken, body))]


def _self_unit(ctx, f, taken, body):
    """(start, end, surface, name) of one unit named by the body's kind, or None."""
    w, text = _lex().w, ctx.doc.text
    s, e, unit = f.start(), f.end(), f.group(1)
    left_clean = not s or not is_cjk(text[s - 1]) or text[s - 1] in w["left_ok"] \
        or text.endswith(_lex().verbs, 0, s)      # 修订局党委…: after a verb
    if w["class_head"] in unit or not left_clean or any(a < e and s < b for a, b in taken):
        return None
    committee = w["party_committee"]
    if unit.startswith(committee):      # 局党委组织部 in a bureau's own text: its party committee's
        party = w["party_prefix"] + body + w["committee_suffix"]
        return s, e, f.group(), party + unit[len(committee):]
    return s, e, f.group(), body + unit


def school_units(ctx, taken: list) -> list:
    """(start, end, unit) of a university's own units its news names bare (发展规划处,
    研究生院, 威海校区), in a text that speaks for a university."""
    if ctx.juris.level != "school":
        return []
    return [(m.start(), m.end(), m.group()) for m in _lex().school_unit.finditer(ctx.doc.text)
            if not any(a < m.end() and m.start() < b for a, b in taken)]
