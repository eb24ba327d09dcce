"""Relation rules over one document's resolved mentions (see context.py).

Each rule reads a sentence and its mentions and adds typed edges with the
sentence as evidence. Cue words live in data/cues.json.

    ISSUED      X印发/制定/出台《D》, X《D》, 代表X所作的《D》
    ADOPTED     (全会|大会|E)审议通过/批准《D》
    LEADS       X书记Y, X书记、Z组长Y, Y总书记 (title implies its body)
    PRESIDED    X主持 (the event in the sentence, else the document's main event)
    SUPERVISES  X党组 over X; 在X的指导下, 党对X的领导; X对Y…指导/督促; 指导Y
    REQUIRES    the document over X when X要/须/应…; over initiatives it asks to carry out
    PART_OF     a unit named as its body plus a unit word (X办公室, X书记处, X机关党委)
"""
from __future__ import annotations

import re

from .components import lexicon
from .components.orgs import find_orgs
from .components.spans import Cand
from .context import DocContext, Mention

CLAUSE_END = "，。；：！？,;:!?\n"
CLASS_NOUNS = ("社团", "学会", "协会", "单位", "企业", "组织", "高校")


def _cues(key):
    return lexicon.load().cues[key]


def _clause_start(text, pos, floor):
    k = max(text.rfind(ch, floor, pos) for ch in CLAUSE_END)
    return max(floor, k + 1)


def _org_nodes(ctx, ms):
    return [m for m in ms if m.label == "Organization"]


def rule_issued(ctx: DocContext, s, e, ms):
    text = ctx.doc.text
    cue = re.compile("|".join(_cues("issued") + ["所作", "发出"]))
    for d in [m for m in ms if m.label in ("Document",)]:
        cstart = _clause_start(text, d.start, s)
        before = text[cstart:d.start]
        orgs = [m for m in _org_nodes(ctx, ms) if cstart <= m.start and m.end <= d.start]
        inner = text[d.start:d.end].strip("《》")
        k = inner.find("关于")
        lead = [o for o in find_orgs(inner[:k]) if o.start == 0 and o.end == k] if k > 1 else []
        if lead:
            off = d.start + (1 if text[d.start] == "《" else 0)
            issuer = ctx.org(lead[0].text, (off, off + k))
            ctx.relate(issuer, "ISSUED", d.node, s, "title:X关于", 0.85)
            continue
        adjacent = [m for m in orgs if m.end == d.start]
        if adjacent:
            ctx.relate(adjacent[-1].node, "ISSUED", d.node, s, "text:X《D》", 0.75)
            continue
        if not cue.search(before):
            if "现将" in text[cstart:d.end] or "印发给你们" in text[d.end:e]:
                ctx.relate(ctx.issuer_node, "ISSUED", d.node, s, "text:现将《D》印发", 0.85)
            continue
        if orgs:
            ctx.relate(orgs[-1].node, "ISSUED", d.node, s, "text:X印发《D》", 0.8)
        elif "中央" in before:
            k = cstart + before.rfind("中央")
            central = ctx.add("Organization", "中国共产党中央委员会", ["中共中央", "党中央", "中央"], span=(k, k + 2))
            ctx.relate(central, "ISSUED", d.node, s, "text:中央出台《D》", 0.7)
        elif re.search(r"我们|研究制定|^制定", before) and (ctx.issuer_node or ctx.home_node()):
            ctx.relate(ctx.issuer_node or ctx.home_node(), "ISSUED", d.node, s, "text:我们制定《D》", 0.6)
    # bare event issued: 企业发出“倡议” — orgs in the clause before 发出 issue the quoted document
    for m in re.finditer(r"发出[“\"]([^”\"]{2,30}倡议)[”\"]", text[s:e]):
        doc_node = ctx.add("Document", m.group(1), span=(s + m.start(1), s + m.end(1)))
        cstart = _clause_start(text, s + m.start(), s)
        for o in _org_nodes(ctx, ms):
            if cstart <= o.start < s + m.start():
                ctx.relate(o.node, "ISSUED", doc_node, s, "text:X发出倡议", 0.7)


def rule_adopted(ctx, s, e, ms):
    text = ctx.doc.text
    for cue in _cues("adopted"):
        for m in re.finditer(cue, text[s:e]):
            at = s + m.start()
            events = [x for x in ms if x.label == "Event" and x.end <= at]
            if events:
                event = events[-1].node
            elif re.search(r"全会|大会|会议", text[s:at]) and ctx.main_event:
                event = ctx.main_event
            else:
                continue
            after = s + m.end()
            for d in [x for x in ms if x.label == "Document" and x.start >= after]:
                between = text[after:d.start]
                if re.search(r"[。；.;]", between) or len(between) > 40:
                    break
                ctx.relate(event, "ADOPTED", d.node, s, f"text:{cue}", 0.85)


