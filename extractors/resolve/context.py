"""One document's resolved mentions: what extract.py builds and relations.py reads.

A ``Mention`` is a candidate span with the graph node it resolved to. The
context also knows the document's jurisdiction, its home body (the body most
of its units belong to), its own Document node and its main event.
"""
from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from types import SimpleNamespace

from orgkg.graph.ids import match_key

from orgkg.extractors import knowledge as lexicon
from orgkg.extractors.recognise.spans import Cand
from orgkg.extractors.resolve.names import COLLECTIVE_HEADS, Jurisdiction, canonical_org

QUOTES = "“”\"‘’"

# the words and patterns below are data: extractors/data/context.yaml says what each is
DATA = lexicon.data_file("context.yaml")
WORDS = SimpleNamespace(**DATA["words"])
COMPANY_SHORT_ENDS = tuple(DATA["company_short_ends"])
LEGAL_FORMS = tuple(DATA["legal_forms"])
NATIONAL_HEADS = tuple(DATA["national_heads"])
ORDINAL = re.compile(DATA["ordinal"])
CENTRAL = tuple(DATA["central"])
UNIT_END = "(?:" + "|".join(DATA["unit_end"]) + ")$"
OWNER = re.compile(DATA["owner"])


@dataclass
class Mention:
    cand: Cand
    node: str                  # node id in the graph
    label: str                 # schema label
    # the candidate's span, copied: rules read them hundreds of thousands of times
    start: int = field(init=False)
    end: int = field(init=False)

    def __post_init__(self):
        self.start, self.end = self.cand.start, self.cand.end


