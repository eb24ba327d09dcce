"""FalkorDB over the embedded engine's unix socket.

>>> with FalkorStore(engine.start().socket) as store:      # doctest: +SKIP
...     store.load(kg); store.counts()["nodes"]
"""
from __future__ import annotations

import re
import uuid

from ..errors import EngineError, QueryError, StoreError
from . import dialect, engine
from .base import QueryResult, Store, counts_from

DEFAULT_GRAPH = "orgkg"
_DISK_FULL = re.compile(r"No space left|Short write while writing to the AOF|Error writing to the AOF", re.I)
_SYNTAX = re.compile(r"errMsg:\s*(?P<msg>.*?)\s*line:\s*(?P<line>\d+),\s*column:\s*(?P<col>\d+),\s*"
                     r"offset:\s*(?P<off>\d+)(?:\s*errCtx: (?P<ctx>.*?) errCtxOffset:\s*(?P<ctxoff>\d+))?\s*$",
                     re.S)


def plain(value):
    """FalkorDB result values as plain Python: nodes and edges become dicts of their
    properties, paths {"nodes": [...], "relationships": [...]}."""
    from falkordb.edge import Edge
    from falkordb.node import Node
    from falkordb.path import Path
    if isinstance(value, (Node, Edge)):
        return dict(value.properties)
    if isinstance(value, Path):
        return {"nodes": [plain(n) for n in value.nodes()], "relationships": [plain(e) for e in value.edges()]}
    if isinstance(value, list):
        return [plain(v) for v in value]
    if isinstance(value, dict):
        return {k: plain(v) for k, v in value.items()}
    return value


def query_error(message: str) -> QueryError:
    """Turn a FalkorDB error into a QueryError that says what to do or where the error is."""
    if "RO_QUERY is to be executed only on read-only queries" in message:
        return QueryError(dialect.READ_ONLY_HINT)
    m = _SYNTAX.search(message)
    if not m:
        return QueryError(f"FalkorDB rejected the query: {message}")
    text = (f"Cypher syntax error at line {m['line']}, column {m['col']} (offset {m['off']}): "
            f"{m['msg']}")
    if m["ctx"] is not None:
        off = int(m["ctxoff"])
        # the engine counts bytes; show the caret under the right character
        before = m["ctx"].encode("utf-8")[:off].decode("utf-8", errors="ignore")
        from ..queries import display_width
        text += f"\n  {m['ctx']}\n  {' ' * display_width(before)}^"
    err = QueryError(text)
    err.line, err.column, err.offset = int(m["line"]), int(m["col"]), int(m["off"])
    return err


