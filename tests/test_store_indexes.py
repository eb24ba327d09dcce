"""The embedded engine answers the queries' name lookups through an index."""
import pytest

from orgkg.graph.kg import KnowledgeGraph


@pytest.fixture
def loaded(falkor):
    kg = KnowledgeGraph()
    body = kg.add_entity("Organization", "重庆市科学技术协会", aliases=["市科协"])
    person = kg.add_entity("Person", "林海峰")
    evidence = {"file": "a.txt", "sentence": "林海峰任市科协主席", "start": 0, "end": 9}
    kg.add_relation(person, "LEADS", body, evidence=evidence, role="主席")
    falkor.load(kg)
    return falkor


@pytest.mark.parametrize("label", ["Organization", "Person"])
def test_store_indexes_cover_id_and_names(loaded, label):
    rows = loaded.query("CALL db.indexes() YIELD label, properties RETURN label, properties").rows
    assert {"id", "names"} <= set(dict((r[0], r[1]) for r in rows)[label])


@pytest.mark.parametrize("name", ["市科协", "重庆市科学技术协会"])
def test_store_indexes_name_lookup_is_an_index_scan(loaded, name):
    cypher = "MATCH (x:Organization) WHERE $name IN x.names RETURN x.name"
    plan = str(loaded._graph.explain(cypher, {"name": name}))
    assert "Index Scan" in plan and "Label Scan" not in plan
    assert loaded.query(cypher, {"name": name}).rows == [["重庆市科学技术协会"]]


def test_store_indexes_second_load_keeps_them(loaded):
    loaded.load(KnowledgeGraph())
    rows = loaded.query("CALL db.indexes() YIELD label, properties RETURN label, properties").rows
    assert sorted(dict((r[0], r[1]) for r in rows)["Organization"]) == ["id", "names"]
