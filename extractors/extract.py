"""Entry point: files in, one KnowledgeGraph out.

>>> result = extract_paths(["data/samples"])          # doctest: +SKIP
>>> result.kg.counts()["nodes"] > 0                     # doctest: +SKIP
True

Files are read one at a time (streaming); a file that cannot be read is
recorded in ``skipped`` and the batch goes on.
"""
from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field

from orgkg.graph.errors import InputError
from orgkg.graph.kg import KnowledgeGraph

from . import reader, split
from .components.events import find_events
from .components import lexicon
from .components.lexicon import national_alternation
from .components.orgs import _collective
from .components.spans import Cand
from .context import QUOTES, DocContext, Mention, home_body
from .pipeline import KEY, get_nlp
from .relations import apply_rules
from .resolve import BARE_SUBUNITS, canonical_org, infer_jurisdiction

LABELS = {"ORG": "Organization", "PERSON": "Person", "EVENT": "Event", "INIT": "Initiative", "DOC": "Document"}
NO_SELF_NODE = {"news"}
DIRECTIVE = {"notice", "opinion", "plan", "resolution", "report"}
CLASS_NOUNS = ("单位", "部门", "组织", "党组织")


def national_re():
    return re.compile(national_alternation())


@dataclass
class ExtractResult:
    kg: KnowledgeGraph
    files: list = field(default_factory=list)
    skipped: list = field(default_factory=list)


def extract_paths(paths, progress=None) -> ExtractResult:
    """Read every file under ``paths``, extract each document, return the graph."""
    result = ExtractResult(kg=KnowledgeGraph())
    nlp = get_nlp()
    for path in reader.iter_files(paths):
        try:
            source = reader.read_source(path)
            docs = split.split_documents(source)
        except InputError as exc:
            result.skipped.append((str(path), exc.reason))
            continue
        parsed = [nlp(doc.text).user_data.get(KEY, []) for doc in docs]
        merged = _merge_initiatives([c.text for cands in parsed for c in cands if c.label == "INIT"])
        for doc, cands in zip(docs, parsed):
            extract_document(doc, result.kg, nlp, siblings=docs, cands=cands, same_init=merged)
        result.files.append(source.name)
        if progress:
            progress(source.name)
    return result


def _addressee_names(names: list) -> list:
    """Re-join items the splitter cut apart: 各全国学会、协会、研究会 is one addressee."""
    out = []
    for n in names:
        if out and n in ("协会", "研究会", "学会", "基金会", "联合会"):
            out[-1] = out[-1] + "、" + n
        else:
            out.append(n)
    return out


def _is_collective(name: str) -> bool:
    return _collective(name) or name.endswith(CLASS_NOUNS) or name.startswith("各")


def _title_aliases(title: str, issuer: str, number: str, speaker: str) -> tuple:
    name, aliases = title, []
    k = title.find("关于")
    if k > 0:
        aliases.append(title[k:])
    elif k == 0 and issuer:
        name, aliases = issuer + title, [title]
    if number:
        aliases.append(number)
    if speaker and title.endswith("讲话"):
        aliases += [f"{speaker}同志讲话", f"{speaker}讲话"]
    return name, aliases


def _self_facts(ctx: DocContext, siblings) -> None:
    """The document itself: its node, issuer, printer, addressees (from Document.meta)."""
    doc, meta = ctx.doc, ctx.doc.meta
    title, kind = meta.get("title"), meta.get("kind", "other")
    issuer = meta.get("issuer")
    spans = meta.get("issuer_spans") or []
    if issuer:
        ctx.issuer_node = ctx.org(issuer, spans[0] if spans else None)
    if title and kind not in NO_SELF_NODE:
        name, aliases = _title_aliases(title, issuer or "", meta.get("number", ""), meta.get("speaker", ""))
        ctx.self_node = ctx.add("Document", name, aliases, span=meta.get("title_span"),
                                number=meta.get("number"), date=meta.get("date"), issuer=issuer)
    head = meta.get("title_span", (0, 0))[0]
    if meta.get("speaker"):
        ctx.add("Person", meta["speaker"], span=meta.get("speaker_span"))
    if ctx.self_node and ctx.issuer_node:
        ctx.relate(ctx.issuer_node, "ISSUED", ctx.self_node, head, "header:issuer", 0.95)
    parent = _issuing_sibling(doc, siblings)
    if meta.get("printer"):
        target = _sibling_node(ctx, parent) or ctx.self_node
        printer = ctx.org(meta["printer"], meta.get("printer_span"))
        ctx.relate(printer, "ISSUED", target, meta.get("printer_span", (head, head))[0], "footer:printer", 0.9)
    if meta.get("adopted_by"):
        found = [c for c in find_events(meta["adopted_by"]) if c.end - c.start == len(meta["adopted_by"])]
        if found:
            ev = ctx.add("Event", found[0].props["canonical"].replace("{place}", ctx.juris.name),
                         [meta["adopted_by"]])
            ctx.main_event = ctx.main_event or ev
            ctx.relate(ev, "ADOPTED", ctx.self_node, head, "header:adopted_by", 0.95)
    addressees, addr_spans = meta.get("addressees") or [], meta.get("addressee_spans") or []
    if not addressees and parent is not None:
        addressees, addr_spans = parent.meta.get("addressees") or [], []
        addr_doc = None
    else:
        addr_doc = doc
    for i, name in enumerate(_addressee_names(addressees)):
        span = addr_spans[i] if addr_doc is doc and i < len(addr_spans) else None
        node = ctx.org(name, span, collective=_is_collective(name))
        ctx.addressee_nodes.append(node)
        ctx.protected.add(node)
        pos = span[0] if span else head
        if ctx.self_node:
            ctx.relate(ctx.self_node, "REQUIRES", node, pos, "header:addressee", 0.9)
        if ctx.issuer_node and kind in DIRECTIVE | {"notice"}:
            ctx.relate(ctx.issuer_node, "SUPERVISES", node, pos, "header:issuer-over-addressee", 0.85)
    copy_spans = meta.get("copy_spans") or []
    for i, name in enumerate(_addressee_names(meta.get("copies") or [])):
        if "同志" in name or name in ("党组", "书记处"):
            continue
        span = copy_spans[i] if i < len(copy_spans) else None
        node = ctx.org(name, span, collective=_is_collective(name))
        ctx.protected.add(node)
        # copies to the home body's own units are duties within the body
        if ("机关" in name or "直属" in name) and ctx.self_node:
            ctx.relate(ctx.self_node, "REQUIRES", node, head, "footer:copies", 0.6)


