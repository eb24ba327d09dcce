"""Slot finders of the construction interpreter, chosen by name from
data/constructions.yaml. Each takes (ctx, hit, mentions of the sentence,
options) and returns what fills the slot: a list of ``Filled`` (a node and
its span, with a role for a post), empty when the slot finds nothing.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from orgkg.extractors import knowledge
from orgkg.extractors.relate.common import org_mentions, party_group_body, words


@lru_cache(maxsize=1)
def _w():
    w = words("slots")
    return (w, re.compile(w["list_close"]), re.compile(w["numbered_item"]), re.compile(w["not_in_unit"]),
            re.compile(w["list_opener"]))


@dataclass(frozen=True)
class Filled:
    node: str
    start: int
    end: int
    role: str | None = None


def _filled(m) -> Filled:
    return Filled(m.node, m.start, m.end)


def _anchor(hit, opts) -> int:
    """Where a slot looks from: the cue, or the start of a slot filled before it."""
    at = opts.get("at")
    return hit.filled[at][0].start if at else hit.start


def _gap_ok(gap: str, allowed) -> bool:
    """Whether ``gap`` may stand between a slot and its anchor: one of the ``allowed``
    strings, a pattern written as "re:…", or anything when allowed is "*"."""
    if allowed == "*" or gap in allowed:
        return True
    patterns = (knowledge.written_pattern(a) for a in allowed)
    return any(p is not None and re.fullmatch(p, gap) for p in patterns)


def org_before(ctx, hit, ms, opts) -> list:
    """The body named last before the cue (or before slot ``at``) with only ``gap`` between."""
    text, pos = ctx.doc.text, _anchor(hit, opts)
    allowed = opts.get("gap", [""])
    floor = hit.sentence[0]
    orgs = [o for o in org_mentions(ms) if floor <= o.start and o.end <= pos and _gap_ok(text[o.end:pos], allowed)]
    if orgs:
        return [_filled(orgs[-1])]
    subject = _subject_before(ctx, hit) if opts.get("or_subject") else None
    if subject:
        return [subject]
    home = ctx.home_node() if opts.get("or_home") else None
    return [Filled(home, hit.start, hit.start)] if home else []


def _subject_before(ctx, hit):
    """The body that opens one of the two sentences before the cue's (某办公室为县委工作部门。
    下设…): the subject the text goes on about."""
    starts = [s for s, _ in ctx.doc.sentences if s < hit.sentence[0]][-2:]
    found = [m for m in ctx.mentions if m.label == "Organization" and m.start in starts]
    return _filled(found[-1]) if found else None


def org_after(ctx, hit, ms, opts) -> list:
    """The body named first after the cue, past any of the ``skip`` words."""
    text, pos = ctx.doc.text, hit.end
    for w in sorted(opts.get("skip", []), key=len, reverse=True):
        if text.startswith(w, pos):
            pos += len(w)
            break
    found = [o for o in org_mentions(ms) if o.start == pos]
    return [_filled(found[0])] if found else []


def orgs_before(ctx, hit, ms, opts) -> list:
    """The bodies listed right before the cue (A、B和C划入…), past a leading 将."""
    text = ctx.doc.text
    orgs = [o for o in org_mentions(ms) if o.end <= hit.start]
    out = []
    pos = hit.start
    for o in reversed(orgs):
        gap = text[o.end:pos]
        if gap not in (_w()[0]["list_joiners"] if out else _w()[0]["list_gap_first"]):
            break
        out.insert(0, o)
        pos = o.start
    return [_filled(o) for o in out]


@lru_cache(maxsize=1)
def _unit_end():
    words = knowledge.load().w("unit_list_suffixes")
    return re.compile("(?:" + "|".join(map(re.escape, sorted(words, key=len, reverse=True))) + ")$")


PAREN = re.compile(r"[（(]([^（）()]{2,30})[）)]")


def _list_items(text: str, pos: int, end: int) -> list:
    """(start, end) of each item of the list that starts at pos, up to the end of the sentence."""
    stop = re.search(r"[。；;]", text[pos:end])
    end = pos + stop.start() if stop else end
    items, k = [], pos
    for part in re.split(r"([、，,])", text[pos:end]):
        if part in "、，," and part:
            k += len(part)
            continue
        items.append((k, k + len(part)))
        k += len(part)
    return items


def _numbered_items(text: str, pos: int) -> list:
    """(start, end) of each item's name; an item's line may go on with what the unit does
    (（一）办公厅。负责…): the next item starts on the next line."""
    out = []
    for m in iter(lambda: _w()[2].match(text, _line_end(text, out[-1][1]) if out else pos), None):
        out.append((m.start(1), m.end(1)))
    return out


def _line_end(text: str, pos: int) -> int:
    k = text.find("\n", pos)
    return len(text) if k < 0 else k


def units_after(ctx, hit, ms, opts) -> list:
    """The units listed after the cue (：A、B、C等N个内设机构, or one numbered item a line),
    each made a unit of slot ``of``."""
    text = ctx.doc.text
    parent = hit.filled[opts["of"]][0].node
    opener = _w()[4].match(text, hit.end)
    pos = opener.end() if opener else hit.end
    out = []
    for a, b in _numbered_items(text, pos) or _list_items(text, pos, hit.sentence[1]):
        core = PAREN.sub("", text[a:b])
        close = _w()[1].search(core)
        name = core[:close.start()] if close and close.group() else core
        if not (2 <= len(name) <= 20) or not _unit_end().search(name) or _w()[3].search(name):
            break
        others = PAREN.findall(text[a:b])
        out.append(Filled(ctx.unit(parent, name, (a, a + len(name)), others), a, a + len(name)))
        if close and close.group():
            break
    return out


def nameplate_after(ctx, hit, ms, opts) -> list:
    """The second name a body carries: 加挂X牌子 (X is a body named right after the cue)."""
    text = ctx.doc.text
    found = [o for o in org_mentions(ms) if o.start == hit.end and text.startswith(_w()[0]["nameplate_end"], o.end)]
    return [_filled(found[0])] if found else []


def person_before(ctx, hit, ms, opts) -> list:
    text, allowed = ctx.doc.text, opts.get("gap", [""])
    people = [m for m in ms if m.label == "Person" and m.end <= hit.start and _gap_ok(text[m.end:hit.start], allowed)]
    return [_filled(people[-1])] if people else []


def person_after(ctx, hit, ms, opts) -> list:
    text, allowed = ctx.doc.text, opts.get("gap", [""])
    people = [m for m in ms if m.label == "Person" and m.start >= hit.end and _gap_ok(text[hit.end:m.start], allowed)]
    return [_filled(people[0])] if people else []


@lru_cache(maxsize=1)
def _titles():
    lex = knowledge.load()
    return sorted(lex.w("titles"), key=len, reverse=True), set(lex.w("member_titles"))


def _title_at(text: str, pos: int) -> str:
    return next((t for t in _titles()[0] if text.startswith(t, pos)), "")


def posts_after(ctx, hit, ms, opts) -> list:
    """The posts named after the cue (or after slot ``at`` and one of ``after_word``):
    body + title, joined by 、; a bare title is a post in the body of the post before it
    (某委党组书记、主任: the 主任 of the 委). A member's seat (常委, 委员) leads nothing."""
    pos = _posts_start(ctx.doc.text, hit, opts)
    out, body = [], None
    while pos is not None:
        pos, body, post = _one_post(ctx, ms, pos, body)
        if post:
            out.append(post)
    return out