def rule_leads(ctx, s, e, ms):
    text = ctx.doc.text
    implied = lexicon.load().w("role_title_implies")
    titles = sorted(lexicon.load().w("titles"), key=len, reverse=True)
    as_of = ctx.doc.meta.get("date")
    for p in [m for m in ms if m.label == "Person"]:
        title = p.cand.props.get("title")
        pos = p.cand.props.get("title_start", p.start)
        pairs = []
        while title:
            org = [m for m in _org_nodes(ctx, ms) if m.end == pos]
            if org:
                pairs.append((org[-1].node, title))
            elif title in implied:
                pairs.append((ctx.add("Organization", implied[title], span=(pos, pos + len(title))), title))
            # another post before it: X书记、Y组长 张三
            start = org[-1].start if org else pos
            if text[start - 1:start] != "、":
                break
            before = [t for t in titles if text[:start - 1].endswith(t)]
            ends = {m.end for m in _org_nodes(ctx, ms)}
            prev = next((t for t in before if start - 1 - len(t) in ends), before[0] if before else None)
            title, pos = prev, start - 1 - len(prev) if prev else 0
        follow = text[p.end:p.end + 3]
        for t, org_name in implied.items():
            if follow.startswith(t) or re.search(rf"以{re.escape(p.cand.text)}同志为{t}", text[s:e]):
                pairs.append((ctx.add("Organization", org_name, span=(p.end, p.end + len(t))), t))
        for org, role in pairs:
            ctx.relate(p.node, "LEADS", org, s, "text:title+name", 0.85, role=role, as_of=as_of)


def rule_presided(ctx, s, e, ms):
    text = ctx.doc.text
    for m in re.finditer("主持", text[s:e]):
        at = s + m.start()
        heads = [x for x in ms if x.label in ("Person", "Organization") and x.end in (at, at - 2)
                 and (x.end == at or text[at - 2:at] == "同志")]
        if not heads:
            continue
        before = [x for x in ms if x.label == "Event" and x.end <= at]
        after = [x for x in ms if x.label == "Event" and x.start > at]
        event = before[-1].node if before else after[0].node if after else ctx.main_event
        if event:
            ctx.relate(heads[-1].node, "PRESIDED", event, s, "text:X主持", 0.85)


def rule_supervises(ctx, s, e, ms):
    text = ctx.doc.text
    sent = text[s:e]
    orgs = _org_nodes(ctx, ms)
    cue = "|".join(_cues("supervises"))
    # 在X的(有力)指导下，Y…
    for m in re.finditer(rf"在([^，。,.;；]{{2,30}}?)的(?:有力|正确|坚强)?(?:{cue})下", sent):
        heads = [o for o in orgs if s + m.start(1) <= o.start and o.end <= s + m.end(1)]
        tails = [o for o in orgs if o.start >= s + m.end()]
        if heads and tails:
            ctx.relate(heads[-1].node, "SUPERVISES", tails[0].node, s, "text:在X的指导下", 0.8)
    # 党对X的领导, X是党领导下的
    party = None
    for m in re.finditer(rf"党对([^，。,.;；]{{2,20}}?)的(?:全面)?领导|([^，。、,.;；]{{2,12}})是党领导下的", sent):
        a, b = (m.start(1), m.end(1)) if m.group(1) else (m.start(2), m.end(2))
        k = s + m.start() + (0 if m.group(1) else m.group().index("党领导"))
        targets = [o.node for o in orgs if s + a <= o.start and o.end <= s + b]
        if not targets and text[s + a:s + b].endswith(CLASS_NOUNS):
            targets = [ctx.org(text[s + a:s + b], (s + a, s + b), collective=True)]
        for t in targets:
            party = party or ctx.add("Organization", "中国共产党", ["中共", "党"], span=(k, k + 1))
            ctx.relate(party, "SUPERVISES", t, s, "text:党对X的领导", 0.75)
    # X对Y…指导 / 为Y…提供指导 / 指导Y
    for m in re.finditer(cue, sent):
        at = s + m.start()
        cs = _clause_start(text, at, s)
        k = max(text.rfind("对", cs, at), text.rfind("为", cs, at))
        if k >= 0:
            tails = [o for o in orgs if k < o.start and o.end <= at]
            heads = [o for o in orgs if _clause_start(text, k, s) <= o.start and o.end <= k]
            if not heads:
                # 党组、书记处全体同志带队，对…: the bodies of the clause before
                prev = [o for o in orgs if s <= o.start and o.end <= k]
                if prev:
                    cstart = _clause_start(text, prev[-1].start, s)
                    heads = [o for o in prev if o.start >= cstart]
        else:
            tails = [o for o in orgs if o.start >= at + len(m.group()) and o.start - at <= len(m.group()) + 1]
            tails += [o for o in orgs if tails and o.start > tails[-1].end and text[tails[-1].end:o.start] in "、和及"]
            heads = [o for o in orgs if cs <= o.start and o.end <= at][-1:]
        if not tails:
            continue
        head_nodes = [h.node for h in heads] or ([ctx.home_node()] if ctx.home_node() else [])
        for h in head_nodes:
            for t in tails:
                ctx.relate(h, "SUPERVISES", t.node, s, f"text:{m.group()}", 0.7)