def _issuing_sibling(doc, siblings):
    k = doc.meta.get("issued_by")
    if k is None or not siblings or not (0 <= k < len(siblings)) or siblings[k] is doc:
        return None
    return siblings[k]


def _sibling_node(ctx, sibling):
    if sibling is None or not sibling.meta.get("title"):
        return None
    m = sibling.meta
    name, aliases = _title_aliases(m["title"], m.get("issuer", ""), m.get("number", ""), m.get("speaker", ""))
    return ctx.add("Document", name, aliases, number=m.get("number"), date=m.get("date"), issuer=m.get("issuer"))


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


def _merge_initiatives(names: list) -> dict:
    """Forms of one initiative inside a document: names sharing a tail of five or more
    characters (社会主义现代化新重庆建设, 新时代新征程新重庆建设 -> 现代化新重庆建设, the most
    frequent). Returns form -> chosen name."""
    counts = Counter(n.strip(QUOTES) for n in names)
    out = {}
    for n in set(names):
        core = n.strip(QUOTES)
        lead = re.match(r"“[^”]+”", n)
        group = [m for m in counts if m != core and _shared_tail(m, core) >= 5]
        if lead:
            group += [m.strip(QUOTES) for m in names if m != n and m.startswith(lead.group())]
        if group:
            best = max(group + [core], key=lambda m: (counts[m], -len(m)))
            out[n] = best
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
    core = name.strip(QUOTES)
    out = [core]
    for suf in ("建设", "活动", "行动", "品牌"):
        if core.endswith(suf) and len(core) > len(suf) + 1:
            out.append(core[: -len(suf)])
    if core.endswith("主题教育"):
        out.append("主题教育")
    return out


def extract_document(doc, kg, nlp=None, siblings=None, cands=None, same_init=None) -> DocContext:
    """Add one Document's entities and relations to ``kg``; returns its context.

    ``siblings`` are the other documents of the same file (a notice and the plan it
    issues), ``cands`` the pipeline's candidates if already computed, ``same_init``
    the file-wide map of initiative forms to one name."""
    if cands is None:
        cands = (nlp or get_nlp())(doc.text).user_data.get(KEY, [])
    org_surfaces = [c.text for c in cands if c.label == "ORG"]
    juris = infer_jurisdiction(doc, org_surfaces)
    issuer = canonical_org(doc.meta["issuer"], juris)[0] if doc.meta.get("issuer") else ""
    home = home_body([canonical_org(s, juris)[0] for s in org_surfaces], issuer)
    ctx = DocContext(doc, kg, juris, home)
    if same_init is None:
        same_init = _merge_initiatives([c.text for c in cands if c.label == "INIT"])
    _self_facts(ctx, siblings)
    for c in cands:
        label = LABELS[c.label]
        span = (c.start, c.end)
        if c.label == "ORG" and c.props.get("canonical"):
            node = ctx.add(label, c.props["canonical"], [c.text], span=span)
        elif c.label == "ORG":
            node = ctx.org(c.props.get("resolve_as", c.text), span, c.collective)
        elif c.label == "EVENT":
            canon = c.props.get("canonical", c.text).replace("{place}", juris.name)
            convener = _convener(cands, c, doc.text) if c.props.get("convened") else None
            if convener:
                canon = convener + c.text
            node = ctx.add(label, canon, [c.text], span=span)
        elif c.label == "INIT":
            name = "主题教育" if c.text.endswith("主题教育") else same_init.get(c.text, c.text)
            node = ctx.add(label, name, _initiative_aliases(c.text), span=span)
        elif c.label == "DOC" and c.props.get("canonical"):
            node = ctx.add(label, c.props["canonical"], [c.text], span=span)
        elif c.label == "DOC":
            node = ctx.lookup("Document", c.text) or ctx.add(label, c.text, span=span)
            kg.node(node)["mentions"].append(doc.mention(*span)) if doc.mention(*span) not in kg.node(node)["mentions"] else None
        else:
            node = ctx.add(label, c.text, span=span)
        ctx.mentions.append(Mention(c, node, label))
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
        ctx.main_event = next((m.node for m in ctx.mentions if m.label == "Event"), None)
    apply_rules(ctx)
    _prune_passing_collectives(ctx)
    return ctx


def _prune_passing_collectives(ctx: DocContext) -> None:
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
