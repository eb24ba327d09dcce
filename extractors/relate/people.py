"""LEADS and PRESIDED: posts held by named people, who chairs a meeting."""
from __future__ import annotations

import re

from orgkg.extractors import knowledge as lexicon
from orgkg.extractors.recognise.spans import is_cjk
from orgkg.extractors.relate.common import org_mentions, party_group_body


def rule_leads(ctx, s, e, ms):
    text = ctx.doc.text
    # a title implies its body only where the text names that body too (总书记 and 党中央)
    named = lexicon.load().w("role_title_implies_when_named")
    implied = {t: b for t, b in lexicon.load().w("role_title_implies").items()
               if any(w in ctx.doc.text for w in named.get(t, [b]))}
    titles = sorted(lexicon.load().w("titles"), key=len, reverse=True)
    as_of = ctx.doc.meta.get("date")
    posts = lexicon.load().w("post_bodies")
    held = {}        # post -> body, as named earlier in the sentence (主任张三…，副主任李四)
    for p in [m for m in ms if m.label == "Person"]:
        title = p.cand.props.get("title")
        pos = p.cand.props.get("title_start", p.start)
        pairs, bare = [], []
        while title:
            org = [m for m in org_mentions(ms) if m.end == pos]
            # 校党委书记: the title 党委书记 overlaps the body 校党委; the post is 书记 in it
            over = [m for m in org_mentions(ms) if m.start < pos < m.end < pos + len(title)
                    and title.startswith(text[pos:m.end])]
            if not org and over:
                org, title, pos = over[-1:], title[over[-1].end - pos:], over[-1].end
            if org:
                pairs.append((org[-1].node, title))
                # 省科协党组书记、常务副主席张三: the later bare post is in the body the party group leads
                body = party_group_body(ctx, org[-1].node, (org[-1].start, org[-1].end)) \
                    or _committee_body(ctx, org[-1].node)
                pairs += [(body, t) for t, _ in bare if body and t not in posts]
                bare = [(t, at) for t, at in bare if t in posts]
            elif title in implied:
                pairs.append((ctx.add("Organization", implied[title], span=(pos, pos + len(title))), title))
            elif _unit_after_committee(ctx, ms, pos):
                pairs.append((_unit_after_committee(ctx, ms, pos), title))
            else:
                bare.append((title, pos))
            # another post before it: X书记、Y组长 张三
            start = org[-1].start if org else pos
            if text[start - 1:start] != "、":
                break
            before = [t for t in titles if text[:start - 1].endswith(t)]
            ends = {m.end for m in org_mentions(ms)}
            prev = next((t for t in before if start - 1 - len(t) in ends), before[0] if before else None)
            title, pos = prev, start - 1 - len(prev) if prev else 0
        pairs += _posts_without_body(ctx, ms, p, bare, pairs)
        # a bare deputy post after its chief's: 县人大常委会主任张三主持，副主任李四出席
        pairs += [(held[t[1:]], t) for t, _ in bare if t.startswith("副") and t[1:] in held
                  and all(r != t for _, r in pairs)]
        for org, role in pairs:
            held.setdefault(role, org)
        follow = text[p.end:p.end + 3]
        for t, org_name in implied.items():
            if follow.startswith(t) or re.search(rf"以{re.escape(p.cand.text)}同志为{t}", text[s:e]):
                pairs.append((ctx.add("Organization", org_name, span=(p.end, p.end + len(t))), t))
        for org, role in pairs:
            if role.endswith(("成员", "领导")) or role in ("常委", "院士", "教授", "研究员"):
                continue      # a member of a party group or standing committee, an academician or a
                # 市领导 holds no post that leads the body
            ctx.relate(p.node, "LEADS", org, s, "text:title+name", 0.85, role=role, as_of=as_of)


# X主持会议 / X主持并讲话: X chairs the meeting an earlier sentence says was held
CHAIRS_HELD = re.compile(r"主持(?:了)?(?:会议|大会|全会|开幕会|闭幕会|开幕大会|闭幕大会|座谈会|学习|并(?:作)?(?:讲话|发言))")


