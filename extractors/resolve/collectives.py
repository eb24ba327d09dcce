"""A class of bodies named in passing is no entity: after the relation rules, a collective
is kept only when the file relates it to something or gives it a duty. Words: the
``collectives`` section of data/resolve.yaml."""
from __future__ import annotations

import re
from functools import lru_cache
from types import SimpleNamespace

from orgkg.extractors import knowledge as lexicon


@lru_cache(maxsize=1)
def _lex():
    w = lexicon.data_file("resolve.yaml")["collectives"]
    return SimpleNamespace(w=w, after=re.compile(w["duty_after"]), before=re.compile(w["duty_list_before"]))


def prune_passing_collectives(ctx) -> None:
    """Keep a collective only when this file relates it to something (addressed, directed,
    required) or sets it a duty."""
    g = ctx.kg.g
    directed = {m.node for m in ctx.mentions if m.label == "Organization" and _given_duty(ctx.doc.text, m.start, m.end)}
    for node in {m.node for m in ctx.mentions if m.label == "Organization"}:
        data = g.nodes[node]
        if data.get("collective") and node not in ctx.protected and node not in directed \
                and not _related_in_file(g, node, ctx.doc.file):
            data["mentions"] = [m for m in data["mentions"] if m.get("file") != ctx.doc.file]
            if not data["mentions"] and g.degree(node) == 0:
                g.remove_node(node)


def _related_in_file(g, node, file) -> bool:
    edges = list(g.in_edges(node, data=True)) + list(g.out_edges(node, data=True))
    return any(any(ev.get("file") == file for ev in d.get("evidence", [])) for _, _, d in edges)


def _given_duty(text: str, start: int, end: int) -> bool:
    """A duty set for a class in a news item with no document to require it (各村党组织要…,
    要求各社区党委…): only a whole class with a clean left edge (not 区级各部门's 各部门),
    never 各地各部门 or 各级…, which describe no bodies."""
    w = _lex().w
    if text.startswith(tuple(w["no_class"]), start) or start and text[start - 1] not in w["left_edge"]:
        return False
    # 要求各街道、区属各部门…: the ask covers the whole list
    return bool(_lex().after.match(text, end)) or bool(_lex().before.search(text, max(0, start - 40), start))
