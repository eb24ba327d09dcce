"""SUPERVISES and PART_OF between bodies: direction and guidance cues, party groups over
their bodies, units named as their body plus a unit word."""
from __future__ import annotations

import re

from ..components import lexicon
from ..components.spans import Cand
from ..context import DocContext, Mention
from ..resolve import canonical_org
from .common import CLASS_NOUNS, clause_start, cues, org_mentions


def rule_supervises(ctx, s, e, ms):
    text = ctx.doc.text
    sent = text[s:e]
    orgs = org_mentions(ms)
    cue = "|".join(cues("supervises"))
    # 在X的(有力)指导下，Y…
    for m in re.finditer(rf"在([^，。,.;；]{{2,30}}?)的(?:有力|正确|坚强)?(?:{cue})下", sent):
        heads = [o for o in orgs if s + m.start(1) <= o.start and o.end <= s + m.end(1)]
        tails = [o for o in orgs if o.start >= s + m.end()]
        if heads and tails:
            ctx.relate(heads[-1].node, "SUPERVISES", tails[0].node, s, "text:在X的指导下", 0.8)
    # 党对X的领导, X是党领导下的
    party = None
    for m in re.finditer(r"党对([^，。,.;；]{2,20}?)的(?:全面)?领导|([^，。、,.;；]{2,12})是党领导下的", sent):
        a, b = (m.start(1), m.end(1)) if m.group(1) else (m.start(2), m.end(2))
        k = s + m.start() + (0 if m.group(1) else m.group().index("党领导"))
        targets = [o.node for o in orgs if s + a <= o.start and o.end <= s + b]
        if not targets and text[s + a:s + b].endswith(CLASS_NOUNS):
            targets = [ctx.org(text[s + a:s + b], (s + a, s + b), collective=True)]
        for t in targets:
            party = party or ctx.add("Organization", "中国共产党", ["中共", "党"], span=(k, k + 1))
            ctx.relate(party, "SUPERVISES", t, s, "text:党对X的领导", 0.75)
    # X对Y…指导 / 为Y…提供指导 / 指导Y
    for m in re.finditer(rf"(?<![市省区县])(?:{cue})(?!同志|干部|班子|小组|职务|岗位|人员|组|员|下)", sent):
        at = s + m.start()
        if any(x.start <= at < x.end for x in ms):
            continue      # the cue is inside a name: 中央指导组, 主题教育领导小组
        cs = clause_start(text, at, s)
        k = max(text.rfind("对", cs, at), text.rfind("为", cs, at))
        if k >= 0:
            tails = [o for o in orgs if k < o.start and o.end <= at]
            heads = [o for o in orgs if clause_start(text, k, s) <= o.start and o.end <= k]
            if not heads:
                # 党组、书记处全体同志带队，对…: the bodies of the clause before
                prev = [o for o in orgs if s <= o.start and o.end <= k]
                if prev:
                    cstart = clause_start(text, prev[-1].start, s)
                    heads = [o for o in prev if o.start >= cstart]
        else:
            tails = [o for o in orgs if o.start >= at + len(m.group()) and o.start - at <= len(m.group()) + 1]
            tails += [o for o in orgs if tails and o.start > tails[-1].end and text[tails[-1].end:o.start] in "、和及"]
            heads = [o for o in orgs if cs <= o.start and o.end <= at][-1:]
            if not heads:
                # X要加强对Y的指导，督促Y…: the subject carries over from an earlier clause
                subjects = [o for o in orgs if o.end <= at and re.match(r"要|应|须|必须", text[o.end:o.end + 2])]
                heads = subjects[-1:]
        if not tails:
            continue
        head_nodes = [h.node for h in heads] or ([ctx.home_node()] if ctx.home_node() else [])
        for h in head_nodes:
            for t in tails:
                ctx.relate(h, "SUPERVISES", t.node, s, f"text:{m.group()}", 0.7)


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
            parent = ctx.lookup("Organization", canonical_org(head, ctx.juris, ctx.home)[0])
        if parent:
            return parent
    return None
