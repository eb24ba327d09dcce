"""Turn the pipeline's candidates into graph nodes for one document: canonical
names (resolve.py), forms of one initiative merged across a file, bare unit
words (党组, 书记处) put under the document's home body, and collectives named
only in passing dropped once the relation rules have run.
"""
from __future__ import annotations

import re
from collections import Counter
from functools import lru_cache

from orgkg.extractors import knowledge as lexicon
from orgkg.extractors.recognise.campaigns import find_campaigns
from orgkg.extractors.recognise.initiatives import find_initiatives
from orgkg.extractors.knowledge import national_alternation
from orgkg.extractors.recognise.orgs import split_joint
from orgkg.extractors.recognise.spans import Cand, is_cjk
from orgkg.extractors.resolve.context import QUOTES, DocContext, Mention
from orgkg.extractors.resolve.names import BARE_SUBUNITS, level_place

LABELS = {"ORG": "Organization", "PERSON": "Person", "EVENT": "Event", "INIT": "Initiative", "DOC": "Document"}


@lru_cache(maxsize=1)
def national_re():
    return re.compile(national_alternation())


def add_entities(ctx: DocContext, cands: list, same_init: dict) -> None:
    """One node (and mention) per candidate, then bare units and bodies heading a meeting's name."""
    doc = ctx.doc
    header = [tuple(sp) for key in ("addressee_spans", "copy_spans") for sp in doc.meta.get(key) or []]
    for c in cands:
        if c.label == "ORG" and any(a <= c.start and c.end <= b for a, b in header):
            continue      # the addressee and copy lines are read from the metadata
        if c.label == "ORG" and c.text == "各单位" and any(a.endswith("单位") for a in doc.meta.get("addressees") or []):
            continue      # 各单位要… after an addressee line of 各单位 means those addressees again
        if c.props.get("kind") == "sitting" and not _convener(cands, c, doc.text):
            continue      # 第八次会议 with no body holding it names nothing
        parts = split_joint(c.text) if c.label == "ORG" and not c.props else [(c.text, 0)]
        for text, k in parts:      # 中共某县委某县人民政府关于…: two bodies side by side
            part = c if len(parts) == 1 else Cand(c.start + k, c.start + k + len(text), text, "ORG")
            ctx.mentions.append(Mention(part, _node(ctx, part, cands, same_init), LABELS[c.label]))
    for c in cands:
        # a body named at the head of a meeting: 中央政治局第六次集体学习
        m = national_re().match(c.text) if c.label == "EVENT" else None
        if not (m and not c.props.get("kind")) and c.props.get("kind") == "local_plenum":
            m = re.match(r".{0,12}?委(?=[一二三四五六七八九十]+届)", c.text)    # 县委十五届五次全会: the county committee
        if not m and c.label == "EVENT":
            m = CONGRESS_OF.match(c.text)      # 某市文联第八次代表大会: the federation holds it
        if m and (not c.props.get("kind") or c.props["kind"] == "local_plenum" or m.re is CONGRESS_OF):
            node = ctx.org(m.group(), (c.start, c.start + m.end()))
            ctx.mentions.append(Mention(Cand(c.start, c.start + m.end(), m.group(), "ORG"), node, "Organization"))
    for c in [c for c in cands if c.label == "EVENT"]:
        # the campaign a meeting pushes (全市某某整治推进会) lies inside the meeting's name
        for x in find_campaigns(c.text):
            span = (c.start + x.start, c.start + x.end)
            ctx.mentions.append(Mention(Cand(*span, x.text, "INIT"), ctx.add("Initiative", x.text, span=span), "Initiative"))
    for s, e, unit in _bare_units(ctx, [(c.start, c.end) for c in cands]):
        node = ctx.org(unit, (s, e), collective=unit.startswith(("各", "机关各", "直属")))
        ctx.mentions.append(Mention(Cand(s, e, unit, "ORG"), node, "Organization"))
    for s, e, surface, name in _self_short_forms(ctx, [(m.start, m.end) for m in ctx.mentions] + header):
        ctx.mentions.append(Mention(Cand(s, e, surface, "ORG"), ctx.add("Organization", name, [surface], span=(s, e)),
                                    "Organization"))
    for c in cands:
        if c.label == "DOC":
            for s, e, form in _initiatives_in_title(doc.text, c):
                node = ctx.add("Initiative", form, [doc.text[s:e], *_initiative_aliases(form)], span=(s, e))
                ctx.mentions.append(Mention(Cand(s, e, form, "INIT"), node, "Initiative"))
    school = ctx.juris.name if ctx.juris.level == "school" else ""
    if school and school in doc.text:
        # a university's own documents name it inside 中共X大学委员会 / 校长: it is a body of the text
        k = doc.text.find(school)
        node = ctx.org(school, (k, k + len(school)))
        if not any(m.start < k + len(school) and k < m.end for m in ctx.mentions):
            ctx.mentions.append(Mention(Cand(k, k + len(school), school, "ORG"), node, "Organization"))
    ctx.mentions.sort(key=lambda m: m.start)
    if not ctx.main_event:
        # the meeting a news headline names (市委六届三次全会举行)
        a, b = doc.meta.get("title_span") or (0, 0)
        ctx.main_event = next((m.node for m in ctx.mentions if m.label == "Event" and a <= m.start < b), None)


