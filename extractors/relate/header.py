"""Facts a document states through its own layout (Document.meta): the document
itself as a Document node, its issuer (header, title prefix, signature) and
printer (版记), the event that adopted it, its addressees and copies.

    issuer   ISSUED      the document (and the printer office too)
    issuer   SUPERVISES  each addressee of a directive
    document REQUIRES    each addressee (a plan issued by a notice inherits the
                         notice's addressees)
"""
from __future__ import annotations

import re
from functools import lru_cache
from types import SimpleNamespace

from orgkg.extractors import knowledge as lexicon
from orgkg.extractors.recognise.events import find_events
from orgkg.extractors.recognise.orgs import find_orgs, is_collective_name, split_joint
from orgkg.extractors.recognise.spans import select
from orgkg.extractors.relate.common import DIRECTIVE_KINDS, words
from orgkg.extractors.resolve.context import DocContext

NO_SELF_NODE = {"news"}
DIRECTIVE = {*DIRECTIVE_KINDS, "report"}
DOC_KINDS = DIRECTIVE | {"speech"}


@lru_cache(maxsize=1)
def _lex():
    w, c = words("header"), lexicon.load().cues
    return SimpleNamespace(w=w, title_words=tuple(c["directive_title_words"] + c["speech_title_words"] + w["more_title_words"]),
                           title_issuer_next=re.compile(w["title_issuer_next"]), body_end=re.compile(w["item_body_end"]),
                           bracket=re.compile(r"[（(]"), issued_title=re.compile(w["issued_title"]),
                           body_word_end=re.compile("(?:" + "|".join(sorted(w["bare_body_words"], key=len, reverse=True))
                                                    + "|" + w["committee_end"] + ")$"))


def _addressee_names(names: list) -> list:
    """(name, aliases) of each addressee: items the splitter cut apart re-joined (各全国学会、
    协会、研究会 is one addressee), items it kept together split (省政府各部门、各直属机构 and
    某开发区、某新区 are two), and a class's second body named bare (各县市区委、人民政府:
    the class's governments too, 各县市区人民政府)."""
    w = _lex().w
    out = []
    for n in [part for n in names for part in re.split(w["split_before_class"], n)]:
        if out and (n in w["shared_head_words"] or _shares_party_word(out[-1][0], n)):
            out[-1] = (out[-1][0] + w["list_mark"] + n, [])
        elif out and n in w["bare_body_words"]:
            out.append(_second_body(out[-1][0], n))
        else:
            out += _pair_of_bodies(n) or [(part, []) for part in _bodies_in_item(n)]
    return out


def _second_body(previous: str, word: str, mark: str = "") -> tuple:
    head = _lex().body_word_end.sub("", previous)
    joined = previous + (mark or _lex().w["list_mark"]) + word
    return (head + word, [joined]) if head != previous else (joined, [])


def _shares_party_word(previous: str, item: str) -> bool:
    """各分公司、子公司党委: one class whose party committees are addressed."""
    party, organs = tuple(_lex().w["party_words"]), tuple(_lex().w["bare_body_words"])
    return previous.startswith(_lex().w["class_head"]) and not previous.endswith(party + organs) \
        and item.endswith(party) and _lex().w["class_head"] not in item


def _pair_of_bodies(item: str) -> list:
    """各县（市、区）党委和人民政府: the class's party committees and its governments."""
    for mark in _lex().w["pair_marks"]:
        first, _, word = item.rpartition(mark)
        if first and word in _lex().w["bare_body_words"] and _lex().body_word_end.search(first):
            return [(first, []), _second_body(first, word, mark)]
    return []


def _bodies_in_item(item: str) -> list:
    """某经济技术开发区、某新区: an item whose every part is a body's or a place's name is a list."""
    parts = item.split(_lex().w["list_mark"])
    if len(parts) > 1 and not _lex().bracket.search(item) and all(len(p) > 2 and _lex().body_end.search(p) for p in parts):
        return parts
    return [item]


