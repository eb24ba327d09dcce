"""The construction interpreter: relations stated by the constructions in
data/constructions.yaml.

A construction is cue words, slots around the cue and the relations each slot
pair yields. The cues of all constructions are found in one pass over a
sentence; each hit fills its slots with the finders named in the data (a slot
finder returns spans of the sentence, or a body and a role for a post); the
resolver (DocContext) turns spans into nodes; the interpreter adds the edges.

>>> [c.name for c in load()][:2]
['units-listed', 'working-department']
"""
from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field
from functools import lru_cache

from orgkg.extractors import knowledge
from orgkg.extractors.relate import slots
from orgkg.extractors.relate.common import clause_start


@dataclass(frozen=True)
class Construction:
    name: str
    cues: tuple
    slots: tuple                 # (slot name, finder name, options), in fill order
    yields: tuple                # (from slot, relation, to slot)
    unless: tuple = ()
    not_followed_by: tuple = ()
    not_preceded_by: tuple = ()
    unless_sentence: tuple = ()     # patterns: a sentence that opens so does not state it
    requires_before: tuple = ()     # words one of which must stand before the cue in the sentence
    under_heading: tuple = ()       # words one of which must end the heading line (任命：) above the cue


@dataclass
class Hit:
    """One cue found in a sentence, with what its slots were filled with."""
    construction: Construction
    start: int
    end: int
    sentence: tuple
    filled: dict = field(default_factory=dict)


@lru_cache(maxsize=1)
def load() -> tuple:
    entries = knowledge.data_file("constructions.yaml")
    return tuple(Construction(e["name"], tuple(e["cues"]),
                              tuple((k, v.pop("find"), v) for k, v in ((k, dict(v)) for k, v in e["slots"].items())),
                              tuple(tuple(y) for y in e["yields"]), tuple(e.get("unless", ())),
                              tuple(e.get("not_followed_by", ())), tuple(e.get("not_preceded_by", ())),
                              tuple(re.compile(p) for p in e.get("unless_sentence", ())),
                              tuple(e.get("requires_before", ())), tuple(e.get("under_heading", ())))
                 for e in entries)


@lru_cache(maxsize=1)
def _cue_index():
    """One pattern over every cue (longest first) and cue -> constructions."""
    by_cue = {}
    for c in load():
        for cue in c.cues:
            by_cue.setdefault(cue, []).append(c)
    pattern = re.compile(knowledge.trie_alternation(by_cue))
    return pattern, by_cue


def find_hits(text: str, s: int, e: int) -> list:
    """Every cue of every construction in text[s:e], as unfilled hits: not those followed or
    preceded by what the construction excludes, nor those without a word it requires
    before them (the list's 、 of an appointment, 19,290 times in the benchmark's text)."""
    _, by_cue = _cue_index()
    hits, in_sentence = [], {}
    for a, b, cue in _cues_in(text, s, e):
        for c in by_cue[cue]:
            if c.not_followed_by and text.startswith(c.not_followed_by, b) \
                    or c.not_preceded_by and text.endswith(c.not_preceded_by, s, a) \
                    or not _required_before(text, (s, e), a, c, in_sentence):
                continue
            hits.append(Hit(c, a, b, (s, e)))
    return hits


def _required_before(text: str, sentence: tuple, a: int, c: Construction, in_sentence: dict) -> bool:
    """Whether a word ``c`` requires stands in the sentence before ``a`` (or it requires none);
    whether one stands in the sentence at all is asked once per sentence."""
    if not c.requires_before:
        return True
    if c.name not in in_sentence:
        in_sentence[c.name] = _holds_one(text[sentence[0]:sentence[1]], c.requires_before)
    return in_sentence[c.name] and _holds_one(text[sentence[0]:a], c.requires_before)


def _holds_one(text: str, words: tuple) -> bool:
    return any(w in text for w in words)


def _cues_in(text: str, s: int, e: int) -> list:
    """(start, end, cue) of the cues a scan of text[s:e] finds: those of one scan of the
    whole text, unless one of them runs across s or e (no cue holds a sentence's last
    mark or a line break, so none does); then text[s:e] is scanned alone."""
    starts, found = _cues_of(text)
    i, j = bisect_left(starts, s), bisect_left(starts, e)
    if (i and found[i - 1][1] > s) or (j > i and found[j - 1][1] > e):
        return [(m.start(), m.end(), m.group()) for m in _cue_index()[0].finditer(text, s, e)]
    return found[i:j]


@lru_cache(maxsize=4)
def _cues_of(text: str) -> tuple:
    """Where each cue of the whole text starts, in order, and (start, end, cue) of each."""
    found = [(m.start(), m.end(), m.group()) for m in _cue_index()[0].finditer(text)]
    return [a for a, _, _ in found], found


def _cancelled(text: str, hit: Hit) -> bool:
    """A word of ``unless`` in the clause before the cue (曾任, 此前), or a sentence that opens
    as ``unless_sentence`` says (a dated line of a biography): the construction does not hold."""
    c, opens = hit.construction, hit.sentence[0]
    if c.unless:
        before = text[clause_start(text, hit.start, opens):hit.start]
        if any(w in before for w in c.unless):
            return True
    if any(p.match(text, opens) for p in c.unless_sentence):
        return True
    return bool(c.under_heading) and not _heading(text, hit.start).endswith(c.under_heading)


def _heading(text: str, pos: int) -> str:
    """The nearest line above ``pos`` that ends with a colon (决定任命：), without it; or ''."""
    ends = _heading_ends(text)
    i = bisect_right(ends, pos - 2) - 1      # a colon and its line break, both before pos
    k = ends[i] if i >= 0 else -1
    return text[text.rfind("\n", 0, k) + 1:k] if k >= 0 else ""


@lru_cache(maxsize=4)
def _heading_ends(text: str) -> list:
    """Where each line that ends with a colon ends, in order: found once per text (searching
    back from every cue made a long text's cost grow with the square of its length)."""
    return [m.start() for m in HEADING_END.finditer(text)]


HEADING_END = re.compile("[：:](?=\n)")


def apply_constructions(ctx, s: int, e: int, ms: list) -> None:
    """Fill and apply every construction whose cue stands in the sentence text[s:e]."""
    text = ctx.doc.text
    for hit in find_hits(text, s, e):
        if _cancelled(text, hit):
            continue
        if not _fill(ctx, hit, ms):
            continue
        for src, rel, tgt in hit.construction.yields:
            _yield(ctx, hit, src, rel, tgt)


def _fill(ctx, hit: Hit, ms: list) -> bool:
    for name, finder, opts in hit.construction.slots:
        found = slots.FINDERS[finder](ctx, hit, ms, opts)
        if not found:
            return False
        hit.filled[name] = found
    return True


def _yield(ctx, hit: Hit, src: str, rel: str, tgt: str) -> None:
    rule = f"construction:{hit.construction.name}"
    for a in hit.filled[src]:
        for b in hit.filled[tgt]:
            if rel == "ALIAS":
                ctx.same_body(a.node, b.node)
            elif rel == "LEADS":
                ctx.relate(a.node, rel, b.node, hit.start, rule, 0.8, role=b.role, as_of=ctx.doc.meta.date)
            else:
                ctx.relate(a.node, rel, b.node, hit.start, rule, 0.8)
