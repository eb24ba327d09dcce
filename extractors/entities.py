"""Turn the pipeline's candidates into graph nodes for one document: canonical
names (resolve.py), forms of one initiative merged across a file, bare unit
words (党组, 书记处) put under the document's home body, and collectives named
only in passing dropped once the relation rules have run.
"""
from __future__ import annotations

import re
from collections import Counter
from functools import lru_cache

from .components import lexicon
from .components.lexicon import national_alternation
from .components.spans import Cand
from .context import QUOTES, DocContext, Mention
from .resolve import BARE_SUBUNITS

LABELS = {"ORG": "Organization", "PERSON": "Person", "EVENT": "Event", "INIT": "Initiative", "DOC": "Document"}


@lru_cache(maxsize=1)
def national_re():
    return re.compile(national_alternation())


def add_entities(ctx: DocContext, cands: list, same_init: dict) -> None:
    """One node (and mention) per candidate, then bare units and bodies heading a meeting's name."""
    doc = ctx.doc
    header = [tuple(sp) for key in ("addressee_spans", "copy_spans") for sp in doc.meta.get(key) or []]
    for c in cands:
        if c.label == "ORG" and any(a <= c.start and c.end <= b for a, b in header):
            continue      # the addressee and copy lines are read from the metadata
        ctx.mentions.append(Mention(c, _node(ctx, c, cands, same_init), LABELS[c.label]))
    for c in cands:
        # a body named at the head of a meeting: 中央政治局第六次集体学习
        m = national_re().match(c.text) if c.label == "EVENT" else None
        if m and not c.props.get("kind"):
            node = ctx.org(m.group(), (c.start, c.start + m.end()))
            ctx.mentions.append(Mention(Cand(c.start, c.start + m.end(), m.group(), "ORG"), node, "Organization"))
    for s, e, unit in _bare_units(ctx, [(c.start, c.end) for c in cands]):
        node = ctx.org(unit, (s, e), collective=unit.startswith(("各", "机关各", "直属")))
        ctx.mentions.append(Mention(Cand(s, e, unit, "ORG"), node, "Organization"))
    ctx.mentions.sort(key=lambda m: m.start)
    if not ctx.main_event:
        # the meeting a news headline names (市委六届三次全会举行)
        a, b = doc.meta.get("title_span") or (0, 0)
        ctx.main_event = next((m.node for m in ctx.mentions if m.label == "Event" and a <= m.start < b), None)


def _node(ctx: DocContext, c: Cand, cands: list, same_init: dict) -> str:
    label, span, juris = LABELS[c.label], (c.start, c.end), ctx.juris
    if c.props.get("canonical") and c.label in ("ORG", "DOC"):
        return ctx.add(label, c.props["canonical"], [c.text], span=span)
    if c.label == "ORG":
        return ctx.org(c.props.get("resolve_as", c.text), span, c.collective)
    if c.label == "EVENT":
        canon = c.props.get("canonical", c.text)
        if "{place}" in canon:
            # 市委六届四次全会 in a county's news is the city's plenum: keep the words as written
            level = re.match(r"[省市区县州]", c.text)
            canon = canon.replace("{place}", juris.name) if level and juris.name.endswith(level.group()) else c.text
        convener = _convener(cands, c, ctx.doc.text) if c.props.get("convened") else None
        return ctx.add(label, convener + c.text if convener else canon, [c.text], span=span)
    if c.label == "INIT":
        name = "主题教育" if c.text.endswith("主题教育") else same_init.get(c.text, c.text)
        return ctx.add(label, c.props.get("canonical", name), _initiative_aliases(c.text), span=span)
    if c.label == "DOC":
        known = ctx.lookup("Document", c.text)
        return ctx.add(label, ctx.kg.node(known)["name"] if known else c.text, span=span)
    return ctx.add(label, c.text, span=span)


def _bare_units(ctx: DocContext, taken: list) -> list:
    """Bare unit words (党组, 书记处, 机关党委) standing alone in a list or as a subject."""
    out = []
    text = ctx.doc.text
    units = list(BARE_SUBUNITS)
    for short, full in lexicon.load().abbreviations:
        if ctx.home.endswith(full) and len(ctx.home) > len(full):
            units.append(short)       # bare 科协 in a 科协 document is the home body
    for unit in units:
        for m in re.finditer(re.escape(unit), text):
            s, e = m.start(), m.end()
            if any(a < e and s < b for a, b in taken):
                continue
            before, after = text[s - 1:s], text[e:e + 1]
            if (not before or before in "、，。；：\n和或由对向与及") and after not in "织会成书理中组员":
                out.append((s, e, unit))
    return out


def merge_initiatives(names: list) -> dict:
    """Forms of one initiative inside a file: names sharing a tail of five or more
    characters (社会主义现代化新重庆建设, 新时代新征程新重庆建设 -> 现代化新重庆建设) or the same
    quoted head (“双高”建设, “双高”项目建设). The most frequent form, then the shortest,
    names them all. Returns form -> chosen name."""
    counts = Counter(names)
    bare = {n: re.sub(f"[{QUOTES}]", "", n) for n in counts}
    out = {}
    for n in counts:
        lead = re.match(r"“[^”]+”", n)
        group = [m for m in counts if m != n and (_shared_tail(bare[m], bare[n]) >= 5
                                                  or lead and m.startswith(lead.group()))]
        if group:
            out[n] = max(group + [n], key=lambda m: (counts[m], -len(m)))
    return out


def _shared_tail(a: str, b: str) -> int:
    k = 0
    while k < min(len(a), len(b)) and a[-1 - k] == b[-1 - k]:
        k += 1
    return k


def _convener(cands, event, text) -> str:
    """The body right before 召开/举行 that convenes a named meeting (X党组召开Y会议)."""
    for c in cands:
        if c.label == "ORG" and c.end + 2 == event.start and text[c.end:event.start] in ("召开", "举行"):
            return c.text
    return ""


def _initiative_aliases(name: str) -> list:
    core = re.sub(f"[{QUOTES}]", "", name)
    out = [core]
    for suf in ("建设", "活动", "行动", "品牌"):
        if core.endswith(suf) and len(core) > len(suf) + 1:
            out.append(core[: -len(suf)])
    if core.endswith("主题教育"):
        out.append("主题教育")
    return out


def prune_passing_collectives(ctx: DocContext) -> None:
    """A class of bodies named in passing is not an entity: keep a collective only
    when this file relates it to something (addressed, directed, required)."""
    g, file = ctx.kg.g, ctx.doc.file
    for node in {m.node for m in ctx.mentions if m.label == "Organization"}:
        data = g.nodes[node]
        if not data.get("collective") or node in ctx.protected:
            continue
        related = any(any(ev.get("file") == file for ev in d.get("evidence", []))
                      for _, _, d in list(g.in_edges(node, data=True)) + list(g.out_edges(node, data=True)))
        if related:
            continue
        data["mentions"] = [m for m in data["mentions"] if m.get("file") != file]
        if not data["mentions"] and g.degree(node) == 0:
            g.remove_node(node)
