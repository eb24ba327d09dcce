"""ISSUED and ADOPTED: who issues a titled text, which meeting adopts it. Words: the
``issued`` and ``adopted`` sections of data/relate.yaml."""
from __future__ import annotations

import re
from functools import lru_cache
from types import SimpleNamespace

from orgkg.extractors.recognise.orgs import find_orgs, split_joint
from orgkg.extractors.relate.common import clause_start, cues, listed_before, org_mentions, words
from orgkg.extractors.relate.requires import rule_issued_and_asked
from orgkg.extractors.resolve.context import DocContext


@lru_cache(maxsize=1)
def _lex():
    w, a = words("issued"), words("adopted")
    return SimpleNamespace(w=w, rules=w["rules"], a=a, cue=re.compile("|".join(cues("issued") + w["extra_cues"])),
                           passive=re.compile(a["passive"]),
                           we_made=re.compile(w["we_made"]), proposal=re.compile(w["proposal"]),
                           title_lead=re.compile(w["title_lead"]), inner_title=re.compile(w["inner_title"]),
                           meeting=re.compile(a["meeting_words"]), stop=re.compile(a["stop"]))


def rule_issued(ctx: DocContext, s, e, ms):
    text = ctx.doc.text
    prev, prev_issuers = None, []
    for d in [m for m in ms if m.label == "Document"]:
        if prev is not None and text[prev.end:d.start] in _lex().w["row_gaps"] and prev_issuers:
            for node in prev_issuers:      # 中国科协《A》《B》: titles in a row share their issuer
                ctx.relate(node, "ISSUED", d.node, s, _lex().rules["row"], 0.75)
        else:
            prev_issuers = _issuers_of(ctx, s, e, ms, d)
        prev = d
    _proposals(ctx, s, e, ms)


def _issuers_of(ctx, s, e, ms, d) -> list:
    """Relate the issuers of title ``d``; returns those that a title right after it shares."""
    rules = _lex().rules
    lead = _title_issuers(ctx, d)
    if lead:
        for issuer in lead:
            ctx.relate(issuer, "ISSUED", d.node, s, rules["title"], 0.85)
        _issued_inside(ctx, d, lead, s)
        return []
    cstart = clause_start(ctx.doc.text, d.start, s)
    orgs = [m for m in org_mentions(ms) if cstart <= m.start and m.end <= d.start]
    adjacent = [m for m in orgs if m.end == d.start]
    if adjacent:
        ctx.relate(adjacent[-1].node, "ISSUED", d.node, s, rules["adjacent"], 0.75)
        return [adjacent[-1].node]
    found = list(_lex().cue.finditer(ctx.doc.text[cstart:d.start]))
    if not found:
        _sent_herewith(ctx, s, e, d, cstart)
        return []
    return _issued_by_cue(ctx, s, e, ms, d, orgs, cstart, cstart + found[-1].start())


def _sent_herewith(ctx, s, e, d, cstart) -> None:
    """现将《D》印发给你们: the issuer issues D, and D binds the addressees too."""
    text, w = ctx.doc.text, _lex().w
    if w["herewith"] in text[cstart:d.end] or any(x in text[d.end:e] for x in w["herewith_after"]):
        ctx.relate(ctx.issuer_node, "ISSUED", d.node, s, w["rules"]["herewith"], 0.85)
        for a in ctx.addressee_nodes:
            ctx.relate(d.node, "REQUIRES", a, s, w["rules"]["herewith_requires"], 0.8)


def _issued_by_cue(ctx, s, e, ms, d, orgs, cstart, at) -> list:
    """X(、Y)印发《D》; 中央出台《D》; 我们制定《D》 (the document's own issuer)."""
    text, w = ctx.doc.text, _lex().w
    before = text[cstart:d.start]
    issuers = listed_before(text, [o for o in orgs if o.end <= at], at)
    if issuers:
        for o in issuers:
            ctx.relate(o.node, "ISSUED", d.node, s, w["rules"]["cue"], 0.8)
        nodes = [o.node for o in issuers]
        rule_issued_and_asked(ctx, d, nodes, e, ms)
        return nodes
    if w["central_word"] in before:
        k = cstart + before.rfind(w["central_word"])
        central = ctx.add("Organization", w["central"]["name"], w["central"]["aliases"], span=(k, k + len(w["central_word"])))
        ctx.relate(central, "ISSUED", d.node, s, w["rules"]["central"], 0.7)
        return [central]
    own = ctx.issuer_node or ctx.home_node()
    if _lex().we_made.search(before) and own:
        ctx.relate(own, "ISSUED", d.node, s, w["rules"]["we"], 0.6)
        return [own]
    return []


