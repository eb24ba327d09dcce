"""Neo4j through the official driver, configured from the environment only:
NEO4J_URI, NEO4J_USER, NEO4J_PASSWORD, NEO4J_DATABASE. The password never
appears in a message.

Loads run as managed write queries (execute_query, routing WRITE), which the
driver retries on transient errors; reads run with routing READ, and Neo4j
refuses writes there.
"""
from __future__ import annotations

import os
import re
from urllib.parse import urlsplit, urlunsplit

from ..errors import QueryError, StoreError
from . import dialect
from .base import QueryResult, Store, counts_from

_POSITION = re.compile(r"\(line (\d+), column (\d+) \(offset: (\d+)\)\)")
DEFAULT_TIMEOUT = 15.0     # seconds to connect and to get a connection from the pool


def redact(uri: str) -> str:
    """The URI without the user and password it may carry.

    >>> redact("neo4j://neo4j:secret@db.example:7687")
    'neo4j://***@db.example:7687'
    """
    try:
        parts = urlsplit(uri)
    except ValueError:
        return "<NEO4J_URI>"
    if "@" not in parts.netloc:
        return uri
    return urlunsplit(parts._replace(netloc="***@" + parts.netloc.rsplit("@", 1)[1]))


def _timeout(env) -> float:
    try:
        value = float(env.get("ORGKG_NEO4J_TIMEOUT") or DEFAULT_TIMEOUT)
    except ValueError:
        raise StoreError("ORGKG_NEO4J_TIMEOUT must be a number of seconds") from None
    return value if value > 0 else DEFAULT_TIMEOUT


def plain(value):
    """Driver values as plain Python: nodes and relationships become dicts of
    their properties, paths {"nodes": [...], "relationships": [...]}, temporals ISO text."""
    from neo4j.graph import Node, Path, Relationship
    if isinstance(value, (Node, Relationship)):
        return {k: plain(v) for k, v in value.items()}
    if isinstance(value, Path):
        return {"nodes": [plain(n) for n in value.nodes], "relationships": [plain(r) for r in value.relationships]}
    if isinstance(value, list):
        return [plain(v) for v in value]
    if isinstance(value, dict):
        return {k: plain(v) for k, v in value.items()}
    if hasattr(value, "iso_format"):
        return value.iso_format()
    return value


class Neo4jStore(Store):
    name = "neo4j"

    def __init__(self, uri: str, user: str | None = None, password: str | None = None, database: str | None = None,
                 timeout: float = DEFAULT_TIMEOUT):
        from neo4j import GraphDatabase
        self._raw_uri = uri
        self.uri = redact(uri)           # the only form that goes into messages
        self.user = user or "neo4j"
        self.database = database or None
        self.timeout = timeout
        try:
            # a server that accepts the connection and never answers fails after
            # ``timeout``, not after the driver's 60 s acquisition default
            self._driver = GraphDatabase.driver(uri, auth=(self.user, password or ""),
                                                connection_timeout=timeout,
                                                connection_acquisition_timeout=timeout)
        except Exception as exc:     # a bad URI scheme raises a ConfigurationError or ValueError
            raise StoreError(f"cannot use NEO4J_URI {self.uri}: {type(exc).__name__}: {self._clean(exc)}") from None
        try:
            # fail at once on a wrong address or password, not after the retry budget
            self._driver.verify_connectivity()
        except Exception as exc:
            self._driver.close()
            raise self._error(exc) from None
        self._prepared = False

    @classmethod
    def from_env(cls, env) -> "Neo4jStore":
        return cls(env["NEO4J_URI"], env.get("NEO4J_USER"), env.get("NEO4J_PASSWORD"), env.get("NEO4J_DATABASE"),
                   timeout=_timeout(env))

    def _clean(self, exc) -> str:
        """The driver's message with the URI's userinfo redacted (the driver quotes the URI)."""
        text = str(exc).replace(self._raw_uri, self.uri)
        try:
            netloc = urlsplit(self._raw_uri).netloc
        except ValueError:
            return text.replace(self._raw_uri, "<NEO4J_URI>")
        userinfo = netloc.rpartition("@")[0]
        # with its "@", so that a one-letter user does not star every such letter
        return text.replace(userinfo + "@", "***@") if userinfo else text

    def _error(self, exc) -> Exception:
        from neo4j import exceptions as ex
        if isinstance(exc, ex.AuthError):
            return StoreError(f"Neo4j authentication failed for user {self.user!r} from NEO4J_USER "
                              f"at {self.uri}; check NEO4J_USER and NEO4J_PASSWORD")
        if isinstance(exc, (ex.ServiceUnavailable, ex.SessionExpired)):
            if "deadline" in str(exc).lower() or "timed out" in str(exc).lower():
                return StoreError(f"Neo4j at {self.uri} did not answer within {self.timeout:g}s "
                                  "(ORGKG_NEO4J_TIMEOUT); is it a Neo4j server, and is it up?")
            return StoreError(f"Neo4j at {self.uri} is not reachable: {self._clean(exc)}")
        if isinstance(exc, ex.Neo4jError):
            code, message = exc.code or "", self._clean(exc.message or str(exc))
            if "AccessMode" in code or "ForbiddenOnReadOnlyDatabase" in code or "read access mode" in message:
                return QueryError(dialect.READ_ONLY_HINT)
            if code.endswith("SyntaxError"):
                err = QueryError(f"Cypher syntax error: {message}")
                m = _POSITION.search(message)
                if m:
                    err.line, err.column, err.offset = (int(g) for g in m.groups())
                return err
            if code.startswith("Neo.ClientError.Database.DatabaseNotFound"):
                return StoreError(f"Neo4j has no database {self.database!r} (NEO4J_DATABASE): {message}")
            return QueryError(f"Neo4j rejected the query ({code}): {message}")
        return StoreError(f"Neo4j at {self.uri} failed: {type(exc).__name__}: {self._clean(exc)}")

    def _execute(self, cypher, params, write):
        from neo4j import RoutingControl
        try:
            return self._driver.execute_query(
                cypher, params or {}, database_=self.database,
                routing_=RoutingControl.WRITE if write else RoutingControl.READ)
        except Exception as exc:
            raise self._error(exc) from None

    def query(self, cypher, params=None, write=False) -> QueryResult:
        result = self._execute(dialect.for_neo4j(cypher), params, write)
        return QueryResult(list(result.keys), [[plain(v) for v in record.values()] for record in result.records])

    def _prepare(self, labels) -> None:
        if self._prepared:
            return
        for label in sorted(labels):
            self._execute(dialect.neo4j_constraint(label), None, True)
        self._prepared = True

    def _write_batch(self, batch) -> int:
        counters = self._execute(batch.statement, {"rows": batch.rows}, True).summary.counters
        return counters.nodes_created if batch.kind == "nodes" else counters.relationships_created

    def counts(self) -> dict:
        labels = self.query("MATCH (n) RETURN labels(n)[0] AS label, count(n) AS n")
        types = self.query("MATCH ()-[r]->() RETURN type(r) AS type, count(r) AS n")
        return counts_from(labels.rows, types.rows)

    def clear(self) -> None:
        # in chunks, so a large graph does not need one huge transaction
        while self._execute("MATCH (n) WITH n LIMIT 10000 DETACH DELETE n RETURN count(*) AS c",
                            None, True).records[0]["c"]:
            pass

    def close(self) -> None:
        self._driver.close()