def _node(ctx: DocContext, c: Cand, cands: list, same_init: dict) -> str:
    label, span, juris = LABELS[c.label], (c.start, c.end), ctx.juris
    if c.props.get("canonical") and c.label in ("ORG", "DOC"):
        return ctx.add(label, c.props["canonical"], [c.text], span=span)
    if c.label == "ORG":
        return ctx.org(c.props.get("resolve_as", c.text), span, c.collective)
    if c.label == "EVENT":
        canon = c.props.get("canonical", c.text)
        if "{place}" in canon:
            # 市委六届四次全会 in a county's news is the city's plenum: keep the words as written
            level = re.match(r"自治区|[省市区县州]", c.text)
            place = level_place(level.group(), juris) if level else ""
            canon = canon.replace("{place}", place) if place else c.text
        convener = _convener(cands, c, ctx.doc.text) if c.props.get("convened") else None
        if convener and c.props.get("kind") == "sitting":
            # a numbered or enlarged sitting (市教育局党组（扩大）会议) is named by its body's full name
            return ctx.add(label, ctx.kg.node(ctx.org(convener))["name"] + c.text, [convener + c.text], span=span)
        return ctx.add(label, convener + c.text if convener else canon, [c.text], span=span)
    if c.label == "INIT":
        name = "主题教育" if c.text.endswith("主题教育") else same_init.get(c.text, c.text)
        return ctx.add(label, c.props.get("canonical", name), _initiative_aliases(c.text), span=span)
    if c.label == "DOC":
        earlier = _referred_document(ctx, c.text)
        if earlier:
            return ctx.add(label, earlier, [c.text], span=span)
        known = ctx.lookup("Document", c.text)
        return ctx.add(label, ctx.kg.node(known)["name"] if known else c.text, span=span)
    return ctx.add(label, c.text, span=span)


DRAFT = re.compile(r"[（(](?:讨论稿|征求意见稿|草案|送审稿|代拟稿|审议稿)[）)]$")


def _referred_document(ctx: DocContext, title: str) -> str:
    """《决定（讨论稿）》 after 《中共某县委关于…的决定》 names the same text by its kind word:
    the name of the last document before it that ends with that word, or ''."""
    kind = DRAFT.sub("", title)
    if len(kind) > 4 or kind not in lexicon.load().cues["directive_title_words"]:
        return ""
    names = [ctx.kg.node(m.node)["name"] for m in ctx.mentions if m.label == "Document"]
    return next((n for n in reversed(names) if n.endswith(kind) and n != kind), "")