def rule_requires(ctx, s, e, ms):
    if not ctx.self_node or ctx.doc.meta.get("kind") in ("news",):
        return
    text = ctx.doc.text
    sent = text[s:e]
    # X(、Y)要/须/应…: bodies a document sets duties for
    for m in re.finditer(r"(?:要(?!求)|须|必须|应当|务必)", sent):
        at = s + m.start()
        subj = [o for o in _org_nodes(ctx, ms) if o.end == at]
        while subj and text[subj[0].start - 1:subj[0].start] == "、":
            prev = [o for o in _org_nodes(ctx, ms) if o.end == subj[0].start - 1]
            if not prev:
                break
            subj.insert(0, prev[0])
        for o in subj:
            ctx.relate(ctx.self_node, "REQUIRES", o.node, s, "text:X要", 0.75)
    cues = _cues("requires")
    if not any(c in sent for c in cues):
        return
    for i in [m for m in ms if m.label == "Initiative"]:
        ctx.relate(ctx.self_node, "REQUIRES", i.node, s, "text:carry out initiative", 0.6)


def rule_part_of(ctx: DocContext):
    nodes = [(m.node, m.start) for m in ctx.mentions if m.label == "Organization"]
    head = ctx.doc.meta.get("title_span", (0, 0))[0]
    nodes += [(n, head) for n in sorted(ctx.protected)]
    seen = set()
    for node_id, pos in nodes:
        if node_id in seen:
            continue
        seen.add(node_id)
        m = Mention(Cand(pos, pos, "", "ORG"), node_id, "Organization")
        node = ctx.kg.node(m.node)
        name = node["name"]
        if name.endswith("党组"):
            # a party group leads the body it sits in (中国科协党组 -> 中国科协)
            body = ctx.lookup("Organization", re.sub(r"^中共", "", name)[:-2])
            if body:
                ctx.relate(m.node, "SUPERVISES", body, m.start, "name:party-group-over-body", 0.8)
            continue
        if node.get("collective") and not name.endswith("部门"):
            continue      # branches and affiliated units of a class are bodies of their own
        for form in [name, *node["aliases"]]:
            parent = _parent_of(ctx, form)
            if parent and parent != m.node:
                ctx.relate(m.node, "PART_OF", parent, m.start, "name:unit-of-body", 0.8)
                break


def _parent_of(ctx, form):
    """The longest body named at the head of ``form`` when the rest is a unit word:
    重庆市科协办公室 -> 重庆市科协; 中共X机关委员会 -> X; 科协党组党的建设领导小组 -> 科协党组."""
    units = tuple(lexicon.load().cues["sub_units"]) + ("机关", "各部门", "部门")
    committee = form.startswith("中共") and form.endswith(("委员会", "党委"))
    core = form[2:] if committee else form
    for cut in range(len(core) - 2, 1, -1):
        head, rest = core[:cut], core[cut:]
        if head in ("中国共产党", "中共", "党") or not (rest.endswith(units) or committee):
            continue
        if len(head) < 3 and rest not in ("常委会", "办公室", "办公厅", "书记处"):
            continue
        parent = ctx.lookup("Organization", head)
        if parent is None:
            from .resolve import canonical_org
            parent = ctx.lookup("Organization", canonical_org(head, ctx.juris, ctx.home)[0])
        if parent:
            return parent
    return None


SENTENCE_RULES = (rule_issued, rule_adopted, rule_leads, rule_presided, rule_supervises, rule_requires)


def apply_rules(ctx: DocContext) -> None:
    for s, e in ctx.doc.sentences:
        ms = ctx.in_sentence(s, e)
        for rule in SENTENCE_RULES:
            rule(ctx, s, e, ms)
    rule_part_of(ctx)
