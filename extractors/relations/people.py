"""LEADS and PRESIDED: posts held by named people, who chairs a meeting."""
from __future__ import annotations

import re

from ..components import lexicon
from .common import org_mentions, party_group_body


def rule_leads(ctx, s, e, ms):
    text = ctx.doc.text
    implied = lexicon.load().w("role_title_implies")
    titles = sorted(lexicon.load().w("titles"), key=len, reverse=True)
    as_of = ctx.doc.meta.get("date")
    for p in [m for m in ms if m.label == "Person"]:
        title = p.cand.props.get("title")
        pos = p.cand.props.get("title_start", p.start)
        pairs, bare = [], []
        while title:
            org = [m for m in org_mentions(ms) if m.end == pos]
            if org:
                pairs.append((org[-1].node, title))
                # 省科协党组书记、常务副主席张三: the later bare post is in the body the party group leads
                body = party_group_body(ctx, org[-1].node)
                pairs += [(body, t) for t in bare if body]
                bare = []
            elif title in implied:
                pairs.append((ctx.add("Organization", implied[title], span=(pos, pos + len(title))), title))
            else:
                bare.append(title)
            # another post before it: X书记、Y组长 张三
            start = org[-1].start if org else pos
            if text[start - 1:start] != "、":
                break
            before = [t for t in titles if text[:start - 1].endswith(t)]
            ends = {m.end for m in org_mentions(ms)}
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
        after = [x for x in ms if x.label == "Event" and at < x.start <= at + 6
                 and re.fullmatch(r"主持(?:召开)?(?:了)?", text[at:x.start])]
        event = before[-1].node if before else after[0].node if after else ctx.main_event
        if event:
            ctx.relate(heads[-1].node, "PRESIDED", event, s, "text:X主持", 0.85)
