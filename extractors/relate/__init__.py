"""Relation rules over one document's resolved mentions (see context.py).

Each rule reads a sentence and its mentions and adds typed edges with the
sentence as evidence. Cue words live in data/cues.json.

    ISSUED      X印发/制定/出台《D》, X《D》, X《A》《B》, 代表X所作的《D》, 《X关于…》
    ADOPTED     (全会|大会|E)审议通过/批准《D》
    LEADS       X书记Y, X书记、Z组长Y, Y总书记 (title implies its body); 省长/县长Y -> the place's
                人民政府, 校长Y -> the school, 书记处书记Y -> the body's 书记处
    PRESIDED    X主持 (the event in the sentence; 大会由X主持 / X主持会议: the meeting an earlier
                sentence says was held; else the meeting the headline names)
    SUPERVISES  X党组 over X; 在X的指导下, 党对X的领导; X对Y…指导/督促; 指导Y
    REQUIRES    the document over X when X要/须/应…; over initiatives it asks to carry out
    PART_OF     a unit named as its body plus a unit or department word (X办公室, X科普部, X分院);
                the body is added when only the unit's name states it (省委组织部 -> 省委)

Header facts (issuer, addressees, printer) are in header.py.
"""
from __future__ import annotations

from bisect import bisect_left, bisect_right

from orgkg.extractors.resolve.context import DocContext
from orgkg.extractors.relate.bodies import rule_part_of, rule_supervises
from orgkg.extractors.relate.constructions import apply_constructions
from orgkg.extractors.relate.documents import rule_adopted, rule_issued
from orgkg.extractors.relate.meetings import rule_presided
from orgkg.extractors.relate.people import rule_leads
from orgkg.extractors.relate.requires import rule_requires

SENTENCE_RULES = (rule_issued, rule_adopted, rule_leads, rule_presided, rule_supervises, rule_requires,
                  apply_constructions)


def apply_rules(ctx: DocContext) -> None:
    for s, e, ms in _sentences_with_mentions(ctx):
        for rule in SENTENCE_RULES:
            rule(ctx, s, e, ms)
    rule_part_of(ctx)


def _sentences_with_mentions(ctx: DocContext):
    """(start, end, the sentence's mentions as ctx.in_sentence gives them) of each sentence.
    The rules read, never add, mentions, and add_entities leaves them sorted by start: each
    sentence's share is then found by bisection, not by a scan of all of them."""
    starts = [m.start for m in ctx.mentions]
    if any(a > b for a, b in zip(starts, starts[1:])):
        yield from ((s, e, ctx.in_sentence(s, e)) for s, e in ctx.doc.sentences)
        return
    for s, e in ctx.doc.sentences:
        near = ctx.mentions[bisect_left(starts, s):bisect_right(starts, e)]
        yield s, e, [m for m in near if m.end <= e]