# a mass organisation or society named at the head of its own congress
CONGRESS_OF = re.compile(r"[\u4e00-\u9fff]{2,20}?(?:联合会|协会|学会|研究会|科协|社科联|文联|侨联|残联|工商联|总工会|妇联|联谊会|商会)"
                         r"(?=第[一二三四五六七八九十]{1,3}次(?:会员)?代表大会|成立大会)")


def _bare_units(ctx: DocContext, taken: list) -> list:
    """Bare unit words (党组, 书记处, 机关党委) standing alone in a list or as a subject."""
    out = []
    text = ctx.doc.text
    units = list(BARE_SUBUNITS)
    for short, full in lexicon.load().abbreviations:
        if ctx.home.endswith(full) and len(ctx.home) > len(full):
            units.append(short)       # bare 科协 in a 科协 document is the home body
    for unit in units:
        for m in re.finditer(re.escape(unit), text):
            s, e = m.start(), m.end()
            if any(a < e and s < b for a, b in taken):
                continue
            before, after = text[s - 1:s], text[e:e + 1]
            if (not before or before in "、，。；：\n和或由对向与及") and after not in "织会成书理中组员":
                out.append((s, e, unit))
    return out


SELF_TAIL = re.compile(r"(集团|公司|分院|研究院|医院|分会|厅|局)(?:有限责任公司|股份有限公司|有限公司)?$")
SELF_UNIT = (r"(党委(?:组织部|宣传部|办公室|统战部)?|[\u4e00-\u9fff]{1,4}?(?:部|处|室|中心)"
             r"(?=[要须应负和及、，。；：的在将]|$))")


def _self_short_forms(ctx: DocContext, taken: list) -> list:
    """A body's documents call it by its kind (集团, 分院): 集团党委组织部, 分院综合处 are units of
    the issuing body. Returns (start, end, surface, canonical name)."""
    issuer = ctx.kg.node(ctx.issuer_node)["name"] if ctx.issuer_node else ""
    if not issuer and ctx.home.endswith("医院"):
        issuer = ctx.home       # a hospital's news calls its party committee 医院党委
    m = re.fullmatch(r"中共(.+)委员会", issuer)
    body = m.group(1) if m else issuer
    tail = SELF_TAIL.search(body)
    if not tail:
        return []
    out, text = [], ctx.doc.text
    kind = "(?:医院|院(?=党委))" if tail.group(1) == "医院" else tail.group(1)     # 院党委 in a hospital's news
    for f in re.finditer(kind + SELF_UNIT, text):
        s, e, unit = f.start(), f.end(), f.group(1)
        if "各" in unit or s and is_cjk(text[s - 1]) and text[s - 1] not in "的和与及由在对向经、" or any(a < e and s < b for a, b in taken):
            continue
        if unit.startswith("党委"):
            name = (f"中共{body}委员会" if m or not ctx.issuer_node else issuer) + unit[2:]
        else:
            name = body + unit
        out.append((s, e, f.group(), name))
    return out


def _initiatives_in_title(text: str, title: Cand) -> list:
    """A national strategy a title says to carry out: 《关于深入推进乡村振兴的决定》. Only after an
    action verb (a 纲要 of 全民科学素质行动 is not asked to carry it out)."""
    a, b = title.props.get("inner", (title.start, title.end))
    verbs = "|".join(map(re.escape, lexicon.load().cues["requires"] + lexicon.load().w("cut_before")))
    out = []
    for c in find_initiatives(text[a:b]):
        if c.props.get("canonical") and re.search(f"(?:{verbs})$", text[a:a + c.start]):
            out.append((a + c.start, a + c.end, c.props["canonical"]))
    return out