class FalkorStore(Store):
    name = "falkordb"

    def __init__(self, socket, graph: str = DEFAULT_GRAPH, engine_info=None):
        """``engine_info``: the EngineInfo from engine.ensure_running(); close() then
        releases it (stopping an on-demand engine when nobody else uses it)."""
        from falkordb import FalkorDB
        self.socket = str(socket)
        self.graph_name = graph
        self._engine = engine_info
        self._log = engine_info.log if engine_info is not None else None
        from redis.backoff import NoBackoff
        from redis.retry import Retry
        # a local socket does not drop writes in transit; a dead engine should fail fast
        self._db = FalkorDB(unix_socket_path=self.socket, retry=Retry(NoBackoff(), 0))
        self._graph = self._db.select_graph(graph)

    # -- running Cypher --------------------------------------------------
    def _run(self, cypher, params=None, write=False):
        try:
            return self._call(self._graph, cypher, params, write)
        except QueryError as exc:
            if "empty key" not in str(exc) or write:
                raise
        # RO_QUERY on a graph that does not exist yet fails before parsing; a read
        # must not create it, so it runs on an empty scratch graph dropped afterwards
        scratch = self._db.select_graph(f"orgkg-scratch-{uuid.uuid4().hex}")
        try:
            self._call(scratch, "RETURN 1", None, True)
            return self._call(scratch, cypher, params, False)
        finally:
            try:
                scratch.delete()
            except Exception:    # the answer matters more than the scratch graph
                pass

    def _call(self, graph, cypher, params, write):
        import redis
        try:
            if write:
                return graph.query(cypher, params)
            return graph.ro_query(cypher, params)
        except redis.exceptions.ResponseError as exc:
            raise query_error(str(exc)) from None
        except (redis.exceptions.ConnectionError, redis.exceptions.TimeoutError, OSError) as exc:
            raise StoreError(self._unreachable(exc)) from None
        except ValueError as exc:        # the client could not write a parameter into the query
            raise QueryError(f"cannot send the parameters: {exc}") from None

    def _unreachable(self, exc) -> str:
        text = f"the embedded engine at {self.socket} is not reachable ({exc})"
        if self._log is None:
            return text + "; check `orgkg db status`"
        tail = engine.log_tail(self._log, 4)
        if _DISK_FULL.search(tail):
            return (f"the embedded engine stopped: the disk holding {self._log.parent} is full "
                    f"(see {self._log}); free some space and run the command again: "
                    "what was loaded before is kept, and loading again adds only what is missing")
        return f"{text}; the end of its log, {self._log}:\n{tail}"

    def query(self, cypher, params=None, write=False) -> QueryResult:
        result = self._run(dialect.for_falkordb(cypher), params or {}, write)
        columns = [h[1] for h in result.header or []]
        return QueryResult(columns, [[plain(v) for v in row] for row in result.result_set or []])

    # -- loading ---------------------------------------------------------
    def _prepare(self, labels) -> None:
        existing = self.query("CALL db.indexes() YIELD label, properties RETURN label, properties")
        have = {(row[0], prop) for row in existing.rows for prop in (row[1] or [])}
        for label in sorted(set(labels)):
            # id for the loads' MERGE; names so that the queries' `$name IN n.names`
            # is an index lookup, not a scan of every node of the label
            wanted = [dialect.falkordb_index(label)] if (label, "id") not in have else []
            if (label, "names") not in have:
                wanted.append(f"CREATE INDEX FOR (n:`{label}`) ON (n.names)")
            for statement in wanted:
                self._create_index(statement)

    def _create_index(self, statement) -> None:
        try:
            self._run(statement, write=True)
        except QueryError as exc:
            if "already indexed" not in str(exc):     # another load made it meanwhile
                raise

    def load(self, kg, batch_size: int = 500, progress=None):
        stats = super().load(kg, batch_size=batch_size, progress=progress)
        try:
            engine.compact(self.socket)
        except EngineError as exc:
            # the data is in; only the next start is slower
            raise StoreError(f"the graph is loaded, but {exc}") from None
        return stats

    def _write_batch(self, batch) -> int:
        result = self._run(batch.statement, {"rows": batch.rows}, write=True)
        return int((result.nodes_created if batch.kind == "nodes" else result.relationships_created) or 0)

    def counts(self) -> dict:
        labels = self.query("MATCH (n) RETURN labels(n)[0] AS label, count(n) AS n")
        types = self.query("MATCH ()-[r]->() RETURN type(r) AS type, count(r) AS n")
        return counts_from(labels.rows, types.rows)

    def clear(self) -> None:
        self._run("MATCH (n) DETACH DELETE n", write=True)

    def drop(self) -> None:
        """Delete the whole graph, indexes included (GRAPH.DELETE)."""
        import redis
        try:
            self._graph.delete()
        except redis.exceptions.ResponseError as exc:
            if "empty key" not in str(exc):
                raise query_error(str(exc)) from None

    def close(self) -> None:
        try:
            self._db.connection.close()
        except Exception:   # closing a dead connection must not hide the real error
            pass
        if self._engine is not None:
            info, self._engine = self._engine, None
            engine.release(info)
