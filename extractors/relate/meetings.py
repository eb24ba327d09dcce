"""PRESIDED: who chairs a meeting (X主持…). The meeting is the one named in the sentence
before the cue, or right after it (主持召开某市政府第45次常务会议), or the one an earlier
sentence says was held (大会由X主持 / X主持会议), else the one the headline names. Words:
the ``presided`` section of data/relate.yaml."""
from __future__ import annotations

import re
from functools import lru_cache
from types import SimpleNamespace

from orgkg.extractors.relate.common import words


@lru_cache(maxsize=1)
def _lex():
    w = words("presided")
    return SimpleNamespace(w=w, cue=re.compile(re.escape(w["cue"])), then_event=re.compile(w["cue_then_event"]),
                           chaired_by=re.compile(w["chaired_by"]), chairs_held=re.compile(w["chairs_held"]),
                           was_held=re.compile(w["was_held"]))


def rule_presided(ctx, s, e, ms):
    if not ms:
        return          # who presides is a person or a body of the sentence
    text, honorific = ctx.doc.text, _lex().w["honorific"]
    for m in _lex().cue.finditer(text[s:e]):
        at = s + m.start()
        heads = [x for x in ms if x.label in ("Person", "Organization") and x.end in (at, at - len(honorific))
                 and (x.end == at or text[at - len(honorific):at] == honorific)]
        event = _chaired_event(ctx, s, ms, at) if heads else None
        if event:
            ctx.relate(heads[-1].node, "PRESIDED", event, s, _lex().w["rule"], 0.85)


def _chaired_event(ctx, s, ms, at):
    text, lex = ctx.doc.text, _lex()
    before = [x for x in ms if x.label == "Event" and x.end <= at]
    after = [x for x in ms if x.label == "Event" and at < x.start <= at + lex.w["event_window"]
             and lex.then_event.fullmatch(text[at:_body_before(ms, x)])]
    event = before[-1].node if before else after[0].node if after else None
    if not event and (lex.chaired_by.match(text[s:at]) or lex.chairs_held.match(text, at)):
        event = _held_meeting(ctx, at)
    return event or ctx.main_event


def _body_before(ms, event) -> int:
    """Where the body heading a numbered sitting starts (else the sitting's own start)."""
    return min([x.start for x in ms if x.label == "Organization" and x.end == event.start], default=event.start)


def _held_meeting(ctx, at):
    """The meeting an earlier sentence says was held (X全会召开 / X大会在武汉开幕), which a
    later 大会由Y主持 / Y主持会议 refers to."""
    text, lex = ctx.doc.text, _lex()
    held = [m for m in ctx.mentions if m.label == "Event" and m.end <= at
            and (lex.was_held.match(text[m.end:m.end + 16])
                 or text[m.start - 2:m.start] in lex.w["held_before"])]      # X召开Y会议。Z主持会议
    return held[-1].node if held else None
