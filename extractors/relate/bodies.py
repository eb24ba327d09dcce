"""SUPERVISES and PART_OF between bodies: direction and guidance cues, party groups over
their bodies, units named as their body plus a unit word. Words and patterns: the
``supervises`` and ``part_of`` sections of data/relate.yaml."""
from __future__ import annotations

import re
from functools import lru_cache
from types import SimpleNamespace

from orgkg.extractors import knowledge as lexicon
from orgkg.extractors.relate.common import clause_start, cues, org_mentions, party_group_body, words
from orgkg.extractors.resolve.names import canonical_org


@lru_cache(maxsize=1)
def _supervises():
    w, cue = words("supervises"), "|".join(cues("supervises"))
    return SimpleNamespace(guided_by=re.compile(w["guided_by"].format(cue=cue)), party_leads=re.compile(w["party_leads"]),
                           cue=re.compile(w["cue"].format(cue=cue)), modal=re.compile(w["subject_modal"]), w=w)


def rule_supervises(ctx, s, e, ms):
    # patterns run on the sentence alone, so that nothing before it is seen by a lookbehind
    sent, orgs = ctx.doc.text[s:e], org_mentions(ms)
    if orgs:
        _guided_by(ctx, s, sent, orgs)
    _party_leadership(ctx, s, sent, orgs)      # the party over a class it names: no mention needed
    if not orgs:
        return          # the others relate bodies the sentence names
    for m in _supervises().cue.finditer(sent):
        if not any(x.start <= s + m.start() < x.end for x in ms):      # not inside a name: 中央指导组, 领导小组
            _directs(ctx, s, orgs, s + m.start(), m.group())


def _guided_by(ctx, s, sent, orgs):
    """在X的(有力)指导下，Y…: X over the first body after."""
    for m in _supervises().guided_by.finditer(sent):
        heads = [o for o in orgs if s + m.start(1) <= o.start and o.end <= s + m.end(1)]
        tails = [o for o in orgs if o.start >= s + m.end()]
        if heads and tails:
            ctx.relate(heads[-1].node, "SUPERVISES", tails[0].node, s, _supervises().w["guided_by_rule"], 0.8)


def _party_leadership(ctx, s, sent, orgs):
    """党对X的领导, X是党领导下的: the party over X (a class of bodies when X names one)."""
    text, w = ctx.doc.text, _supervises().w
    if w["party_leads_needs"] not in sent:
        return          # most sentences: the pattern is slow to try at every position
    party = None
    for m in _supervises().party_leads.finditer(sent):
        group = 1 if m.group(1) else 2
        a, b = s + m.start(group), s + m.end(group)
        k = s + m.start() + (0 if group == 1 else m.group().index(w["party_leads_word"]))
        targets = [o.node for o in orgs if a <= o.start and o.end <= b]
        if not targets and text[a:b].endswith(tuple(words("common")["class_nouns"])):
            targets = [ctx.org(text[a:b], (a, b), collective=True)]
        for t in targets:
            party = party or ctx.add("Organization", w["party"]["name"], w["party"]["aliases"], span=(k, k + 1))
            ctx.relate(party, "SUPERVISES", t, s, w["party_leads_rule"], 0.75)


def _directs(ctx, s, orgs, at, cue):
    """X对Y…指导 / 为Y…提供指导 / 指导Y: the subject of the clause over the bodies directed."""
    text = ctx.doc.text
    cs = clause_start(text, at, s)
    k = max(text.rfind(word, cs, at) for word in _supervises().w["to_words"])
    heads, tails = _directed_through(ctx, s, orgs, k, at) if k >= 0 else _directed_after(ctx, orgs, at, cue, cs)
    if not tails:
        return
    home = ctx.home_node()
    for h in [h.node for h in heads] or ([home] if home else []):
        for t in tails:
            ctx.relate(h, "SUPERVISES", t.node, s, f"text:{cue}", 0.7)


def _directed_through(ctx, s, orgs, k, at):
    """X对Y…指导: Y between 对 and the cue; X before 对 (or the bodies of the clause before)."""
    text = ctx.doc.text
    tails = [o for o in orgs if k < o.start and o.end <= at]
    heads = [o for o in orgs if clause_start(text, k, s) <= o.start and o.end <= k]
    if not heads:
        # 党组、书记处全体同志带队，对…: the bodies of the clause before
        prev = [o for o in orgs if s <= o.start and o.end <= k]
        if prev:
            cstart = clause_start(text, prev[-1].start, s)
            heads = [o for o in prev if o.start >= cstart]
    return heads, tails


