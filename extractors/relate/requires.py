"""REQUIRES: what a document asks of bodies and which initiatives it asks to carry out.
Words: the ``requires`` section of data/relate.yaml."""
from __future__ import annotations

import re
from functools import lru_cache
from types import SimpleNamespace

from orgkg.extractors.relate.common import DIRECTIVE_KINDS, cues, org_mentions, words


@lru_cache(maxsize=1)
def _lex():
    w, verbs = words("requires"), "(?:" + "|".join(cues("requires")) + ")"
    return SimpleNamespace(w=w, duty=re.compile(w["duty"]), asked=re.compile(w["asked"]), modal=re.compile(w["modal"]),
                           verb_end=re.compile(verbs + "$"), verb_near=re.compile(verbs + w["near_verb"]),
                           done=re.compile(w["done"]), after_title=re.compile(w["asked_after_title"]),
                           stop=re.compile(w["clause_stop"]))


def rule_requires(ctx, s, e, ms):
    if not ctx.self_node or ctx.doc.meta.kind in _lex().w["no_duties_in"]:
        return
    sent = ctx.doc.text[s:e]
    _duties(ctx, s, sent, ms)
    _asked(ctx, s, sent, ms)
    _initiatives(ctx, s, sent, ms)


def _duties(ctx, s, sent, ms) -> None:
    """X(、Y)要/须/应…/负责…: bodies a document sets duties for."""
    text, w = ctx.doc.text, _lex().w
    orgs = org_mentions(ms)
    if not orgs:
        return
    for m in _lex().duty.finditer(sent):
        at = s + m.start()
        subj = [o for o in orgs if o.end == at or o.end == at - len(w["duty_gap"]) and text[o.end:at] == w["duty_gap"]]
        while subj and text[subj[0].start - 1:subj[0].start] == w["list_mark"]:
            prev = [o for o in orgs if o.end == subj[0].start - 1]
            if not prev:
                break
            subj.insert(0, prev[0])
        for o in subj:
            ctx.relate(ctx.self_node, "REQUIRES", o.node, s, w["duty_rule"], 0.75)


def _asked(ctx, s, sent, ms) -> None:
    """请X(、Y)…: bodies asked to act."""
    text, w = ctx.doc.text, _lex().w
    orgs = org_mentions(ms)
    if not orgs:
        return
    for m in _lex().asked.finditer(sent):
        at = s + m.end()
        for o in orgs:
            if o.start == at or o.start > at and text[at:o.start].strip(w["asked_gap"]) == "" and o.start - at <= 1:
                ctx.relate(ctx.self_node, "REQUIRES", o.node, s, w["asked_rule"], 0.75)
                at = o.end


def _initiatives(ctx, s, sent, ms) -> None:
    """Initiatives a directive names, or that the text asks for or acts on (not 了/过: done)."""
    initiatives = [m for m in ms if m.label == "Initiative"]
    if not initiatives:
        return
    text, lex = ctx.doc.text, _lex()
    modal = lex.modal.search(sent)
    directive = ctx.doc.meta.kind in DIRECTIVE_KINDS      # a speech or report also looks back
    for i in initiatives:
        before = text[max(s, i.start - lex.w["look_back"]):i.start]
        asked = modal and s + modal.start() < i.start
        acted = lex.verb_end.search(before) or lex.verb_near.search(before)
        if (directive or asked or acted) and not lex.done.search(before):
            ctx.relate(ctx.self_node, "REQUIRES", i.node, s, "text:carry out initiative", 0.6)


def rule_issued_and_asked(ctx, d, issuers, e, ms):
    """X印发《D》，要求Y…: a news item on an issued text states what D asks of Y, so D REQUIRES
    Y (and the initiatives Y is asked to carry out) and the issuers SUPERVISES Y."""
    text, w = ctx.doc.text, _lex().w
    m = _lex().after_title.match(text[d.end:e])
    if not m:
        return
    at = d.end + m.end()
    stop = _lex().stop.search(text[at:e])
    end = at + stop.start() if stop else e
    rule = w["asked_after_title_rule"]
    for o in [x for x in ms if at <= x.start and x.end <= end]:
        if o.label == "Organization" and ctx.kg.node(o.node).get("collective"):
            ctx.relate(d.node, "REQUIRES", o.node, at, rule, 0.7)
            for issuer in issuers:
                ctx.relate(issuer, "SUPERVISES", o.node, at, rule, 0.7)
        elif o.label == "Initiative":
            ctx.relate(d.node, "REQUIRES", o.node, at, rule, 0.65)
