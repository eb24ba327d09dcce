"""Check an export (the JSON contract in kg.py) before anything reads it.

An export may come from another tool, an old version or a hand edit. Every
shape that ``load``, ``viz`` and ``export`` rely on is checked here, so a bad
file is refused with the place of the first problems (``node #3 (id …):
aliases is text, not a list``) instead of failing half-way, or being stored
wrongly: a string of aliases would otherwise become one alias per character.

>>> from orgkg.graph.model import load_schema
>>> problems({"nodes": [{"id": "a", "label": "Organization", "name": "甲", "aliases": "乙丙"}]}, load_schema())
["node #0 (id 'a'): aliases is text, not a list of names"]
"""
from __future__ import annotations

import math
import re

from .errors import SchemaError

MAX_SHOWN = 5
_KEY = re.compile(r"^[A-Za-z_][A-Za-z0-9_]*$")
_NODE_LISTS = {"aliases": str, "mentions": dict}
_EDGE_LISTS = {"evidence": dict}


def _finite(value) -> bool:
    """No NaN or infinity anywhere in ``value`` (JSON allows neither, Python's reader does)."""
    if isinstance(value, float):
        return math.isfinite(value)
    if isinstance(value, list):
        return all(_finite(v) for v in value)
    if isinstance(value, dict):
        return all(_finite(v) for v in value.values())
    return True


def _text(item: dict, key: str) -> str | None:
    value = item.get(key)
    if not isinstance(value, str) or not value.strip():
        return f"{key} is missing or not a non-empty text"
    return None


def _lists(item: dict, kinds: dict) -> list[str]:
    out = []
    for key, kind in kinds.items():
        value = item.get(key)
        if value is None:
            continue
        if isinstance(value, str):
            out.append(f"{key} is text, not a list of {'names' if kind is str else 'objects'}")
        elif not isinstance(value, list) or not all(isinstance(v, kind) for v in value):
            out.append(f"{key} must be a list of {'texts' if kind is str else 'objects'}")
    return out


def _props(item: dict, base) -> list[str]:
    out = []
    for key, value in item.items():
        if key in base:
            continue
        if not isinstance(key, str) or not _KEY.match(key):
            out.append(f"property name {key!r} is not a plain identifier")
        elif not _finite(value):
            out.append(f"property {key} holds NaN or infinity")
    return out


def _node_problems(node, schema) -> list[str]:
    if not isinstance(node, dict):
        return [f"is {type(node).__name__}, not an object"]
    found = [p for p in (_text(node, "id"), _text(node, "label"), _text(node, "name")) if p]
    if schema is not None and isinstance(node.get("label"), str):
        try:
            schema.entity(node["label"])
        except SchemaError as exc:
            found.append(str(exc))
    if "collective" in node and not isinstance(node["collective"], bool):
        found.append("collective must be true or false")
    return found + _lists(node, _NODE_LISTS) + _props(node, {"id", "label", "name", "collective", *_NODE_LISTS})


def _edge_problems(edge, labels: dict, schema) -> list[str]:
    if not isinstance(edge, dict):
        return [f"is {type(edge).__name__}, not an object"]
    found = [p for p in (_text(edge, "source"), _text(edge, "target"), _text(edge, "type")) if p]
    if found:
        return found
    ends = [edge[k] for k in ("source", "target")]
    missing = [e for e in ends if e not in labels]
    if missing:
        return [f"refers to a missing node {missing[0]!r}"]
    try:
        if schema is not None:
            schema.check_edge(edge["type"], labels[ends[0]], labels[ends[1]])
    except SchemaError as exc:
        found.append(str(exc))
    return found + _lists(edge, _EDGE_LISTS) + _props(edge, {"id", "source", "target", "type", *_EDGE_LISTS})


def _where(kind: str, index: int, item) -> str:
    ident = item.get("id") if isinstance(item, dict) else None
    return f"{kind} #{index}" + (f" (id {ident!r})" if isinstance(ident, str) else "")


def problems(data, schema) -> list[str]:
    """Every problem found in an export's data, each with where it is. With
    ``schema`` None, only the shapes are checked, not the types against the schema."""
    if not isinstance(data, dict) or not isinstance(data.get("nodes"), list):
        return ["not an orgkg export (no 'nodes' list)"]
    if not isinstance(data.get("edges", []), list):
        return ["'edges' is not a list"]
    found, labels, first = [], {}, {}
    for i, node in enumerate(data["nodes"]):
        found += [f"{_where('node', i, node)}: {p}" for p in _node_problems(node, schema)]
        ident = node.get("id") if isinstance(node, dict) else None
        if isinstance(ident, str) and ident in first:
            found.append(f"{_where('node', i, node)}: the id is already used by node #{first[ident]}")
        elif isinstance(ident, str):
            first[ident] = i
            labels[ident] = node.get("label")
    for i, edge in enumerate(data.get("edges", [])):
        found += [f"{_where('edge', i, edge)}: {p}" for p in _edge_problems(edge, labels, schema)]
    return found


def summary(found: list[str]) -> str:
    """The first problems on one line each, and how many more there are."""
    shown = "; ".join(found[:MAX_SHOWN])
    more = len(found) - MAX_SHOWN
    return f"not a valid orgkg export: {shown}" + (f" (and {more} more)" if more > 0 else "")
