"""What every store does, and the storage model both engines share.

A node is stored under one label (its entity type) with: id (unique), name,
aliases, names (name + aliases, for ``WHERE $name IN n.names``), collective,
the export's scalar props (jurisdiction, number, date, ...), lists of strings
as lists, anything else JSON-encoded; mentions as JSON strings and the files
they come from. A relationship has the relation type and: id, role, as_of,
evidence (JSON strings), sentences, files and dates (ISO dates of the
documents that state it).

Loads are batched ``UNWIND $rows AS row MERGE ... {id: row.id}``; list
properties are merged as a union, so loading twice changes nothing and
loading more documents only adds what is new.
"""
from __future__ import annotations

import json
import re
from abc import ABC, abstractmethod
from dataclasses import dataclass, field

from ..errors import StoreError

NODE_BASE_KEYS = {"id", "label", "name", "aliases", "names", "collective", "mentions", "files"}
EDGE_BASE_KEYS = {"id", "type", "source", "target", "evidence", "sentences", "files", "dates"}
_KEY = re.compile(r"^[A-Za-z_][A-Za-z0-9_]*$")
_SEP = ",\n    "


@dataclass
class LoadStats:
    nodes_created: int = 0
    nodes_updated: int = 0
    edges_created: int = 0
    edges_updated: int = 0

    def __str__(self) -> str:
        return (f"nodes: {self.nodes_created} created, {self.nodes_updated} already there; "
                f"edges: {self.edges_created} created, {self.edges_updated} already there")


@dataclass
class LoadProgress:
    """Passed to a load's progress callback after each batch; str() is a status line."""
    done: int
    total: int
    kind: str            # "nodes" or "edges"
    name: str            # the label or relation type of the batch

    def __str__(self) -> str:
        return f"loaded {self.done}/{self.total} ({self.kind} {self.name})"


@dataclass
class QueryResult:
    columns: list[str] = field(default_factory=list)
    rows: list[list] = field(default_factory=list)

    def records(self) -> list[dict]:
        return [dict(zip(self.columns, row)) for row in self.rows]


class Store(ABC):
    """A graph database behind one interface; a context manager that closes on exit."""

    name = "store"

    def load(self, kg, batch_size: int = 500, progress=None) -> LoadStats:
        """MERGE the graph in. ``progress(LoadProgress)`` is called after each batch
        (done/total count nodes + edges; str() of it is a status line)."""
        batches = plan_batches(kg, batch_size)
        self._prepare(kg.schema.entities)
        stats = LoadStats()
        total, done = sum(len(b.rows) for b in batches), 0
        for batch in batches:
            created = self._write_batch(batch)
            if batch.kind == "nodes":
                stats.nodes_created += created
                stats.nodes_updated += len(batch.rows) - created
            else:
                stats.edges_created += created
                stats.edges_updated += len(batch.rows) - created
            done += len(batch.rows)
            if progress is not None:
                progress(LoadProgress(done, total, batch.kind, batch.name))
        return stats

    @abstractmethod
    def _prepare(self, labels) -> None:
        """Create the id index or constraint for each label, once."""

    @abstractmethod
    def _write_batch(self, batch: "Batch") -> int:
        """Run one batch's MERGE; return how many nodes or relationships it created."""

    @abstractmethod
    def query(self, cypher: str, params: dict | None = None, write: bool = False) -> QueryResult:
        """Run Cypher; read-only unless write=True (a write then raises QueryError)."""

    @abstractmethod
    def counts(self) -> dict:
        """{"nodes", "edges", "by_label", "by_type"}, the shape of KnowledgeGraph.counts()."""

    @abstractmethod
    def clear(self) -> None:
        """Delete every node and relationship of this graph."""

    def close(self) -> None:
        pass

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()
        return False


# -- rows: the storage model ---------------------------------------------
def _json(value) -> str:
    # sorted keys and fixed separators: equal mentions give equal strings, so unions dedupe
    return json.dumps(value, ensure_ascii=False, sort_keys=True, separators=(",", ":"))


def _unique(items) -> list:
    seen, out = set(), []
    for item in items:
        if item not in seen:
            seen.add(item)
            out.append(item)
    return out


def _split_extras(data: dict, base: set, where: str) -> tuple[dict, dict]:
    """Extra properties as (scalars, lists of strings); other values become JSON text."""
    scalars, lists = {}, {}
    for key, value in data.items():
        if key in base or value is None:
            continue
        if not _KEY.match(key):
            raise StoreError(f"{where}: property name {key!r} is not a plain identifier")
        if isinstance(value, (list, tuple)) and all(isinstance(v, str) for v in value):
            lists[key] = _unique(value)
        elif isinstance(value, (str, bool, int, float)):
            scalars[key] = value
        else:
            scalars[key] = _json(value)
    return scalars, lists


def node_row(data: dict) -> dict:
    scalars, lists = _split_extras(data, NODE_BASE_KEYS, f"node {data['id']}")
    mentions = list(data.get("mentions") or [])
    aliases = _unique(a for a in data.get("aliases") or [] if a != data["name"])
    return {"id": data["id"], "name": data["name"], "aliases": aliases,
            "names": _unique([data["name"], *aliases]), "collective": bool(data.get("collective")),
            "mentions": _unique(_json(m) for m in mentions),
            "files": _unique(m["file"] for m in mentions if isinstance(m, dict) and m.get("file")),
            "props": scalars, "lists": lists}