def rule_presided(ctx, s, e, ms):
    text = ctx.doc.text
    for m in re.finditer("主持", text[s:e]):
        at = s + m.start()
        heads = [x for x in ms if x.label in ("Person", "Organization") and x.end in (at, at - 2)
                 and (x.end == at or text[at - 2:at] == "同志")]
        if not heads:
            continue
        before = [x for x in ms if x.label == "Event" and x.end <= at]
        # 主持召开市政府第45次常务会议: the sitting's body may stand between
        after = [x for x in ms if x.label == "Event" and at < x.start <= at + 24
                 and re.fullmatch(r"主持(?:召开)?(?:了)?", text[at:_body_before(ms, x)])]
        event = before[-1].node if before else after[0].node if after else None
        if not event and (re.match(r"(?:大会|全会|会议)由", text[s:at]) or CHAIRS_HELD.match(text, at)):
            event = _held_meeting(ctx, at)
        event = event or ctx.main_event
        if event:
            ctx.relate(heads[-1].node, "PRESIDED", event, s, "text:X主持", 0.85)


def _body_before(ms, event) -> int:
    """Where the body heading a numbered sitting starts (else the sitting's own start)."""
    return min([x.start for x in ms if x.label == "Organization" and x.end == event.start], default=event.start)


def _held_meeting(ctx, at):
    """The meeting an earlier sentence says was held (X全会召开 / X大会在武汉开幕), which a
    later 大会由Y主持 / Y主持会议 refers to."""
    text = ctx.doc.text
    held = [m for m in ctx.mentions if m.label == "Event" and m.end <= at
            and (re.match(r"[^，。；]{0,12}?(?:召开|举行|开幕|闭幕)", text[m.end:m.end + 16])
                 or text[m.start - 2:m.start] in ("召开", "举行", "进行"))]      # X召开Y会议。Z主持会议
    return held[-1].node if held else None


def _posts_without_body(ctx, ms, person, bare, pairs) -> list:
    """Posts named with no body before them, whose body the post itself says:
    省长 -> the province's 人民政府 (the place of the party committee named in the same post
    list, else the document's jurisdiction), 校长 -> the school, 书记处书记 -> the 书记处 of
    the body named earlier in the clause (中国科协党组成员、书记处书记)."""
    posts = lexicon.load().w("post_bodies")
    text = ctx.doc.text
    out = []
    for title, pos in bare:
        kind = text[pos - 1:pos]
        if title.startswith("党组") and kind in KINDS and not is_cjk(text[pos - 2:pos - 1] or "，"):
            body = _body_of_kind(ctx, kind, pos)      # 厅党组书记: the party group of the 厅 named before
            if body:
                out.append((ctx.org(body + "党组", (pos - 1, pos + 2)), title[2:]))
            continue
        if title in ("院长", "副院长", "常务副院长") and ctx.home.endswith("医院"):
            out.append((ctx.org(ctx.home, (pos, pos + len(title))), title))     # a hospital's news: its own head
            continue
        if title not in posts:
            continue
        unit = posts[title]
        if unit.startswith("@"):
            body = _body_of_kind(ctx, unit[1:], pos)      # 厅长, 副局长: the 厅 or 局 named before
            if body:
                out.append((ctx.org(body, (pos, pos + len(title))), title))
            continue
        if unit == "人民政府":
            core = re.sub("常务|副|代", "", title)
            level = "自治区" if core.startswith("自治区") else core[0]      # 自治区主席 -> the region's 人民政府
            # 宁夏回族自治区主席: the title's 自治区 ends the place's name
            places = [_place_before(ctx.doc.text, pos + (3 if level == "自治区" else 0))] + [_committee_place(ctx.kg.node(n)["name"]) for n, _ in pairs]
            place = next((x for x in places if x and x.endswith(level)), "")
            if not place and ctx.juris.name.endswith(level):
                place = ctx.juris.name
            # with no place in the text (市委书记…，市长…) the body keeps the text's own bare form
            unit = "行政公署" if level == "盟" else unit      # a league's government is its 行政公署
            names = [place + unit, level + "政府", place + "政府"] if place else [level + unit, level + "政府"]
            known = next((k for k in (ctx.lookup("Organization", n) for n in names) if k), None)
            out.append((known or ctx.add("Organization", names[0], names[1:], span=(pos, pos + len(title)),
                                         jurisdiction=place or None), title))
        elif unit == "" and ctx.juris.level == "school":
            out.append((ctx.org(ctx.juris.name, (pos, pos + len(title))), title))
        elif unit:
            text = ctx.doc.text
            k = max(text.rfind(ch, 0, pos) for ch in "，。；：\n")
            bodies = [m for m in org_mentions(ms) if k < m.start and m.end <= pos]
            if bodies:
                body = re.sub(r"^中共|党组$", "", ctx.kg.node(bodies[0].node)["name"])
                out.append((ctx.org(body + unit, (pos, pos + len(unit))), title))
    return out