@dataclass
class DocContext:
    doc: object
    kg: object
    juris: Jurisdiction
    home: str = ""
    mentions: list = field(default_factory=list)
    self_node: str | None = None       # the Document node of this document
    issuer_node: str | None = None
    issuer_nodes: list = field(default_factory=list)   # every body of a joint issuer line
    main_event: str | None = None
    addressee_nodes: list = field(default_factory=list)
    by_key: dict = field(default_factory=dict)   # match key of a name or alias -> node id
    keyed: set = field(default_factory=set)      # (label, name or alias) already in by_key
    protected: set = field(default_factory=set)  # collectives kept even without a relation
    unit_of: dict = field(default_factory=dict)  # unit node -> the body it was named a unit of

    # -- nodes ---------------------------------------------------------------
    def add(self, label, name, aliases=(), collective=False, span=None, **props) -> str:
        name = name.strip()
        mentions = [self.doc.mention(*span)] if span else []
        node = self.kg.add_entity(label, name, [a for a in aliases if a], collective, mentions, **props)
        data = self.kg.node(node)
        for k in [data["name"], *data["aliases"]]:
            # a name keyed once is keyed for good (by_key only gains keys): a body named
            # fifty times is not keyed fifty times over
            if (label, k) not in self.keyed:
                self.keyed.add((label, k))
                self.by_key.setdefault((label, match_key(k)), node)
                self.by_key.setdefault((label, _organ_key(k)), node)
        return node

    def lookup(self, label, name):
        return self.by_key.get((label, match_key(name)))

    def org(self, surface, span=None, collective=False) -> str:
        canon, aliases = canonical_org(surface, self._local_juris(surface, span), self.home, collective)
        known = self._known_org(surface, canon, aliases)
        if known and self.kg.node(known)["name"] != canon:
            canon = self.kg.node(known)["name"]
        props = {"jurisdiction": self._org_jurisdiction(canon)}
        # 中央第三十八指导组 and 中央指导组 are one body: the form without the ordinal is an alias
        plain = ORDINAL.sub("", surface)
        if plain != surface:
            aliases = [*aliases, plain]
            known = known or self.lookup("Organization", plain)
            canon = self.kg.node(known)["name"] if known else canon
        return self.add("Organization", canon, aliases, collective, span, **props)

    def _local_juris(self, surface, span) -> Jurisdiction:
        """A bare level (省政协) right after a body of a named place of that level in the same
        sentence (吉林省委常委、省政协党组副书记) is that place's; else the document's."""
        level = surface[:1]
        if not span or level not in LEVEL_CHARS or lexicon.load().places.get(surface[:2]):
            return self.juris
        s, _ = self.doc.sentence_at(span[0])
        before = self.in_sentence(s, span[0], "Organization")
        for m in reversed(before[-3:]):
            place = _place_of_level(m.cand.text, level)
            if place:
                return Jurisdiction(place, LEVEL_KINDS[level])
        return self.juris

    def _known_org(self, surface, canon, aliases):
        """The node a body already has under one of its names, or None."""
        known = next((k for k in (self.lookup("Organization", a) for a in [surface, canon, *aliases]) if k), None)
        if not known:
            # 省国资委 after 省政府国资委: a government's organ named with or without its government
            known = self.by_key.get(("Organization", _organ_key(canon)))
        if not known and canon.endswith(COMPANY_SHORT_ENDS):
            # 某集团 after 某集团有限公司 in one text: the company's short form, not another body
            known = next((k for k in (self.lookup("Organization", canon + t) for t in LEGAL_FORMS) if k), None)
        return known

    def _org_jurisdiction(self, canon):
        """全国 for a national body, the document's place for a body named after it, else None."""
        national = canon in lexicon.load().national_aliases or canon.startswith(NATIONAL_HEADS)
        local = self.juris.name and self.juris.name in canon
        return WORDS.nationwide if national else self.juris.name if local else None

    def unit(self, parent: str, surface: str, span=None, others=()) -> str:
        """A unit a text names bare inside its body's list (办公厅, 人事司): named after that body
        (某委员会办公厅), the bare form and any name in brackets kept as aliases."""
        parent_name = self.kg.node(parent)["name"]
        full = surface if surface.startswith(parent_name) else parent_name + surface
        known = self.lookup("Organization", surface)
        if known and self.kg.node(known)["name"].startswith(parent_name):
            full = self.kg.node(known)["name"]
        props = {"jurisdiction": self.kg.node(parent).get("jurisdiction")}
        node = self.add("Organization", full, [surface, *others], span=span, **props)
        self.unit_of.setdefault(node, parent)
        return node

    def same_body(self, other: str, body: str) -> None:
        """A second nameplate (加挂X牌子, 与X合署办公): X's names become aliases of the body,
        this document's mentions of X point at the body, and X is no entity of its own
        unless another text relates it."""
        if other == body:
            return
        g, data = self.kg.g, self.kg.node(other)
        moved = [m for m in data["mentions"] if m.get("file") == self.doc.file]
        self.kg.add_entity("Organization", self.kg.node(body)["name"], [data["name"], *data["aliases"]], mentions=moved)
        for k in [data["name"], *data["aliases"]]:
            self.by_key[("Organization", match_key(k))] = body
        for m in self.mentions:
            if m.node == other:
                m.node = body
        data["mentions"] = [m for m in data["mentions"] if m.get("file") != self.doc.file]
        if not data["mentions"] and g.degree(other) == 0:
            g.remove_node(other)

    def span_of(self, node: str):
        """Where this document names ``node`` (start, end in its text), or None: its first
        mention among the candidates, else the first of the node's mentions in this file
        found again in the text (an addressee, an issuer read from the header)."""
        found = next(((m.start, m.end) for m in self.mentions if m.node == node), None)
        if found:
            return found
        for m in self.kg.node(node)["mentions"]:
            k = self.doc.text.find(m.get("text", ""), 0) if m.get("file") == self.doc.file and m.get("text") else -1
            if k >= 0:
                return k, k + len(m["text"])
        return None

    def home_node(self):
        return self.lookup("Organization", self.home) if self.home else None

    # -- text helpers ---------------------------------------------------------
    def in_sentence(self, start, end, label=None):
        return [m for m in self.mentions if start <= m.start and m.end <= end and (label is None or m.label == label)]

    def relate(self, src, rel, tgt, pos, rule, confidence=0.8, doc=None, **props):
        """Add src -rel-> tgt with the sentence around ``pos`` (in ``doc``, default this
        document) as evidence; silently skips pairs the schema does not allow."""
        if not src or not tgt or src == tgt:
            return
        s_label, t_label = self.kg.node(src)["label"], self.kg.node(tgt)["label"]
        if not self.kg.schema.relation(rel).allows(s_label, t_label):
            return
        doc = doc or self.doc
        ev = doc.evidence(*doc.sentence_at(pos), rule, confidence)
        self.kg.add_relation(src, rel, tgt, ev, **props)