def _posts_start(text, hit, opts):
    """Where the list of posts starts, or None when the word that must come first is missing."""
    pos = hit.filled[opts["at"]][0].end if opts.get("at") else hit.end
    after = sorted(opts.get("after_word", []), key=len, reverse=True)
    word = next((w for w in after if text.startswith(w, pos)), None)
    if after and word is None:
        return None
    return pos + len(word or "")


def _one_post(ctx, ms, pos, body) -> tuple:
    """(where the next post starts or None, the body, the post or None) for the post at pos."""
    text = ctx.doc.text
    org = next((o for o in org_mentions(ms) if o.start == pos), None)
    start = org.end if org else pos
    title = _title_at(text, start)
    if not title or (not org and body is None):
        return None, body, None
    body = org.node if org else (party_group_body(ctx, body) or body)
    post = None if title in _titles()[1] else Filled(body, pos, start + len(title), title)
    end = start + len(title)
    return (end + 1 if text[end:end + 1] == "、" else None), body, post


def home(ctx, hit, ms, opts) -> list:
    """The document's home body (an 编办 entry's 单位名称), whatever the sentence names."""
    node = ctx.home_node()
    return [Filled(node, hit.start, hit.end)] if node else []


FINDERS = {
    "org_before": org_before,
    "org_after": org_after,
    "orgs_before": orgs_before,
    "units_after": units_after,
    "nameplate_after": nameplate_after,
    "person_before": person_before,
    "person_after": person_after,
    "posts_after": posts_after,
    "home": home,
}
