"""Entities named inside the name of another: the body at the head of its meeting
(中央政治局第六次集体学习, 县委十五届五次全会, 某市文联第八次代表大会), the campaign a
meeting pushes (全市某某整治推进会), the national strategy a title says to carry out
(《关于深入推进乡村振兴的决定》), the university whose own documents name it only inside
its committee's name. Words: the ``inner`` section of data/resolve.yaml."""
from __future__ import annotations

import re
from functools import lru_cache
from types import SimpleNamespace

from orgkg.extractors import knowledge as lexicon
from orgkg.extractors.recognise.campaigns import find_campaigns
from orgkg.extractors.recognise.initiatives import find_initiatives
from orgkg.extractors.recognise.spans import Cand, overlaps
from orgkg.extractors.resolve.context import Mention
from orgkg.extractors.resolve.initiatives import initiative_aliases


@lru_cache(maxsize=1)
def _lex():
    w, lex = lexicon.data_file("resolve.yaml")["inner"], lexicon.load()
    verbs = "|".join(map(re.escape, lex.cues["requires"] + lex.w("cut_before")))
    return SimpleNamespace(national=re.compile(lexicon.national_alternation()), plenum_body=re.compile(w["plenum_body"]),
                           congress_of=re.compile(w["congress_of"]), verb_end=re.compile(f"(?:{verbs})$"),
                           session_body=re.compile(w["session_body"]), stationed_host=re.compile(w["stationed_host"]))


def add_inner(ctx, cands: list) -> None:
    for c in cands:
        if c.label == "Event":
            _body_of_event(ctx, c)
        elif c.label == "Organization":
            _host_of_group(ctx, c)
    for c in cands:
        if c.label == "Event":
            _campaigns_of_event(ctx, c)


def add_inner_titles(ctx, cands: list) -> None:
    for c in cands:
        if c.label == "Document":
            for s, e, form in _initiatives_in_title(ctx.doc.text, c):
                node = ctx.add("Initiative", form, [ctx.doc.text[s:e], *initiative_aliases(form)], span=(s, e))
                ctx.mentions.append(Mention(Cand(s, e, form, "Initiative"), node, "Initiative"))


def _body_of_event(ctx, c) -> None:
    """A body named at the head of a meeting: a national body before a meeting of its own
    (no kind), a committee before its plenum, a society before its congress."""
    lex, kind = _lex(), c.props.get("kind")
    m = lex.national.match(c.text)
    if kind == "local_plenum":
        m = lex.plenum_body.match(c.text)
    m = m or lex.congress_of.match(c.text)
    if m and (not kind or kind == "local_plenum" or m.re is lex.congress_of):
        node = ctx.org(m.group(), (c.start, c.start + m.end()))
        ctx.mentions.append(Mention(Cand(c.start, c.start + m.end(), m.group(), "Organization"), node, "Organization"))
    elif kind == "local_session":
        _body_of_session(ctx, c)


def _body_of_session(ctx, c) -> None:
    """某省十三届人大常委会第十四次会议: the standing committee (or the congress, the conference)
    of the place, named around the term's number; its mention is that part of the name."""
    m = _lex().session_body.match(c.text)
    if m:
        span = (c.start, c.start + m.end())
        node = ctx.org(m.group(1) + m.group(2), span)
        ctx.mentions.append(Mention(Cand(*span, ctx.doc.text[span[0]:span[1]], "Organization"), node, "Organization"))


def _host_of_group(ctx, c) -> None:
    """某县纪委监委驻某局纪检监察组: the body the group is stationed in is named inside its name."""
    m = _lex().stationed_host.search(c.text)
    if m:
        span = (c.start + m.start(1), c.start + m.end(1))
        node = ctx.org(m.group(1), span)
        ctx.mentions.append(Mention(Cand(*span, m.group(1), "Organization"), node, "Organization"))


def _campaigns_of_event(ctx, c) -> None:
    """The campaign a meeting pushes (全市某某整治推进会) lies inside the meeting's name."""
    for x in find_campaigns(c.text):
        span = (c.start + x.start, c.start + x.end)
        ctx.mentions.append(Mention(Cand(*span, x.text, "Initiative"), ctx.add("Initiative", x.text, span=span), "Initiative"))


def _initiatives_in_title(text: str, title: Cand) -> list:
    """A national strategy a title says to carry out: 《关于深入推进乡村振兴的决定》. Only after an
    action verb (a 纲要 of 全民科学素质行动 is not asked to carry it out)."""
    a, b = title.props.get("inner", (title.start, title.end))
    return [(a + c.start, a + c.end, c.props["canonical"]) for c in find_initiatives(text[a:b])
            if c.props.get("canonical") and _lex().verb_end.search(text[a:a + c.start])]


def add_school(ctx) -> None:
    """A university's own documents name it inside 中共X大学委员会 / 校长: it is a body of the text."""
    school = ctx.juris.name if ctx.juris.level == "school" else ""
    text = ctx.doc.text
    if school and school in text:
        k = text.find(school)
        node = ctx.org(school, (k, k + len(school)))
        if not overlaps(k, k + len(school), ((m.start, m.end) for m in ctx.mentions)):
            ctx.mentions.append(Mention(Cand(k, k + len(school), school, "Organization"), node, "Organization"))
