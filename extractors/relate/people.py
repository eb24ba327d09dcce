"""LEADS: posts held by named people, from the titles written before a name (市委书记张三,
省科协党组书记、常务副主席张三) or given to it (以张三同志为组长). Posts with no body
before them are read in posts.py; words in the ``leads`` section of data/relate.yaml."""
from __future__ import annotations

import re
from functools import lru_cache
from types import SimpleNamespace

from orgkg.extractors import knowledge as lexicon
from orgkg.extractors.relate.common import org_mentions, party_group_body, words
from orgkg.extractors.relate.posts import committee_body, posts_without_body, unit_after_committee


@lru_cache(maxsize=1)
def _lex():
    lex = lexicon.load()
    return SimpleNamespace(titles=sorted(lex.w("titles"), key=len, reverse=True), posts=lex.w("post_bodies"),
                           w=words("leads"))


@lru_cache(maxsize=4)
def _implied(text: str) -> dict:
    """Titles that imply their body (总书记), where the text names that body too (党中央).
    Asked once per sentence, about the whole document: kept per document text."""
    named = lexicon.load().w("role_title_implies_when_named")
    return {t: b for t, b in lexicon.load().w("role_title_implies").items()
            if any(w in text for w in named.get(t, [b]))}


def rule_leads(ctx, s, e, ms):
    implied = _implied(ctx.doc.text)
    held = {}        # post -> body, as named earlier in the sentence (主任张三…，副主任李四)
    for p in [m for m in ms if m.label == "Person"]:
        pairs, bare = _title_chain(ctx, ms, p, implied)
        pairs += posts_without_body(ctx, ms, bare, pairs)
        pairs += _deputy_posts(held, bare, pairs)
        pairs += _label_posts(ctx, ms, p, pairs)
        pairs += _posts_in_last_body(ctx, held, bare, pairs)
        for org, role in pairs:
            held.setdefault(role, org)
        pairs += _given_titles(ctx, p, s, e, implied)
        _relate_posts(ctx, p, pairs, s)


def _title_chain(ctx, ms, person, implied) -> tuple:
    """(body, title) pairs for the titles written before a person, walking left through a
    list of posts (X书记、Y组长张三); titles with no body yet are returned as ``bare``."""
    title = person.cand.props.get("title")
    pos = person.cand.props.get("title_start", person.start)
    pairs, bare = [], []
    while title:
        org, title, pos = _title_body(ctx, ms, title, pos)
        bare = _take_title(ctx, ms, org, title, pos, pairs, bare, implied)
        title, pos = _previous_title(ctx, ms, org[-1].start if org else pos)
    return pairs, bare


def _title_body(ctx, ms, title, pos) -> tuple:
    """The body written right before a title; 校党委书记: the title 党委书记 overlaps the body
    校党委, and the post is 书记 in it."""
    text = ctx.doc.text
    org = [m for m in org_mentions(ms) if m.end == pos]
    over = [m for m in org_mentions(ms) if m.start < pos < m.end < pos + len(title)
            and title.startswith(text[pos:m.end])]
    if not org and over:
        return over[-1:], title[over[-1].end - pos:], over[-1].end
    return org, title, pos


def _take_title(ctx, ms, org, title, pos, pairs, bare, implied) -> list:
    """Add the post of one title to ``pairs``; returns the titles still without a body."""
    posts = _lex().posts
    if org:
        pairs.append((org[-1].node, title))
        # 省科协党组书记、常务副主席张三: the later bare post is in the body the party group leads
        body = party_group_body(ctx, org[-1].node, (org[-1].start, org[-1].end)) or committee_body(ctx, org[-1].node)
        pairs += [(body, t) for t, _ in bare if body and t not in posts]
        return [(t, at) for t, at in bare if t in posts]
    if title in implied:
        pairs.append((ctx.add("Organization", implied[title], span=(pos, pos + len(title))), title))
    elif unit_after_committee(ctx, ms, pos):
        pairs.append((unit_after_committee(ctx, ms, pos), title))
    else:
        bare.append((title, pos))
    return bare


def _previous_title(ctx, ms, start) -> tuple:
    """The title before a 、 at ``start`` (another post of the same person), or (None, 0)."""
    text = ctx.doc.text
    if text[start - 1:start] != _lex().w["list_mark"]:
        return None, 0
    before = [t for t in _lex().titles if text[:start - 1].endswith(t)]
    ends = {m.end for m in org_mentions(ms)}
    prev = next((t for t in before if start - 1 - len(t) in ends), before[0] if before else None)
    return prev, (start - 1 - len(prev) if prev else 0)


def _posts_in_last_body(ctx, held, bare, pairs) -> list:
    """A bare post no reader placed, standing alone after a clause mark, that the sentence
    has named already or that serves the body named last: 县人大常委会主任张三主持，副主任李四、
    王五和秘书长赵六出席 (not 原…主任, not 警备区司令员)."""
    if not held or pairs:
        return []
    w, text = _lex().w, ctx.doc.text
    last = list(held.values())[-1]
    return [(held.get(t, last), t) for t, at in bare
            if text[at - 1:at] in w["post_list_marks"] and (t in held or t in w["secretariat_posts"])]


def _label_posts(ctx, ms, p, pairs) -> list:
    """A roster member's label (组长：张三，…): a post in the body the roster is of."""
    label = p.cand.props.get("label")
    return posts_without_body(ctx, ms, [(label, p.cand.props["label_start"])], pairs) if label else []


def _deputy_posts(held, bare, pairs) -> list:
    """A bare deputy post after its chief's: 县人大常委会主任张三主持，副主任李四出席."""
    deputy = _lex().w["deputy"]
    return [(held[t[1:]], t) for t, _ in bare if t.startswith(deputy) and t[1:] in held
            and all(r != t for _, r in pairs)]


def _given_titles(ctx, p, s, e, implied) -> list:
    """A title right after the name (张三总书记) or given to it (以张三同志为组长)."""
    text, w = ctx.doc.text, _lex().w
    follow = text[p.end:p.end + w["follow_chars"]]
    out = []
    for t, org_name in implied.items():
        given = w["given_title"].format(name=re.escape(p.cand.text), title=t)
        if follow.startswith(t) or re.search(given, text[s:e]):
            out.append((ctx.add("Organization", org_name, span=(p.end, p.end + len(t))), t))
    return out


def _relate_posts(ctx, p, pairs, s) -> None:
    w = _lex().w
    for org, role in pairs:
        if role.endswith(tuple(w["member_role_ends"])) or role in w["non_leading_roles"]:
            continue
        ctx.relate(p.node, "LEADS", org, s, "text:title+name", 0.85, role=role, as_of=ctx.doc.meta.date)