def merge_initiatives(names: list) -> dict:
    """Forms of one initiative inside a file: names sharing a tail of five or more
    characters (社会主义现代化新重庆建设, 新时代新征程新重庆建设 -> 现代化新重庆建设) or the same
    quoted head (“双高”建设, “双高”项目建设). The most frequent form, then the shortest,
    names them all. Returns form -> chosen name."""
    counts = Counter(names)
    bare = {n: re.sub(f"[{QUOTES}]", "", n) for n in counts}
    out = {}
    for n in counts:
        lead = re.match(r"“[^”]+”", n)
        group = [m for m in counts if m != n and (_shared_tail(bare[m], bare[n]) >= 5
                                                  or lead and m.startswith(lead.group()))]
        if group:
            out[n] = max(group + [n], key=lambda m: (counts[m], -len(m)))
    return out


def _shared_tail(a: str, b: str) -> int:
    k = 0
    while k < min(len(a), len(b)) and a[-1 - k] == b[-1 - k]:
        k += 1
    return k


def _convener(cands, event, text) -> str:
    """The body right before 召开/举行 that convenes a named meeting (X党组召开Y会议), or, for a
    numbered sitting, right before its number (市政府第45次常务会议, 中心组进行第5次集体学习)."""
    sitting = event.props.get("kind") == "sitting"
    verbs = ("召开", "举行", "进行") if sitting else ("召开", "举行")
    for c in cands:
        if c.label != "ORG":
            continue
        if c.end + 2 == event.start and text[c.end:event.start] in verbs:
            return c.text
        if sitting and c.end == event.start:
            return c.text
    return ""


def _initiative_aliases(name: str) -> list:
    core = re.sub(f"[{QUOTES}]", "", name)
    out = [core]
    for suf in ("建设", "活动", "行动", "品牌"):
        if core.endswith(suf) and len(core) > len(suf) + 1:
            out.append(core[: -len(suf)])
    if core.endswith("主题教育"):
        out.append("主题教育")
    return out


def prune_passing_collectives(ctx: DocContext) -> None:
    """A class of bodies named in passing is not an entity: keep a collective only
    when this file relates it to something (addressed, directed, required)."""
    g, file = ctx.kg.g, ctx.doc.file
    directed = {m.node for m in ctx.mentions if m.label == "Organization" and _given_duty(ctx.doc.text, m.start, m.end)}
    for node in {m.node for m in ctx.mentions if m.label == "Organization"}:
        data = g.nodes[node]
        if not data.get("collective") or node in ctx.protected or node in directed:
            continue
        related = any(any(ev.get("file") == file for ev in d.get("evidence", []))
                      for _, _, d in list(g.in_edges(node, data=True)) + list(g.out_edges(node, data=True)))
        if related:
            continue
        data["mentions"] = [m for m in data["mentions"] if m.get("file") != file]
        if not data["mentions"] and g.degree(node) == 0:
            g.remove_node(node)


# a duty set for a class in a news item with no document to require it: 各村党组织要…, 要求各社区党委…
# (各市县、省直各部门要; a zone may close the list: 各县（市、区）、开发区要)
DUTY_AFTER = re.compile(r"(?:、(?:[\u4e00-\u9fff]{0,2}各[\u4e00-\u9fff（）]{1,10}|[\u4e00-\u9fff]{0,4}(?:开发区|高新区|经开区|新区|园区)))*"
                        r"(?:要|须|必须|应当|务必)")
DUTY_LIST_BEFORE = re.compile(r"(?:要求|督促|号召|请)(?:各?[\u4e00-\u9fff（）]{1,10}、)*$")


def _given_duty(text: str, start: int, end: int) -> bool:
    """Only a whole class with a clean left edge (not 区级各部门's 各部门), never 各地各部门 or
    各级…, which describe no bodies."""
    if text.startswith(("各地", "各级"), start) or start and text[start - 1] not in "，。；：、\n求请导召":
        return False
    # 要求各街道、区属各部门…: the ask covers the whole list
    return bool(DUTY_AFTER.match(text, end)) or bool(DUTY_LIST_BEFORE.search(text, max(0, start - 40), start))