def _directed_after(ctx, orgs, at, cue, cs):
    """指导Y(、Z): the bodies right after the cue; the subject is the clause's last body, or
    the body an earlier clause gave a duty (X要加强对Y的指导，督促Y…)."""
    text, n = ctx.doc.text, len(cue)
    tails = [o for o in orgs if o.start >= at + n and o.start - at <= n + 1]
    # (a substring test on purpose: two bodies with nothing between them are a list too)
    joiners = _supervises().w["list_joiners"]
    tails += [o for o in orgs if tails and o.start > tails[-1].end and text[tails[-1].end:o.start] in joiners]
    heads = [o for o in orgs if cs <= o.start and o.end <= at][-1:]
    if not heads:
        modal = _supervises().modal
        heads = [o for o in orgs if o.end <= at and modal.match(text, o.end)][-1:]
    return heads, tails


@lru_cache(maxsize=1)
def _part_of():
    w, lex = words("part_of"), lexicon.load()
    return SimpleNamespace(department=re.compile(w["department"]), definite=re.compile(w["definite"]), w=w,
                           stationed=re.compile(w["stationed"]), government_organ=re.compile(w["government_organ"]),
                           units=tuple(lex.cues["sub_units"]) + tuple(w["extra_units"]), party=words("common"))


def rule_part_of(ctx):
    """Units named as their body plus a unit word are PART_OF it; a party group SUPERVISES
    the body it sits in. Parents added on the way are looked at too."""
    head = (ctx.doc.meta.title_span or (0, 0))[0]
    nodes = [(m.node, m.start) for m in ctx.mentions if m.label == "Organization"]
    nodes += [(n, head) for n in sorted(ctx.protected)]
    seen = set()
    for node_id, pos in nodes:      # grows: a parent added on the way may have a parent of its own
        if node_id not in seen:
            seen.add(node_id)
            parent = _unit_parent(ctx, node_id, pos)
            if parent and parent not in seen:
                nodes.append((parent, pos))


def _unit_parent(ctx, node_id, pos):
    """Relate one body to the body it belongs to; returns that parent (None for a party group)."""
    node = ctx.kg.node(node_id)
    name = node["name"]
    if name.endswith(_part_of().party["party_group"]):
        # a party group leads the body it sits in (中国科协党组 -> 中国科协)
        body = party_group_body(ctx, node_id, ctx.span_of(node_id))
        if body:
            ctx.relate(node_id, "SUPERVISES", body, pos, "name:party-group-over-body", 0.8)
        return None
    if node.get("collective") and not name.endswith(_part_of().w["collective_department"]):
        return None      # branches and affiliated units of a class are bodies of their own
    stationed = _stationed_by(ctx, node_id, pos)
    if stationed:
        return stationed
    forms = [name, *node["aliases"]]
    parent = ctx.unit_of.get(node_id)
    parent = parent or next((p for p in (_parent_of(ctx, f) for f in forms) if p and p != node_id), None)
    parent = parent or _named_parent(ctx, node_id, forms)
    if parent and parent != node_id:
        ctx.relate(node_id, "PART_OF", parent, pos, "name:unit-of-body", 0.8)
    return parent


def _stationed_by(ctx, node_id, pos):
    """某县纪委监委驻某局纪检监察组: PART_OF the discipline commission (and the supervisory
    commission) that send it; returns the first of them, or None for other names."""
    forms = [ctx.kg.node(node_id)["name"], *ctx.kg.node(node_id)["aliases"]]
    m = next(filter(None, (_part_of().stationed.match(f) for f in forms)), None)
    if not m:
        return None
    commission = m.group(1)
    senders = [commission] + ([_supervisory(commission, m.group(2))] if m.group(2) else [])
    spans = _sender_spans(ctx, node_id)
    parents = [ctx.org(name, spans[k] if k < len(spans) else None) for k, name in enumerate(senders)]
    for parent in parents:
        ctx.relate(node_id, "PART_OF", parent, pos, "name:stationed-group", 0.8)
    return parents[0]


