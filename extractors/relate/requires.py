"""REQUIRES: what a document asks of bodies and which initiatives it asks to carry out."""
from __future__ import annotations

import re

from orgkg.extractors.relate.common import DIRECTIVE_KINDS, cues, org_mentions


def rule_requires(ctx, s, e, ms):
    if not ctx.self_node or ctx.doc.meta.get("kind") in ("news",):
        return
    text = ctx.doc.text
    sent = text[s:e]
    # X(、Y)要/须/应…/负责…: bodies a document sets duties for
    for m in re.finditer(r"(?:要(?!求)|须|必须|应当|务必|负责(?=[\u4e00-\u9fff]))", sent):
        at = s + m.start()
        subj = [o for o in org_mentions(ms) if o.end == at or o.end == at - 2 and text[o.end:at] == "工作"]
        while subj and text[subj[0].start - 1:subj[0].start] == "、":
            prev = [o for o in org_mentions(ms) if o.end == subj[0].start - 1]
            if not prev:
                break
            subj.insert(0, prev[0])
        for o in subj:
            ctx.relate(ctx.self_node, "REQUIRES", o.node, s, "text:X要", 0.75)
    # 请X(、Y)…: bodies asked to act
    for m in re.finditer("(?<![邀申提聘])请", sent):
        at = s + m.end()
        for o in org_mentions(ms):
            if o.start == at or o.start > at and text[at:o.start].strip("、和") == "" and o.start - at <= 1:
                ctx.relate(ctx.self_node, "REQUIRES", o.node, s, "text:请X", 0.75)
                at = o.end
    modal = re.search(r"要(?!求)|须|应当|务必|(?<![邀申提聘])请", sent)
    verbs = re.compile("(?:" + "|".join(cues("requires")) + ")$")
    for i in [m for m in ms if m.label == "Initiative"]:
        before = text[max(s, i.start - 6):i.start]
        asked = modal and s + modal.start() < i.start
        acted = verbs.search(before) or re.search("(?:" + "|".join(cues("requires")) + r")[\u4e00-\u9fff]{0,2}$", before)
        # directives ask for everything they name; a speech or report also looks back
        directive = ctx.doc.meta.get("kind") in DIRECTIVE_KINDS
        if (directive or asked or acted) and not re.search(r"了|过$", before):
            ctx.relate(ctx.self_node, "REQUIRES", i.node, s, "text:carry out initiative", 0.6)


def rule_issued_and_asked(ctx, d, issuers, e, ms):
    """X印发《D》，要求Y…: a news item on an issued text states what D asks of Y, so D REQUIRES
    Y (and the initiatives Y is asked to carry out) and the issuers SUPERVISES Y."""
    text = ctx.doc.text
    m = re.match(r"[，,]?(?:要求|督促)", text[d.end:e])
    if not m:
        return
    at = d.end + m.end()
    stop = re.search(r"[。；]", text[at:e])
    end = at + stop.start() if stop else e
    for o in [x for x in ms if at <= x.start and x.end <= end]:
        if o.label == "Organization" and ctx.kg.node(o.node).get("collective"):
            ctx.relate(d.node, "REQUIRES", o.node, at, "text:印发《D》要求X", 0.7)
            for issuer in issuers:
                ctx.relate(issuer, "SUPERVISES", o.node, at, "text:印发《D》要求X", 0.7)
        elif o.label == "Initiative":
            ctx.relate(d.node, "REQUIRES", o.node, at, "text:印发《D》要求X", 0.65)
