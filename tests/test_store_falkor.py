"""FalkorStore on the real session engine: round trip, idempotent loads,
provenance merged as a union, read-only by default, errors with positions."""
import json
import uuid

import pytest

from orgkg.graph.errors import QueryError, StoreError
from orgkg.graph.store import LoadStats
from orgkg.graph.store.falkor import FalkorStore


def test_store_round_trip_names_aliases_and_relations(falkor, make_kg):
    kg = make_kg()
    stats = falkor.load(kg)
    assert stats == LoadStats(nodes_created=8, nodes_updated=0, edges_created=7, edges_updated=0)
    rows = falkor.query("MATCH (o:Organization) WHERE $n IN o.names RETURN o.name, o.aliases, o.jurisdiction, o.files",
                        {"n": "市科协"}).rows
    assert rows == [["重庆市科学技术协会", ["市科协"], "重庆市", ["000_test.txt"]]]
    rows = falkor.query("MATCH (p:Person)-[r:LEADS]->(o) RETURN p.name, r.role, r.as_of, o.name, r.sentences").rows
    assert rows == [["贺军科", "书记", "2023-06", "中国科学技术协会党组", ["中国科协党组书记贺军科出席会议。"]]]
    mentions = falkor.query("MATCH (n:Initiative) RETURN n.mentions").rows[0][0]
    assert [json.loads(m) for m in mentions] == [{"file": "000_test.txt", "start": 100, "end": 106}]


def test_store_counts_match_the_graph_and_loading_twice_changes_nothing(falkor, make_kg):
    kg = make_kg()
    assert falkor.counts() == {"nodes": 0, "edges": 0, "by_label": {}, "by_type": {}}
    falkor.load(kg)
    first = falkor.counts()
    again = falkor.load(kg, batch_size=3)
    assert first == falkor.counts() == kg.counts()
    assert (again.nodes_created, again.edges_created) == (0, 0)
    assert (again.nodes_updated, again.edges_updated) == (8, 7)
    assert "0 created" in str(again)


def test_store_second_document_merges_provenance_as_a_union(falkor, make_kg):
    falkor.load(make_kg())
    both = make_kg(extra_document=True)
    stats = falkor.load(both)
    assert (stats.nodes_created, stats.edges_created) == (1, 1)
    falkor.load(both)                                         # and once more: still no duplicates
    assert falkor.counts() == both.counts()
    names, files, mentions = falkor.query(
        "MATCH (o:Organization {name: '重庆市科学技术协会'}) RETURN o.names, o.files, o.mentions").rows[0]
    assert names == ["重庆市科学技术协会", "市科协", "重庆市科协"]
    assert files == ["000_test.txt", "001_test.txt"]
    assert len(mentions) == len(set(mentions)) == 2
    evidence, sentences = falkor.query("MATCH (:Person)-[r:LEADS]->() RETURN r.evidence, r.sentences").rows[0]
    assert len(evidence) == len(set(evidence)) == 2
    assert sentences == ["中国科协党组书记贺军科出席会议。", "贺军科同志任中国科协党组书记。"]


def test_store_progress_is_called_after_each_batch(falkor, make_kg):
    seen = []
    falkor.load(make_kg(), batch_size=2, progress=seen.append)
    assert [p.done for p in seen] == sorted(p.done for p in seen)
    assert seen[-1].done == seen[-1].total == 15
    assert str(seen[0]) == "loaded 2/15 (nodes Document)" or seen[0].kind == "nodes"


@pytest.mark.parametrize("cypher", [
    "CREATE (:Organization {name: '新机构'})",
    "MATCH (n) DETACH DELETE n",
    "MATCH (o:Organization) SET o.name = '改名'",
    "MERGE (:Person {id: 'x'})",
])
def test_store_refuses_writes_without_write(falkor, make_kg, cypher):
    falkor.load(make_kg())
    with pytest.raises(QueryError, match="read-only; pass --write"):
        falkor.query(cypher)
    assert falkor.counts()["nodes"] == 8


def test_store_runs_writes_with_write(falkor):
    falkor.query("CREATE (:Organization {id: 'org-x', name: '新机构', names: ['新机构']})", write=True)
    assert falkor.query("MATCH (o) RETURN o.name").rows == [["新机构"]]


@pytest.mark.parametrize("cypher, line, column", [
    ("MATCH (n RETURN n", 1, 10),
    ("MATCH (n:Organization)\nWHERE n.name = '市科协' AND\nRETURN n", 3, 9),
    ("RETURN '中文' +", 1, 18),
])
def test_store_syntax_error_names_line_and_column(falkor, cypher, line, column):
    with pytest.raises(QueryError) as caught:
        falkor.query(cypher)
    assert (caught.value.line, caught.value.column) == (line, column)
    assert f"line {line}, column {column}" in str(caught.value)


def test_store_results_are_plain_python(falkor, make_kg):
    falkor.load(make_kg())
    result = falkor.query("MATCH p = (a:Organization)-[r:SUPERVISES]->(b) WHERE $n IN a.names RETURN a, r, p",
                          {"n": "科技社团党委"})
    node, rel, path = result.rows[0]
    assert node["name"] == "中共重庆市科学技术协会科技社团委员会" and isinstance(node["names"], list)
    assert rel["sentences"] == ["科技社团党委指导市级学会党建工作。"]
    assert [n["name"] for n in path["nodes"]] == ["中共重庆市科学技术协会科技社团委员会", "市级学会"]
    json.dumps(result.rows, ensure_ascii=False)


def test_store_rejects_unknown_property_names(falkor, make_kg):
    kg = make_kg()
    node = kg.add_entity("Organization", "某机构")
    kg.g.nodes[node]["bad key"] = "x"
    with pytest.raises(StoreError, match="bad key"):
        falkor.load(kg)


def test_store_clear_empties_the_graph(falkor, make_kg):
    falkor.load(make_kg())
    falkor.clear()
    assert falkor.counts()["nodes"] == 0


def test_store_checks_the_whole_graph_against_the_schema_before_writing(falkor, make_kg):
    from orgkg.graph.errors import SchemaError
    kg = make_kg()
    person, plan = kg.find("贺军科")[0], kg.find("2022年全市科协系统工作要点")[0]
    kg.g.add_edge(person, plan, key="bad", id="bad", type="SUPERVISES", evidence=[])
    with pytest.raises(SchemaError, match="SUPERVISES does not go from Person to Document"):
        falkor.load(kg)
    assert falkor.counts()["nodes"] == 0


def test_store_read_only_query_on_a_missing_graph_does_not_create_it(engine_info):
    import redis
    name = f"absent-{uuid.uuid4().hex[:12]}"
    store = FalkorStore(engine_info.socket, graph=name)
    try:
        assert store.query("MATCH (n) RETURN count(n) AS n").rows == [[0]]
        with pytest.raises(QueryError, match="syntax error"):
            store.query("MATCH (n RETURN n")
        with redis.Redis(unix_socket_path=str(engine_info.socket)) as r:
            assert r.exists(name) == 0
            assert not [k for k in r.keys("orgkg-scratch-*")]          # the scratch graph is gone too
    finally:
        store.close()