def _proposals(ctx, s, e, ms) -> None:
    """企业发出“倡议”: the bodies in the clause before 发出 issue the quoted proposal."""
    text = ctx.doc.text
    for m in _lex().proposal.finditer(text[s:e]):
        doc_node = ctx.add("Document", m.group(1), span=(s + m.start(1), s + m.end(1)))
        cstart = clause_start(text, s + m.start(), s)
        for o in org_mentions(ms):
            if cstart <= o.start < s + m.start():
                ctx.relate(o.node, "ISSUED", doc_node, s, _lex().rules["proposal"], 0.7)


def _title_issuers(ctx, d) -> list:
    """The bodies a title opens with (X关于…, X、Y关于印发…), each named in full; [] when
    the words before 关于 are not all bodies."""
    text, w = ctx.doc.text, _lex().w
    off = d.start + (1 if text[d.start] == w["title_open"] else 0)
    m = _lex().title_lead.match(text, off, d.end)
    if not m:
        return []
    out, pos = [], off
    for part in re.split(w["title_lead_parts"], m.group(1)):
        if part in w["title_lead_separators"]:
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
    m = _lex().inner_title.search(ctx.doc.text, d.start, d.end)
    if not m:
        return
    inner = ctx.add("Document", m.group(1), span=(m.start(1), m.end(1)))
    for issuer in issuers:
        ctx.relate(issuer, "ISSUED", inner, s, _lex().rules["inside"], 0.8)


def rule_adopted(ctx, s, e, ms):
    text = ctx.doc.text
    sentence = text[s:e]
    if not _any_adopted_cue().search(sentence):
        return          # most sentences adopt nothing: one search instead of one per cue
    for cue in cues("adopted"):
        for m in re.finditer(cue, sentence):
            at = s + m.start()
            event = _adopting_event(ctx, s, ms, at)
            if event:
                _adopted_titles(ctx, s, ms, event, s + m.end(), cue)
                _adopted_before(ctx, s, ms, at, cue)


@lru_cache(maxsize=1)
def _any_adopted_cue() -> re.Pattern:
    return re.compile("|".join(f"(?:{cue})" for cue in cues("adopted")))


def _adopted_before(ctx, s, ms, at, cue) -> None:
    """《D》已经某会议审议通过: the title written before the meeting that adopted it."""
    text = ctx.doc.text
    events = [x for x in ms if x.label == "Event" and x.end <= at]
    # (a numbered sitting's body stands before its number: 经某委2024年第四次委务会会议)
    start = min([x.start for x in ms if x.label == "Organization" and events and x.end == events[-1].start],
                default=events[-1].start if events else 0)
    docs = [x for x in ms if x.label == "Document" and events and x.end <= start]
    if docs and _lex().passive.match(text[docs[-1].end:start]):
        ctx.relate(events[-1].node, "ADOPTED", docs[-1].node, s, f"text:{cue}", 0.85)


def _adopting_event(ctx, s, ms, at):
    """The meeting named last before the cue in the sentence; or, when the sentence names a
    meeting by its kind (大会审议通过…), the one named last before, else the headline's."""
    events = [x for x in ms if x.label == "Event" and x.end <= at and not _studied(ctx.doc.text, x)]
    if events:
        return events[-1].node
    if not _lex().meeting.search(ctx.doc.text[s:at]):
        return None
    earlier = [x for x in ctx.mentions if x.label == "Event" and x.end <= at and not _studied(ctx.doc.text, x)]
    sittings = [x for x in earlier if x.cand.props.get("kind") in _lex().a["sitting_kinds"]]
    chosen = sittings or earlier
    return chosen[-1].node if chosen else ctx.main_event


def _studied(text: str, event) -> bool:
    """A meeting whose 精神 is studied, or that a study verb names (传达学习X会议和Y会议精神),
    adopts nothing here."""
    a = _lex().a
    return text.startswith(a["spirit"], event.end) or text.endswith(tuple(a["study_verbs"]), 0, event.start)


def _adopted_titles(ctx, s, ms, event, after, cue) -> None:
    """The titles after the cue, up to the end of the clause."""
    text = ctx.doc.text
    for d in [x for x in ms if x.label == "Document" and x.start >= after]:
        between = text[after:d.start]
        if _lex().stop.search(between) or len(between) > _lex().a["max_gap"]:
            break
        ctx.relate(event, "ADOPTED", d.node, s, f"text:{cue}", 0.85)
