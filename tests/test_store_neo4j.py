"""Neo4jStore against a real server, when NEO4J_URI (and NEO4J_USER,
NEO4J_PASSWORD, NEO4J_DATABASE) name one. These tests CLEAR that database:
point them at a scratch server."""
import os

import pytest

from orgkg.graph.errors import QueryError, StoreError
from orgkg.graph.queries import run_named
from orgkg.graph.store import open_store
from test_queries_named import ANSWERS

pytestmark = [
    pytest.mark.neo4j,
    pytest.mark.skipif(not os.environ.get("NEO4J_URI"),
                       reason="NEO4J_URI is not set: no Neo4j server to test against"),
]


@pytest.fixture
def neo4j():
    store = open_store(env=os.environ)
    assert store.name == "neo4j"
    store.clear()
    yield store
    store.clear()
    store.close()


def test_store_neo4j_round_trip_and_idempotent_load(neo4j, make_kg):
    kg = make_kg()
    first = neo4j.load(kg)
    assert (first.nodes_created, first.edges_created) == (8, 7)
    again = neo4j.load(kg, batch_size=3)
    assert (again.nodes_created, again.edges_created) == (0, 0)
    assert neo4j.counts() == kg.counts()
    rows = neo4j.query("MATCH (p:Person)-[r:LEADS]->(o) WHERE $n IN p.names RETURN o.name, r.role",
                       {"n": "贺军科"}).rows
    assert rows == [["中国科学技术协会党组", "书记"]]


def test_store_neo4j_merges_provenance_as_a_union(neo4j, make_kg):
    neo4j.load(make_kg())
    both = make_kg(extra_document=True)
    neo4j.load(both)
    neo4j.load(both)
    assert neo4j.counts() == both.counts()
    names, files = neo4j.query("MATCH (o:Organization {name: '重庆市科学技术协会'}) RETURN o.names, o.files").rows[0]
    assert names == ["重庆市科学技术协会", "市科协", "重庆市科协"] and files == ["000_test.txt", "001_test.txt"]


def test_store_neo4j_refuses_writes_without_write(neo4j):
    with pytest.raises(QueryError, match="read-only; pass --write"):
        neo4j.query("CREATE (:Organization {id: 'x'})")
    neo4j.query("CREATE (:Organization {id: 'x'})", write=True)
    assert neo4j.counts()["nodes"] == 1


def test_store_neo4j_syntax_error_has_position(neo4j):
    with pytest.raises(QueryError) as caught:
        neo4j.query("MATCH (n RETURN n")
    assert caught.value.line == 1 and caught.value.column > 1


def test_store_neo4j_bad_password_is_not_printed():
    env = dict(os.environ, NEO4J_PASSWORD="wrong-秘密-password")
    with pytest.raises(StoreError) as caught:
        open_store(env=env).counts()
    assert "wrong-秘密-password" not in str(caught.value)
    assert "NEO4J_USER" in str(caught.value)


@pytest.mark.parametrize("name, params, columns, rows", ANSWERS)
def test_store_neo4j_named_queries_answer_like_falkordb(neo4j, make_kg, name, params, columns, rows):
    neo4j.load(make_kg())
    result = run_named(name, params, store=neo4j)
    assert result.columns == columns and result.rows == rows