def _addressed_class(name: str) -> bool:
    w = _lex().w
    return is_collective_name(name) or name.endswith(tuple(w["class_nouns"])) or w["class_head"] in name


def _title_aliases(title: str, issuer: str, number: str, speaker: str) -> tuple:
    w = _lex().w
    name, aliases = title, []
    k = title.find(w["about"])
    if k > 0:
        aliases.append(title[k:])
    elif k == 0 and issuer:
        name, aliases = issuer + title, [title]
    if number:
        aliases.append(number)
    if speaker and title.endswith(w["speech_end"]):
        aliases += [a.format(speaker=speaker) for a in w["speech_aliases"]]
    return name, aliases


def self_facts(ctx: DocContext, siblings) -> None:
    """The document itself: its node, issuer, printer, addressees (from Document.meta)."""
    meta = ctx.doc.meta
    issuer = _issuers(ctx)
    _self_document(ctx, issuer)
    head = (meta.title_span or (0, 0))[0]
    if meta.speaker:
        ctx.add("Person", meta.speaker, span=meta.speaker_span)
    if ctx.self_node and ctx.issuer_node:
        for node in ctx.issuer_nodes:
            ctx.relate(node, "ISSUED", ctx.self_node, head, "header:issuer", 0.95)
    parent = _issuing_sibling(ctx.doc, siblings)
    _printer(ctx, parent, head)
    _adopted_by(ctx, head)
    _addressees(ctx, parent, meta.kind, head)
    _copies(ctx, head)


def _issuers(ctx) -> str:
    """The issuer line (or the body a title opens with): 中共某县委 某县人民政府 (a joint
    document) makes each body an issuer; the first leads."""
    doc, meta = ctx.doc, ctx.doc.meta
    title, issuer = meta.title, meta.issuer
    spans = meta.issuer_spans
    if not issuer and title:
        issuer, k = _title_issuer(title), 0
        inner = _lex().issued_title.search(title)
        if not issuer and inner:      # 关于印发《某局2024年工作要点》的通知: the plan's issuer issues the notice
            issuer, k = _title_issuer(inner.group(1)), inner.start(1)
        start = (meta.title_span or (0, 0))[0] + k
        spans = [(start, start + len(issuer))] if issuer else []
    if issuer:
        a = spans[0][0] if spans else None
        found = [(name, doc.text.find(name, a) if a is not None else -1) for name, _ in split_joint(issuer)]
        ctx.issuer_nodes = [ctx.org(name, (k, k + len(name)) if k >= 0 else None) for name, k in found]
        ctx.issuer_node = ctx.issuer_nodes[0]
    return issuer


def _self_document(ctx, issuer) -> None:
    meta = ctx.doc.meta
    title, kind = meta.title, meta.kind
    if title and kind not in NO_SELF_NODE and (kind in DOC_KINDS or title.endswith(_lex().title_words)):
        name, aliases = _title_aliases(title, issuer or "", meta.number or "", meta.speaker or "")
        ctx.self_node = ctx.add("Document", name, aliases, span=meta.title_span,
                                number=meta.number, date=meta.date, issuer=issuer)


def _printer(ctx, parent, head) -> None:
    """The printing office (版记) issues the document (or the notice that issues it); so does
    the body a web page says published it (发布机构：X)."""
    meta = ctx.doc.meta
    for body, span, rule in ((meta.printer, meta.printer_span, "footer:printer"),
                             (meta.publisher, meta.publisher_span, "header:publisher")):
        if body:
            target = _sibling_node(ctx, parent) or ctx.self_node
            ctx.relate(ctx.org(body, span), "ISSUED", target, (span or (head, head))[0], rule, 0.9)


