"""SUPERVISES and PART_OF between bodies: direction and guidance cues, party groups over
their bodies, units named as their body plus a unit word."""
from __future__ import annotations

import re

from orgkg.extractors import knowledge as lexicon
from orgkg.extractors.recognise.spans import Cand
from orgkg.extractors.resolve.context import DocContext, Mention
from orgkg.extractors.resolve.names import canonical_org
from orgkg.extractors.relate.common import CLASS_NOUNS, clause_start, cues, org_mentions, party_group_body


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
    for node_id, pos in nodes:      # grows: a parent added on the way may have a parent of its own
        if node_id in seen:
            continue
        seen.add(node_id)
        m = Mention(Cand(pos, pos, "", "ORG"), node_id, "Organization")
        node = ctx.kg.node(m.node)
        name = node["name"]
        if name.endswith("党组"):
            # a party group leads the body it sits in (中国科协党组 -> 中国科协)
            seen_at = next(((x.start, x.end) for x in ctx.mentions if x.node == m.node), None)
            body = party_group_body(ctx, m.node, seen_at)
            if body:
                ctx.relate(m.node, "SUPERVISES", body, m.start, "name:party-group-over-body", 0.8)
            continue
        if node.get("collective") and not name.endswith("部门"):
            continue      # branches and affiliated units of a class are bodies of their own
        forms = [name, *node["aliases"]]
        parent = next((p for p in map(lambda f: _parent_of(ctx, f), forms) if p and p != m.node), None)
        parent = parent or _named_parent(ctx, m.node, forms)
        if parent and parent not in seen:
            nodes.append((parent, m.start))
        if parent and parent != m.node:
            ctx.relate(m.node, "PART_OF", parent, m.start, "name:unit-of-body", 0.8)


# departments, offices and branches: 科普部, 综合处, 火炬中心, 上海分院
DEPARTMENT = re.compile(r"[\u4e00-\u9fff]{1,5}(?:部|处|室|厅|科|中心|分院|分会|分公司|分局)$")
# bodies whose name alone says they exist: a department's name is enough to add its parent
DEFINITE = re.compile(r"(?:^中共.{2,20}委员会|人民政府|协会|大学|学院|党组|分院|分会|研究院|研究所|^中华人民共和国.{1,10}部)$")


def _is_department(rest: str) -> bool:
    return rest in lexicon.load().cues["sub_units"] or bool(DEPARTMENT.fullmatch(rest)) and len(rest) <= 5


def _named_parent(ctx, node_id, forms):
    """A department whose parent the document names only inside the department's name
    (省委组织部 -> 省委, 教育部办公厅 -> 教育部): add the parent, with its mention inside
    the department's."""
    mention = next((x for x in ctx.mentions if x.node == node_id), None)
    for form in forms:
        for cut in range(len(form) - 2, 1, -1):
            head, rest = form[:cut], form[cut:]
            if not _is_department(rest) or head in ("中国共产党", "中共"):
                continue
            canon = canonical_org(head, ctx.juris, ctx.home)[0]
            if not (DEFINITE.search(canon) or canon in lexicon.load().national_aliases):
                continue
            span = None
            if mention and mention.cand.text.endswith(rest):
                span = (mention.start, mention.end - len(rest))
            return ctx.org(head, span)
    return None


def _parent_of(ctx, form):
    """The longest body named at the head of ``form`` when the rest is a unit word:
    重庆市科协办公室 -> 重庆市科协; 中共X机关委员会 -> X; 科协党组党的建设领导小组 -> 科协党组."""
    units = tuple(lexicon.load().cues["sub_units"]) + ("机关", "各部门", "部门")
    committee = form.startswith("中共") and form.endswith(("委员会", "党委"))
    core = form[2:] if committee else form
    for cut in range(len(core) - 2, 1, -1):
        head, rest = core[:cut], core[cut:]
        if head in ("中国共产党", "中共", "党") or not (rest.endswith(units) or committee or _is_department(rest)):
            continue
        if committee and rest in ("委员会", "党委"):
            continue      # a body's own party committee leads it (中共X大学委员会), it is no unit of it
        if len(head) < 3 and rest not in ("常委会", "办公室", "办公厅", "书记处"):
            continue
        # a committee's standing committee: 中共X委员会常务委员会 -> 中共X委员会, not the body X
        parent = (committee and ctx.lookup("Organization", "中共" + head)) or ctx.lookup("Organization", head)
        if parent is None:
            parent = ctx.lookup("Organization", canonical_org(head, ctx.juris, ctx.home)[0])
        if parent:
            return parent
    return None
