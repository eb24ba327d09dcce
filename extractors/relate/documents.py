"""ISSUED and ADOPTED: who issues a titled text, which meeting adopts it."""
from __future__ import annotations

import re

from orgkg.extractors.recognise.orgs import find_orgs, split_joint
from orgkg.extractors.resolve.context import DocContext
from orgkg.extractors.relate.common import clause_start, cues, listed_before, org_mentions
from orgkg.extractors.relate.requires import rule_issued_and_asked


def rule_issued(ctx: DocContext, s, e, ms):
    text = ctx.doc.text
    cue = re.compile("|".join(cues("issued") + ["所作", "发出"]))
    prev, prev_issuers = None, []
    for d in [m for m in ms if m.label in ("Document",)]:
        if prev is not None and text[prev.end:d.start] in ("", "、", "和") and prev_issuers:
            # 中国科协《A》《B》: titles in a row share their issuer
            for node in prev_issuers:
                ctx.relate(node, "ISSUED", d.node, s, "text:X《A》《B》", 0.75)
            prev = d
            continue
        prev, prev_issuers = d, []
        cstart = clause_start(text, d.start, s)
        before = text[cstart:d.start]
        orgs = [m for m in org_mentions(ms) if cstart <= m.start and m.end <= d.start]
        lead = _title_issuers(ctx, d)
        if lead:
            for issuer in lead:
                ctx.relate(issuer, "ISSUED", d.node, s, "title:X关于", 0.85)
            _issued_inside(ctx, d, lead, s)
            continue
        adjacent = [m for m in orgs if m.end == d.start]
        if adjacent:
            ctx.relate(adjacent[-1].node, "ISSUED", d.node, s, "text:X《D》", 0.75)
            prev_issuers = [adjacent[-1].node]
            continue
        found = list(cue.finditer(before))
        if not found:
            if "现将" in text[cstart:d.end] or "印发给你们" in text[d.end:e]:
                # 现将《D》印发给你们: the issuer issues D, and D binds the addressees too
                ctx.relate(ctx.issuer_node, "ISSUED", d.node, s, "text:现将《D》印发", 0.85)
                for a in ctx.addressee_nodes:
                    ctx.relate(d.node, "REQUIRES", a, s, "text:现将《D》印发给你们", 0.8)
            continue
        at = cstart + found[-1].start()
        issuers = listed_before(text, [o for o in orgs if o.end <= at], at)
        if issuers:
            for o in issuers:
                ctx.relate(o.node, "ISSUED", d.node, s, "text:X印发《D》", 0.8)
            prev_issuers = [o.node for o in issuers]
            rule_issued_and_asked(ctx, d, prev_issuers, e, ms)
        elif "中央" in before:
            k = cstart + before.rfind("中央")
            central = ctx.add("Organization", "中国共产党中央委员会", ["中共中央", "党中央", "中央"], span=(k, k + 2))
            ctx.relate(central, "ISSUED", d.node, s, "text:中央出台《D》", 0.7)
            prev_issuers = [central]
        elif re.search(r"我们|研究制定|^制定", before) and (ctx.issuer_node or ctx.home_node()):
            ctx.relate(ctx.issuer_node or ctx.home_node(), "ISSUED", d.node, s, "text:我们制定《D》", 0.6)
            prev_issuers = [ctx.issuer_node or ctx.home_node()]
    # bare event issued: 企业发出“倡议” — orgs in the clause before 发出 issue the quoted document
    for m in re.finditer(r"发出[“\"]([^”\"]{2,30}倡议)[”\"]", text[s:e]):
        doc_node = ctx.add("Document", m.group(1), span=(s + m.start(1), s + m.end(1)))
        cstart = clause_start(text, s + m.start(), s)
        for o in org_mentions(ms):
            if cstart <= o.start < s + m.start():
                ctx.relate(o.node, "ISSUED", doc_node, s, "text:X发出倡议", 0.7)


# a title that names its issuers: 中共某市委办公室、某市人民政府办公室关于印发〈某方案〉的通知
TITLE_LEAD = re.compile(r"(.{2,60}?)(?:关于|印发[〈《<]|转发[〈《<])")
INNER_TITLE = re.compile(r"印发[〈<]([^〉>]{2,80})[〉>]")


def _title_issuers(ctx, d) -> list:
    """The bodies a title opens with (X关于…, X、Y关于印发…), each named in full; [] when
    the words before 关于 are not all bodies."""
    text = ctx.doc.text
    off = d.start + (1 if text[d.start] == "《" else 0)
    m = TITLE_LEAD.match(text, off, d.end)
    if not m:
        return []
    out, pos = [], off
    for part in re.split(r"([、\s])", m.group(1)):
        if part in ("、", " ", ""):
            pos += len(part)
            continue
        names = split_joint(part)
        if not all(any(o.start == 0 and o.end == len(n) for o in find_orgs(n)) for n, _ in names):
            return []
        out += [ctx.org(n, (pos + k, pos + k + len(n))) for n, k in names]
        pos += len(part)
    return out


def _issued_inside(ctx, d, issuers, s) -> None:
    """关于印发〈某方案〉的通知: the issuers of the notice issue the text it carries too."""
    m = INNER_TITLE.search(ctx.doc.text, d.start, d.end)
    if not m:
        return
    inner = ctx.add("Document", m.group(1), span=(m.start(1), m.end(1)))
    for issuer in issuers:
        ctx.relate(issuer, "ISSUED", inner, s, "title:X印发〈D〉", 0.8)


def rule_adopted(ctx, s, e, ms):
    text = ctx.doc.text
    for cue in cues("adopted"):
        for m in re.finditer(cue, text[s:e]):
            at = s + m.start()
            # 传达学习了X全会精神，审议通过了…: a meeting whose 精神 is studied adopts nothing here
            events = [x for x in ms if x.label == "Event" and x.end <= at and not text.startswith("精神", x.end)]
            if events:
                event = events[-1].node
            elif re.search(r"全会|大会|会议", text[s:at]):
                # 大会审议通过…: the meeting named last before, else the one the headline names
                earlier = [x for x in ctx.mentions if x.label == "Event" and x.end <= at
                           and not text.startswith("精神", x.end)]
                event = earlier[-1].node if earlier else ctx.main_event
                if not event:
                    continue
            else:
                continue
            after = s + m.end()
            for d in [x for x in ms if x.label == "Document" and x.start >= after]:
                between = text[after:d.start]
                if re.search(r"[。；.;]", between) or len(between) > 40:
                    break
                ctx.relate(event, "ADOPTED", d.node, s, f"text:{cue}", 0.85)