KINDS = "厅局"


def _body_of_kind(ctx, kind, pos) -> str:
    """The body of that kind the text named last before pos, cut at its kind character
    (青海省某某厅党组理论学习中心组 -> 青海省某某厅), or ''."""
    for m in reversed([m for m in ctx.mentions if m.label == "Organization" and m.end <= pos]):
        name = re.sub("^中共", "", ctx.kg.node(m.node)["name"])
        k = name.find(kind)
        if k >= 3 and not name.startswith("各"):
            return name[:k + len(kind)]
    return ""


def _unit_after_committee(ctx, ms, pos):
    """A department named bare after its committee's post: 省委常委、组织部部长 -> the 省委's
    组织部 (the committee is the body named before the 、). None when the text says no such thing."""
    text = ctx.doc.text
    units = sorted((u for u in lexicon.load().cues["sub_units"] if len(u) > 2 and u.endswith("部")), key=len, reverse=True)
    unit = next((u for u in units if text.endswith(u, 0, pos)), None)
    if not unit or text[pos - len(unit) - 1:pos - len(unit)] != "、":
        return None
    k = pos - len(unit) - 1
    bodies = [m for m in org_mentions(ms) if k - 6 <= m.end <= k and re.fullmatch(r"(?:常委|委员|副书记|书记)?", text[m.end:k])]
    if not bodies or not bodies[-1].cand.text.endswith(("委", "党委")):
        return None
    node = ctx.org(bodies[-1].cand.text + unit, (pos - len(unit), pos))
    ctx.relate(node, "PART_OF", bodies[-1].node, pos, "text:committee-unit", 0.8)
    return node


def _place_before(text: str, pos: int) -> str:
    """The gazetteer place written right before a post: 江苏省副省长 -> 江苏省."""
    places = lexicon.load().places
    for n in range(min(9, pos), 1, -1):      # 延边朝鲜族自治州州长: eight characters
        p = places.get(text[pos - n:pos])
        if p and p.name == text[pos - n:pos]:
            return p.name
    return ""


def _committee_place(name: str) -> str:
    """中共巫山县委员会 -> 巫山县, 中共某镇委员会 -> 某镇; '' for other bodies."""
    m = re.fullmatch(r"中共(.{2,12}?(?:[省市县区州镇乡]|自治区))委员会", name)
    return m.group(1) if m else ""


# the party committee of a body, not of a place: 中共某省国有资产监督管理委员会委员会, 中共某市中心医院委员会
BODY_COMMITTEE = re.compile(r"中共(.{4,}?(?:委员会|局|厅|医院|卫生院|联合会))委员会")


def _committee_body(ctx, node):
    """The body a party committee sits in, for a later bare post (党委书记、主任张三 -> the 委员会)."""
    m = BODY_COMMITTEE.fullmatch(ctx.kg.node(node)["name"])
    return (ctx.lookup("Organization", m.group(1)) or ctx.org(m.group(1))) if m else None