def _sender_spans(ctx, node_id) -> list:
    """Where this document's mention of a stationed group names the commissions that send it
    (县纪委|监委 inside 县纪委监委驻某局纪检监察组): that is where it mentions them."""
    span = ctx.span_of(node_id)
    m = _part_of().stationed.match(ctx.doc.text[span[0]:span[1]]) if span else None
    if not m:
        return []
    return [(span[0] + m.start(g), span[0] + m.end(g)) for g in (1, 2) if m.group(g)]


def _supervisory(commission: str, named: str) -> str:
    """监委 after 县纪委 is the county's: the place of the discipline commission before it."""
    word = _part_of().w["supervisory_commission"]
    return commission[:-2] + word if named == word else named


def _is_department(rest: str, head: str = "") -> bool:
    """A unit word, a short department name (科普部, 综合处), or an organ of the government
    named before it (某省人民政府|国有资产监督管理委员会)."""
    if head.endswith(_part_of().w["government"]) and _part_of().government_organ.fullmatch(rest):
        return True
    return rest in lexicon.load().cues["sub_units"] or bool(_part_of().department.fullmatch(rest)) and len(rest) <= 5


def _named_parent(ctx, node_id, forms):
    """A department whose parent the document names only inside the department's name
    (省委组织部 -> 省委, 教育部办公厅 -> 教育部): add the parent, with its mention inside
    the department's."""
    mention = next((x for x in ctx.mentions if x.node == node_id), None)
    span = (mention.start, mention.end) if mention else ctx.span_of(node_id)    # a 抄送 line's unit has no mention
    party = _part_of().party["party_names"][:2]
    for form in forms:
        for cut in range(len(form) - 2, 1, -1):
            head, rest = form[:cut], form[cut:]
            if not _is_department(rest, head) or head in party:
                continue
            canon = canonical_org(head, ctx.juris, ctx.home)[0]
            if not (_part_of().definite.search(canon) or canon in lexicon.load().national_aliases):
                continue
            return ctx.org(head, _parent_span(ctx, span, rest, canon))
    return None


def _parent_span(ctx, span, rest, canon):
    """Where the parent stands inside its unit's mention at ``span``: before the unit word
    (省委|组织部), else the longest head of the mention that names it (青海省政府|国资委); None
    if neither."""
    if not span:
        return None
    start, end = span
    text = ctx.doc.text[start:end]
    if text.endswith(rest):
        return start, end - len(rest)
    for n in range(len(text) - 1, 1, -1):
        if canonical_org(text[:n], ctx.juris, ctx.home)[0] == canon:
            return start, start + n
    return None


def _parent_of(ctx, form):
    """The longest body named at the head of ``form`` when the rest is a unit word:
    重庆市科协办公室 -> 重庆市科协; 中共X机关委员会 -> X; 科协党组党的建设领导小组 -> 科协党组."""
    p, prefix = _part_of(), _part_of().party["party_prefix"]
    committee = form.startswith(prefix) and form.endswith(tuple(p.w["committee_ends"]))
    core = form[len(prefix):] if committee else form
    for cut in range(len(core) - 2, 1, -1):
        head, rest = core[:cut], core[cut:]
        if _unit_split_fits(head, rest, committee):
            # a committee's standing committee: 中共X委员会常务委员会 -> 中共X委员会, not the body X
            parent = (committee and ctx.lookup("Organization", prefix + head)) or ctx.lookup("Organization", head)
            if parent is None:
                parent = ctx.lookup("Organization", canonical_org(head, ctx.juris, ctx.home)[0])
            if parent is None and head in lexicon.load().national:
                parent = ctx.org(head)      # a national body its unit names, not yet met in the text
            if parent:
                return parent
    return None


def _unit_split_fits(head: str, rest: str, committee: bool) -> bool:
    p = _part_of()
    if head in p.party["party_names"] or not (rest.endswith(p.units) or committee or _is_department(rest)):
        return False
    if committee and rest in p.w["committee_ends"]:
        return False      # a body's own party committee leads it (中共X大学委员会), it is no unit of it
    return len(head) >= 3 or rest in p.w["short_parent_units"]
