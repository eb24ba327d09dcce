"""Helpers the relation rules share: cue lists, clause bounds, mention filters."""
from __future__ import annotations

import re

from orgkg.extractors import knowledge as lexicon

CLAUSE_END = "，。；：！？,;:!?\n"
DIRECTIVE_KINDS = ("notice", "opinion", "plan", "resolution")
CLASS_NOUNS = ("社团", "学会", "协会", "单位", "企业", "组织", "高校")


def cues(key):
    return lexicon.load().cues[key]


def words(section: str) -> dict:
    """One section of data/relate.yaml: the words and patterns of one group of rules."""
    return lexicon.data_file("relate.yaml")[section]


def clause_start(text, pos, floor):
    k = max(text.rfind(ch, floor, pos) for ch in CLAUSE_END)
    return max(floor, k + 1)


def org_mentions(ms):
    return [m for m in ms if m.label == "Organization"]


def listed_before(text, orgs, at):
    """The bodies right before ``at``, joined by 、/和/与/会同 (省委办公厅、省政府办公厅印发)."""
    out = []
    for o in reversed(orgs):
        gap = text[o.end:(out[0].start if out else at)]
        # 某市纪委监委印发: the discipline commission and the supervisory commission act as one
        joint = gap == "" and text.endswith("纪委", 0, o.end)
        if out and gap not in ("、", "和", "与", "及", "会同", "，") and not joint:
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
    # an enterprise's party committee sits in it as a party group does: 中共某集团有限公司委员会
    company = re.fullmatch(r"中共(.{4,}?(?:公司|集团))委员会", name)
    if company:
        found = ctx.lookup("Organization", company.group(1))
        a, b = span or (0, 0)
        inner = (a, b - 2) if ctx.doc.text[a:b].endswith("党委") else None     # 集团公司|党委: the firm's mention
        return found or ctx.org(company.group(1), inner)
    if not name.endswith("党组"):
        return None
    body = re.sub(r"^中共", "", name)[:-2]
    found = ctx.lookup("Organization", body)
    if found or len(body) < 4 or not re.search(BODY_END, body):
        return found
    if span:
        a, b = span
        span = (a + 2 if ctx.doc.text.startswith("中共", a) else a, b - 2)
    return ctx.org(body, span if span and span[1] > span[0] else None)


BODY_END = r"(?:协会|联合会|委员会|人民政府|政府|院|局|厅|部|会|署|社|联|公司|集团)$"