def _adopted_by(ctx, head) -> None:
    """（…会议通过） under a title: that meeting adopted the document."""
    adopted = ctx.doc.meta.adopted_by
    if not adopted:
        return
    found = [c for c in find_events(adopted) if c.end - c.start == len(adopted)]
    if found:
        ev = ctx.add("Event", found[0].props["canonical"].replace("{place}", ctx.juris.name), [adopted])
        ctx.main_event = ctx.main_event or ev
        ctx.relate(ev, "ADOPTED", ctx.self_node, head, "header:adopted_by", 0.95)


def _addressees(ctx: DocContext, parent, kind: str, head: int) -> None:
    """Addressees: the document REQUIRES them, a directive's issuer SUPERVISES them.
    A plan issued by a notice is addressed to the notice's addressees."""
    doc = ctx.doc
    src = parent if not doc.meta.addressees and parent is not None else doc
    for name, span, aliases in _located(src, "addressees"):
        node = ctx.org(name, span if src is doc else None, collective=_addressed_class(name))
        if aliases:
            ctx.add("Organization", ctx.kg.node(node)["name"], aliases)
        ctx.addressee_nodes.append(node)
        ctx.protected.add(node)
        pos = span[0] if span else (head if src is doc else 0)
        if ctx.self_node:
            ctx.relate(ctx.self_node, "REQUIRES", node, pos, "header:addressee", 0.9, doc=src)
        if ctx.issuer_node and kind in DIRECTIVE:
            for issuer in ctx.issuer_nodes:
                ctx.relate(issuer, "SUPERVISES", node, pos, "header:issuer-over-addressee", 0.85, doc=src)


def _copies(ctx: DocContext, head: int) -> None:
    """分送/抄送 bodies are entities; copies to the home body's own units are duties."""
    w = _lex().w
    for name, span, _ in _located(ctx.doc, "copies"):
        if w["copy_person"] in name or name in w["copy_skip"]:
            continue
        node = ctx.org(name, span, collective=_addressed_class(name))
        ctx.protected.add(node)
        if any(x in name for x in w["copy_duty_words"]) and ctx.self_node:
            ctx.relate(ctx.self_node, "REQUIRES", node, span[0] if span else head, "footer:copies", 0.6)


def _located(doc, key: str) -> list:
    """(name, span in doc.text, aliases) for the addressees or copies in ``doc.meta``, names
    re-joined or split as _addressee_names does; span None when not found."""
    names = _addressee_names(getattr(doc.meta, key))
    spans = getattr(doc.meta, {"addressees": "addressee_spans", "copies": "copy_spans"}[key])
    lo = min((a for a, _ in spans), default=0)
    hi = max((b for _, b in spans), default=len(doc.text))
    out, pos = [], lo
    for name, aliases in names:
        # a name made from a joined item (各县市区人民政府) stands where the item does
        k = doc.text.find(name, pos, hi)
        if k >= 0:
            out.append((name, (k, k + len(name)), aliases))
            pos = k + len(name)
            continue
        # a name made from a joined item (各县市区人民政府) stands where the item does
        k, form = next(((doc.text.find(f, lo, hi), f) for f in aliases if doc.text.find(f, lo, hi) >= 0), (-1, ""))
        out.append((name, (k, k + len(form)) if k >= 0 else None, aliases))
    return out


def _title_issuer(title: str) -> str:
    """The body a title opens with, before 关于 / a year / 印发: 广东省科协2023年工作要点."""
    found = [c for c in select(find_orgs(title)) if c.start == 0 and not c.collective]
    if found and _lex().title_issuer_next.match(title[found[0].end:]):
        return found[0].text
    return ""


def _issuing_sibling(doc, siblings):
    k = doc.meta.issued_by
    if k is None or not siblings or not (0 <= k < len(siblings)) or siblings[k] is doc:
        return None
    return siblings[k]


def _sibling_node(ctx, sibling):
    if sibling is None or not sibling.meta.title:
        return None
    m = sibling.meta
    name, aliases = _title_aliases(m.title, m.issuer or "", m.number or "", m.speaker or "")
    return ctx.add("Document", name, aliases, number=m.number, date=m.date, issuer=m.issuer)
