"""The one graph in the middle: a networkx MultiDiGraph keyed by deterministic ids.

Extractors add entities and relations to it; stores, the page and the file
exports read it. Its JSON form is the export contract other tools read::

    {"nodes": [{"id", "label", "name", "aliases", "collective", "mentions", ...}],
     "edges": [{"source", "target", "type", "evidence", ...}]}
"""
from __future__ import annotations

import gc
import json
from contextlib import contextmanager
from pathlib import Path

import networkx as nx

from .errors import InputError
from .files import atomic_open
from .ids import edge_id, make_id
from .model import load_schema
from .printable import clean_name

NODE_LIST_KEYS = ("aliases", "mentions")


@contextmanager
def gc_paused():
    """Cyclic garbage collection off while a bulk of long-lived objects is built (a graph
    read, a page's data): each full collection walks every object made so far, so with
    it on the cost of a large graph grows faster than its size."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


# Below this length a list is searched; from it on, an index answers "seen?" so that a
# hub's thousands of mentions cost O(1) per add, not O(n).
INDEX_FROM = 16


def _key(item):
    if isinstance(item, dict):
        try:
            return frozenset(item.items())
        except TypeError:             # a list value: compare as JSON text instead
            return json.dumps(item, sort_keys=True, ensure_ascii=False)
    return item


class _SeenIndex:
    """Where the items of long lists stand, by the hash of their key, by list identity.
    Only the hash is kept, not the key: the keys of every mention and piece of evidence
    took more memory than the graph itself. An item is compared with the ones whose hash
    it shares. A list changed behind the graph's back (replaced, or its length changed)
    is simply re-indexed."""

    def __init__(self):
        self._by_list = {}

    def add_unique(self, target: list, items) -> None:
        entry = None
        for item in items:
            if entry is None and len(target) < INDEX_FROM:
                if item not in target:
                    target.append(item)
                continue
            entry = entry or self._entry(target)
            key = _key(item)
            at = entry[1].setdefault(hash(key), [])
            if not any(_key(target[i]) == key for i in at):
                at.append(len(target))
                target.append(item)
        if entry is not None:
            entry[2] = len(target)

    def _entry(self, target: list) -> list:
        entry = self._by_list.get(id(target))
        if entry is None or entry[0] is not target or entry[2] != len(target):
            positions = {}
            for i, item in enumerate(target):
                positions.setdefault(hash(_key(item)), []).append(i)
            entry = [target, positions, len(target)]
            self._by_list[id(target)] = entry
        return entry


def _no_constant(name):
    raise ValueError(f"{name} is not a JSON number")


def compact_json(value) -> str:
    """JSON text with no spaces and the characters as they are, made by json's C encoder
    (json.dump and an indented dump go through its Python one, 4x slower)."""
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"))


def export_text(data: dict) -> str:
    """An export as JSON text, one node or edge a line: readable and diffable, and made by
    the C encoder (see compact_json)."""
    parts = [compact_json(key) + (":[\n" + ",\n".join(map(compact_json, items)) + "\n]" if items else ":[]")
             for key, items in data.items()]
    return "{" + ",\n".join(parts) + "}\n"


class KnowledgeGraph:
    """Entities and relations with their provenance.

    >>> kg = KnowledgeGraph()
    >>> a = kg.add_entity("Organization", "重庆市科学技术协会", aliases=["市科协"])
    >>> d = kg.add_entity("Document", "2022年工作要点")
    >>> kg.add_relation(a, "ISSUED", d, evidence={"file": "x.txt", "sentence": "…", "start": 0, "end": 1})
    >>> kg.counts()["edges"]
    1
    """

    def __init__(self, schema=None):
        self.schema = schema or load_schema()
        self.g = nx.MultiDiGraph()
        self._seen = _SeenIndex()

    # -- building -----------------------------------------------------------
    def add_entity(self, label, name, aliases=(), collective=False, mentions=(), **props) -> str:
        self.schema.entity(label)
        # control characters from a document or a file name never reach a name or a terminal
        name = clean_name(name)
        aliases = [a for a in map(clean_name, aliases) if a]
        node_id = make_id(label, name)
        if node_id not in self.g:
            self.g.add_node(node_id, id=node_id, label=label, name=name, aliases=[],
                            collective=bool(collective), mentions=[])
        data = self.g.nodes[node_id]
        self._seen.add_unique(data["aliases"], (a for a in aliases if a != name))
        self._seen.add_unique(data["mentions"], mentions)
        data["collective"] = data["collective"] or bool(collective)
        for key, value in props.items():
            if value is None:
                continue
            if isinstance(value, list):
                self._seen.add_unique(data.setdefault(key, []), value)
            else:
                data.setdefault(key, value)
        return node_id

    def add_relation(self, source, rel, target, evidence=None, **props) -> str:
        s, t = self.g.nodes[source], self.g.nodes[target]
        self.schema.check_edge(rel, s["label"], t["label"])
        key = edge_id(source, rel, target)
        if not self.g.has_edge(source, target, key):
            self.g.add_edge(source, target, key=key, id=key, type=rel, evidence=[])
        data = self.g.edges[source, target, key]
        if evidence:
            self._seen.add_unique(data["evidence"], [evidence] if isinstance(evidence, dict) else evidence)
        for k, v in props.items():
            if v is not None:
                data.setdefault(k, v)
        return key

    def merge(self, other: "KnowledgeGraph") -> None:
        for _, data in other.g.nodes(data=True):
            self._merge_node(data)
        for s, t, data in other.g.edges(data=True):
            self._merge_edge(s, t, data)

    def merge_dict(self, data: dict) -> None:
        """Merge a graph in its export form (one file's result, say) into this one.

        Merging per-file graphs in the files' order gives the graph one pass over
        the files gives: lists keep first-seen order, the first value of a property wins."""
        for node in data.get("nodes", []):
            self._merge_node(node)
        for edge in data.get("edges", []):
            self._merge_edge(edge["source"], edge["target"], edge)

    def _merge_node(self, data):
        extra = {k: v for k, v in data.items() if k not in ("id", "label", "name", "aliases", "collective", "mentions")}
        self.add_entity(data["label"], data["name"], data.get("aliases", ()), data.get("collective", False),
                        data.get("mentions", ()), **extra)

    def _merge_edge(self, s, t, data):
        extra = {k: v for k, v in data.items() if k not in ("id", "type", "evidence", "source", "target")}
        self.add_relation(s, data["type"], t, data.get("evidence", []), **extra)

    # -- reading ------------------------------------------------------------
    def nodes(self):
        return [dict(d) for _, d in self.g.nodes(data=True)]

    def edges(self):
        return [dict(d, source=s, target=t) for s, t, d in self.g.edges(data=True)]

    def node(self, node_id):
        return self.g.nodes[node_id]

    def find(self, name: str):
        """Ids of nodes whose name or an alias equals ``name`` (compared as match keys)."""
        from .ids import match_key
        key = match_key(name)
        return [n for n, d in self.g.nodes(data=True)
                if match_key(d["name"]) == key or any(match_key(a) == key for a in d["aliases"])]

    def counts(self) -> dict:
        by_label, by_type = {}, {}
        for _, d in self.g.nodes(data=True):
            by_label[d["label"]] = by_label.get(d["label"], 0) + 1
        for _, _, d in self.g.edges(data=True):
            by_type[d["type"]] = by_type.get(d["type"], 0) + 1
        return {"nodes": self.g.number_of_nodes(), "edges": self.g.number_of_edges(),
                "by_label": dict(sorted(by_label.items())), "by_type": dict(sorted(by_type.items()))}

    # -- export contract ----------------------------------------------------
    def to_dict(self) -> dict:
        nodes = sorted(self.nodes(), key=lambda d: d["id"])
        edges = sorted(self.edges(), key=lambda d: (d["source"], d["type"], d["target"]))
        return {"nodes": nodes, "edges": edges}

    def write_json(self, path) -> Path:
        """Write the export atomically: a killed run leaves the previous file whole."""
        path = Path(path)
        text = export_text(self.to_dict())
        with atomic_open(path) as fh:
            fh.write(text)
        return path

    @classmethod
    def from_dict(cls, data: dict, schema=None) -> "KnowledgeGraph":
        """The graph of an export's data; InputError naming the first problems
        when it is not a valid export (see validate.py)."""
        from .validate import problems, summary
        kg = cls(schema)
        found = problems(data, kg.schema)
        if found:
            raise InputError("<export>", summary(found))
        with gc_paused():
            kg._add_export(data)
        return kg

    def _add_export(self, data: dict) -> None:
        """The nodes and edges of a checked export, added."""
        for node in data.get("nodes", []):
            self.schema.entity(node["label"])
            self.g.add_node(node["id"], **{**node, "aliases": list(node.get("aliases", [])),
                                           "mentions": list(node.get("mentions", []))})
        for edge in data.get("edges", []):
            s, t = edge["source"], edge["target"]
            if s not in self.g or t not in self.g:
                raise InputError("<export>", f"edge {edge.get('type')} refers to a missing node {s if s not in self.g else t}")
            self._merge_edge(s, t, edge)

    @classmethod
    def read_json(cls, path, schema=None) -> "KnowledgeGraph":
        path = Path(path)
        try:
            with gc_paused():
                data = json.loads(path.read_text(encoding="utf-8"), parse_constant=_no_constant)
        except FileNotFoundError:
            raise InputError(path, "no such file") from None
        except OSError as exc:
            raise InputError(path, f"cannot read ({exc.strerror or exc})") from None
        except UnicodeDecodeError:
            raise InputError(path, "not an orgkg export (not UTF-8 text)") from None
        except (ValueError, RecursionError) as exc:     # JSONDecodeError, NaN, a 5000-digit number, [[[[…
            raise InputError(path, f"not an orgkg export (invalid JSON: {str(exc)[:200] or type(exc).__name__})") from None
        if not isinstance(data, dict) or "nodes" not in data:
            raise InputError(path, "not an orgkg export (no 'nodes' list)")
        try:
            return cls.from_dict(data, schema)
        except InputError as exc:
            raise InputError(path, exc.reason) from None