def _without_party(name: str) -> str:
    return name[len(WORDS.party_short):] if name.startswith(WORDS.party_short) else name


# the level characters a bare name can open with (省委, 市政协), and the kind of place each names
LEVEL_KINDS = DATA["level_kinds"]
LEVEL_CHARS = "".join(LEVEL_KINDS)


def _organ_key(name: str) -> str:
    """The key a government's organ shares with and without its government's name
    (某省人民政府国有资产监督管理委员会, 某省国有资产监督管理委员会); the government itself
    keeps its own."""
    word = DATA["government"]
    k = name.find(word)
    if k > 0 and not name.endswith(word):
        name = name[:k] + name[k + len(word):]
    return "organ:" + match_key(name)


def _place_of_level(name: str, level: str) -> str:
    """The place of that level a name opens with (吉林省委常委 -> 吉林省 for 省), or ''."""
    places = lexicon.load().places
    for n in range(min(len(name), lexicon.longest_place()), 2, -1):
        p = places.get(name[:n])
        if p and p.named_by(name[:n]) and p.name.endswith(level):
            return p.name
    return ""


def home_body(orgs: list, issuer: str = "") -> str:
    """The body a document's bare units belong to: the body its issuer is a unit of
    (中共重庆市科学技术协会党组 -> 重庆市科学技术协会), else the body most often named
    without a unit suffix. The party centre is never a home."""
    plain = _plain_bodies(orgs)
    home = _issuer_home(issuer, plain) if issuer else None
    if home is not None:
        return home
    counts = Counter(plain)
    if counts and max(counts.values()) == 1:
        return _first_named(orgs, counts)
    if not counts:
        # a news item that names a body only through its party group (某集团有限公司党组召开会议):
        # the group's body is home to the bare forms that follow (集团公司党组)
        counts = Counter(m.group(1) for m in (OWNER.match(_without_party(n)) for n in orgs) if m)
    return counts.most_common(1)[0][0] if counts else ""


def _plain_bodies(orgs: list) -> list:
    """The names that may be a home: no party body, class of bodies or unit."""
    return [n for n in orgs if n not in CENTRAL and not n.startswith((WORDS.party_short,) + COLLECTIVE_HEADS)
            and not _is_unit(n)]


def _issuer_home(issuer: str, plain: list):
    """The longest body named in the text that the issuer is a unit of, or the issuer
    when it is itself a body (中国科学技术协会); else None."""
    core = _without_party(issuer)
    prefixes = [n for n in set(plain) if core.startswith(n) and n != core]
    if prefixes:
        return max(prefixes, key=len)
    if issuer == core and not _is_unit(issuer):
        return issuer
    return None


def _is_unit(name: str) -> bool:
    """A name ending like a unit (组织部, 编制委员会) that is no ministry (交通运输部) or
    government commission (某省卫生健康委员会): those are the homes of their own units."""
    if not re.search(UNIT_END, name):
        return False
    if lexicon.load().national.get(name) == name:
        return False
    return not name.endswith(tuple(w + WORDS.commission for w in lexicon.load().w("state_commissions")))


def _first_named(orgs: list, counts: Counter) -> str:
    """A short item naming each body once: the first named is its subject, whether bare or
    through its party committee (某集团有限公司党委书记…会见某公司副总经理)."""
    first = [m.group(1) if m else n for n, m in ((n, OWNER.match(_without_party(n))) for n in orgs)
             if m or n in counts]
    return first[0]
