"""Helpers the relation rules share: cue lists, clause bounds, mention filters. Words:
the ``common`` section of data/relate.yaml."""
from __future__ import annotations

import re
from functools import lru_cache
from types import SimpleNamespace

from orgkg.extractors import knowledge as lexicon

DIRECTIVE_KINDS = ("notice", "opinion", "plan", "resolution")


def cues(key):
    return lexicon.load().cues[key]


def words(section: str) -> dict:
    """One section of data/relate.yaml: the words and patterns of one group of rules."""
    return lexicon.data_file("relate.yaml")[section]


@lru_cache(maxsize=1)
def _lex():
    w = words("common")
    return SimpleNamespace(w=w, company=re.compile(w["company_committee"]), body_end=re.compile(w["body_end"]),
                           prefix=w["party_names"][1])


def clause_start(text, pos, floor):
    """Where the clause holding ``pos`` starts: after the last clause mark in text[floor:pos]."""
    m = _clause_mark().match(text, floor, pos)
    return m.end() if m else floor


@lru_cache(maxsize=1)
def _clause_mark():
    # everything up to the last mark: the regex engine backs off from the end, in C
    return re.compile("[\\s\\S]*[" + "".join(re.escape(ch) for ch in _lex().w["clause_end"]) + "]")


def org_mentions(ms):
    return [m for m in ms if m.label == "Organization"]


def listed_before(text, orgs, at):
    """The bodies right before ``at``, joined by 、/和/与/会同 (省委办公厅、省政府办公厅印发)."""
    w = _lex().w
    out = []
    for o in reversed(orgs):
        gap = text[o.end:(out[0].start if out else at)]
        # 某市纪委监委印发: the discipline commission and the supervisory commission act as one
        joint = gap == "" and text.endswith(w["discipline_commission"], 0, o.end)
        if out and gap not in w["joiners"] and not joint:
            break
        if not out and len(gap) > 8:
            break
        out.insert(0, o)
    return out


def party_group_body(ctx, node, span=None):
    """The body a party group sits in: 中共X党组 -> X. The group's name states its body, so X
    is added when the document names it only inside the group's name (北京市科协党组);
    ``span`` is the group's mention, the body's is inside it."""
    name = ctx.kg.node(node)["name"]
    company = _lex().company.fullmatch(name)
    if company:
        return _company_body(ctx, company.group(1), span)
    group = _lex().w["party_group"]
    if not name.endswith(group):
        return None
    prefix = _lex().prefix
    body = re.sub("^" + prefix, "", name)[:-len(group)]
    found = ctx.lookup("Organization", body)
    if found or len(body) < 4 or not _lex().body_end.search(body):
        return found
    if span:
        a, b = span
        span = (a + len(prefix) if ctx.doc.text.startswith(prefix, a) else a, b - len(group))
    return ctx.org(body, span if span and span[1] > span[0] else None)


def _company_body(ctx, company, span):
    """An enterprise's party committee sits in it as a party group does: 中共某集团有限公司委员会."""
    found = ctx.lookup("Organization", company)
    a, b = span or (0, 0)
    committee = _lex().w["party_committee"]
    inner = (a, b - len(committee)) if ctx.doc.text[a:b].endswith(committee) else None     # 集团公司|党委
    return found or ctx.org(company, inner)
