"""The one place where FalkorDB and Neo4j Cypher differ.

The analyst queries in cypher/queries/ are written once, in Cypher both
engines accept, with these exceptions handled here:

* Indexes: FalkorDB ``CREATE INDEX FOR (n:L) ON (n.id)`` (an error when it
  exists, so we look first); Neo4j a uniqueness constraint ``IF NOT EXISTS``.
* shortestPath: FalkorDB accepts it only in WITH/RETURN and only directed.
  Queries use the standard ``MATCH p = shortestPath((a)-[*..N]-(b))`` and
  :func:`for_falkordb` rewrites it to the ``algo.SPpaths`` procedure.
* Not supported by FalkorDB, so the queries avoid them: regex ``=~``,
  ``EXISTS { ... }`` / ``COUNT { ... }`` subqueries. Neo4j 5 dropped
  ``exists((a)-->())`` and ``size((a)--())``, so the queries avoid those too
  and use MATCH + count() instead.
* Read-only: FalkorDB GRAPH.RO_QUERY refuses writes; Neo4j read transactions
  (routing READ) refuse them with an AccessMode error.
"""
from __future__ import annotations

import re

# MATCH p = shortestPath((a)-[*..6]-(b)) — optional relationship types, undirected or directed
_SHORTEST = re.compile(
    r"MATCH\s+(?P<path>\w+)\s*=\s*shortestPath\s*\(\s*\((?P<a>\w+)\)\s*"
    r"(?P<left><?)-\[\s*(?::(?P<types>[\w|`]+))?\s*\*\s*(?:1\s*)?\.\.\s*(?P<max>\d+)\s*\]-(?P<right>>?)"
    r"\s*\((?P<b>\w+)\)\s*\)",
    re.IGNORECASE)


def _sppaths(m: re.Match) -> str:
    direction = {("", ""): "both", ("", ">"): "outgoing", ("<", ""): "incoming"}.get((m["left"], m["right"]), "both")
    config = [f"sourceNode: {m['a']}", f"targetNode: {m['b']}", f"relDirection: '{direction}'",
              f"maxLen: {int(m['max'])}", "pathCount: 1"]
    if m["types"]:
        types = ", ".join(f"'{t.strip('`')}'" for t in m["types"].split("|"))
        config.append(f"relTypes: [{types}]")
    return f"CALL algo.SPpaths({{{', '.join(config)}}}) YIELD path AS {m['path']}"


def for_falkordb(cypher: str) -> str:
    """Rewrite standard Cypher into what FalkorDB runs (see the module docstring).

    >>> for_falkordb("MATCH p = shortestPath((a)-[*..6]-(b)) RETURN p")
    "CALL algo.SPpaths({sourceNode: a, targetNode: b, relDirection: 'both', maxLen: 6, pathCount: 1}) YIELD path AS p RETURN p"
    """
    return _SHORTEST.sub(_sppaths, cypher)


def for_neo4j(cypher: str) -> str:
    """The queries are written in Neo4j-valid Cypher; nothing to change."""
    return cypher


def falkordb_index(label: str) -> str:
    return f"CREATE INDEX FOR (n:`{label}`) ON (n.id)"


def neo4j_constraint(label: str) -> str:
    name = re.sub(r"\W", "_", label.lower())
    return f"CREATE CONSTRAINT orgkg_{name}_id IF NOT EXISTS FOR (n:`{label}`) REQUIRE n.id IS UNIQUE"


READ_ONLY_HINT = "the query writes to the graph, but queries are read-only; pass --write (write=True) to allow it"
