"""Graph stores behind one interface, looked up by name in STORES: the embedded
FalkorDB engine (default) or Neo4j when NEO4J_URI is set (or ORGKG_STORE says which).

>>> with open_store() as store:          # doctest: +SKIP
...     store.load(kg)
...     store.query("MATCH (n:Organization) RETURN n.name LIMIT 3").rows
"""
from __future__ import annotations

import os

from ..errors import StoreError
from .base import LoadStats, QueryResult, Store

__all__ = ["open_store", "Store", "LoadStats", "QueryResult"]


def open_store(env=None, home=None, graph: str | None = None) -> Store:
    """The store named by ORGKG_STORE in ``env`` (os.environ by default): "neo4j" (the
    default when NEO4J_URI is set) or "falkordb", the embedded engine in ``home``
    (ORGKG_HOME), started on demand, on graph ``graph`` (ORGKG_GRAPH, default "orgkg").
    An engine started here stops on close() unless `orgkg db start` started it
    or another store still uses it."""
    env = os.environ if env is None else env
    name = env.get("ORGKG_STORE") or ("neo4j" if env.get("NEO4J_URI") else "falkordb")
    if name not in STORES:
        raise StoreError(f"ORGKG_STORE={name!r} names no store; choose one of {', '.join(sorted(STORES))}")
    return STORES[name](env, home, graph)


def _neo4j(env, home, graph) -> Store:
    from .neo4j_store import Neo4jStore
    return Neo4jStore.from_env(env)


def _falkordb(env, home, graph) -> Store:
    from . import engine
    from .falkor import DEFAULT_GRAPH, FalkorStore
    info, _ = engine.ensure_running(home if home is not None else engine.home_dir(env))
    try:
        return FalkorStore(info.socket, graph or env.get("ORGKG_GRAPH") or DEFAULT_GRAPH, engine_info=info)
    except BaseException:        # SIGTERM arrives as SystemExit: the engine must not outlive us
        engine.release(info)
        raise


# stores by name: a new backend is one entry here and one module beside this one
STORES = {"neo4j": _neo4j, "falkordb": _falkordb}