def edge_row(data: dict) -> dict:
    scalars, lists = _split_extras(data, EDGE_BASE_KEYS, f"edge {data['id']}")
    evidence = [e for e in data.get("evidence") or [] if e]
    return {"id": data["id"], "source": data["source"], "target": data["target"],
            "evidence": _unique(_json(e) for e in evidence),
            "sentences": _unique(e["sentence"] for e in evidence if isinstance(e, dict) and e.get("sentence")),
            "files": _unique(e["file"] for e in evidence if isinstance(e, dict) and e.get("file")),
            # the dates of the documents that state it, for $as_of filters in Cypher
            "dates": sorted({e["date"] for e in evidence if isinstance(e, dict) and e.get("date")}),
            "props": scalars, "lists": lists}


def _union(var: str, key: str, src: str) -> str:
    """``var.key`` := its old list plus the new items not yet in it."""
    old = f"coalesce({var}.`{key}`, [])"
    return f"{var}.`{key}` = {old} + [v IN {src} WHERE NOT v IN {old}]"


def _list_unions(var: str, keys) -> list[str]:
    return [f"{var}.`{k}` = CASE WHEN row.lists.`{k}` IS NULL THEN {var}.`{k}` "
            f"ELSE coalesce({var}.`{k}`, []) + [v IN row.lists.`{k}` WHERE NOT v IN coalesce({var}.`{k}`, [])] END"
            for k in sorted(keys)]


def node_statement(label: str, list_keys=()) -> str:
    """MERGE one batch of nodes of one label. ``label`` comes from the schema only."""
    sets = ["n += row.props", "n.name = row.name",
            "n.collective = coalesce(n.collective, false) OR row.collective",
            _union("n", "aliases", "row.aliases"), _union("n", "names", "row.names"),
            _union("n", "mentions", "row.mentions"), _union("n", "files", "row.files"),
            *_list_unions("n", list_keys)]
    return (f"UNWIND $rows AS row\nMERGE (n:`{label}` {{id: row.id}})\n"
            f"SET {_SEP.join(sets)}")


def edge_statement(rel: str, source_label: str, target_label: str, list_keys=()) -> str:
    """MERGE one batch of relationships of one type between two labels (all from the schema)."""
    sets = ["r += row.props", _union("r", "evidence", "row.evidence"),
            _union("r", "sentences", "row.sentences"), _union("r", "files", "row.files"),
            _union("r", "dates", "row.dates"),
            *_list_unions("r", list_keys)]
    return (f"UNWIND $rows AS row\n"
            f"MATCH (s:`{source_label}` {{id: row.source}})\n"
            f"MATCH (t:`{target_label}` {{id: row.target}})\n"
            f"MERGE (s)-[r:`{rel}` {{id: row.id}}]->(t)\n"
            f"SET {_SEP.join(sets)}")


@dataclass
class Batch:
    statement: str
    rows: list
    kind: str          # "nodes" or "edges"
    name: str          # label or relation type


def plan_batches(kg, batch_size: int = 500) -> list[Batch]:
    """The load as batches: nodes per label first, then edges per (type, ends).
    Labels and types are checked against the schema before they reach a query."""
    if batch_size < 1:
        raise StoreError(f"batch size must be at least 1, not {batch_size}")
    schema = kg.schema
    by_label: dict[str, list] = {}
    labels = {}
    for data in kg.nodes():
        schema.entity(data["label"])
        labels[data["id"]] = data["label"]
        by_label.setdefault(data["label"], []).append(node_row(data))
    by_rel: dict[tuple, list] = {}
    for data in kg.edges():
        key = (data["type"], labels[data["source"]], labels[data["target"]])
        schema.check_edge(*key)
        by_rel.setdefault(key, []).append(edge_row(data))
    batches = []
    for label, rows in sorted(by_label.items()):
        for chunk in _chunks(rows, batch_size):
            keys = {k for row in chunk for k in row["lists"]}
            batches.append(Batch(node_statement(label, keys), chunk, "nodes", label))
    for (rel, src, tgt), rows in sorted(by_rel.items()):
        for chunk in _chunks(rows, batch_size):
            keys = {k for row in chunk for k in row["lists"]}
            batches.append(Batch(edge_statement(rel, src, tgt, keys), chunk, "edges", rel))
    return batches


def _chunks(rows, size):
    for i in range(0, len(rows), size):
        yield rows[i:i + size]


def counts_from(label_rows, type_rows) -> dict:
    """Build the counts dict from (label, n) and (type, n) rows."""
    by_label = {lab: int(n) for lab, n in label_rows if lab is not None}
    by_type = {typ: int(n) for typ, n in type_rows if typ is not None}
    return {"nodes": sum(by_label.values()), "edges": sum(by_type.values()),
            "by_label": dict(sorted(by_label.items())), "by_type": dict(sorted(by_type.items()))}
