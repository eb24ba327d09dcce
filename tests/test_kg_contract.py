"""The graph in the middle and its JSON export contract."""
import json

import pytest

from orgkg.graph.errors import InputError, SchemaError
from orgkg.graph.ids import make_id, match_key
from orgkg.graph.kg import KnowledgeGraph

EVIDENCE = {"file": "a.txt", "sentence": "现将《工作要点》印发给你们", "start": 3, "end": 16,
            "rule": "test", "confidence": 1.0}


def small_graph():
    kg = KnowledgeGraph()
    org = kg.add_entity("Organization", "重庆市科学技术协会", aliases=["市科协"],
                        mentions=[{"file": "a.txt", "start": 0, "end": 3}])
    doc = kg.add_entity("Document", "工作要点", mentions=[{"file": "a.txt", "start": 5, "end": 9}])
    kg.add_relation(org, "ISSUED", doc, evidence=EVIDENCE)
    return kg, org, doc


@pytest.mark.parametrize("a, b", [
    ("《重庆市科协》", "重庆市科协"),
    ("２０２２年工作要点", "2022年工作要点"),
    ("“双高”建设", "双高建设"),
    ("重\n庆市", "重庆市"),
])
def test_ids_match_key_folds_as_guidelines(a, b):
    assert match_key(a) == match_key(b)


def test_ids_are_deterministic_and_typed():
    assert make_id("Organization", "市级学会") == make_id("Organization", "市级学会")
    assert make_id("Organization", "市级学会") != make_id("Initiative", "市级学会")


def test_kg_merges_aliases_mentions_and_evidence_without_duplicates():
    kg, org, doc = small_graph()
    kg.add_entity("Organization", "重庆市科学技术协会", aliases=["市科协", "重庆市科协"],
                  mentions=[{"file": "a.txt", "start": 0, "end": 3}])
    kg.add_relation(org, "ISSUED", doc, evidence=EVIDENCE)
    node = kg.node(org)
    assert node["aliases"] == ["市科协", "重庆市科协"]
    assert len(node["mentions"]) == 1
    assert kg.counts()["edges"] == 1
    assert len(kg.edges()[0]["evidence"]) == 1


def test_kg_refuses_edges_the_schema_does_not_allow():
    kg, org, doc = small_graph()
    with pytest.raises(SchemaError):
        kg.add_relation(doc, "ISSUED", org)
    with pytest.raises(SchemaError):
        kg.add_entity("Planet", "火星")


def test_kg_export_round_trip_keeps_contract(tmp_path):
    kg, org, doc = small_graph()
    path = kg.write_json(tmp_path / "g.json")
    data = json.loads(path.read_text(encoding="utf-8"))
    node = next(n for n in data["nodes"] if n["id"] == org)
    assert {"id", "label", "name", "aliases", "collective", "mentions"} <= set(node)
    edge = data["edges"][0]
    assert {"source", "target", "type", "evidence"} <= set(edge)
    assert set(edge["evidence"][0]) >= {"file", "sentence", "start", "end"}
    again = KnowledgeGraph.read_json(path)
    assert again.to_dict() == kg.to_dict()
    assert kg.find("市科协") == [org]


def test_kg_export_has_one_node_or_edge_a_line(tmp_path):
    kg, org, doc = small_graph()
    lines = kg.write_json(tmp_path / "g.json").read_text(encoding="utf-8").splitlines()
    data = kg.to_dict()
    assert len(lines) == len(data["nodes"]) + len(data["edges"]) + 4
    assert [json.loads(line.rstrip(",")) for line in lines[1:1 + len(data["nodes"])]] == data["nodes"]
    assert "市科协" in lines[1 + data["nodes"].index(kg.node(org))]


@pytest.mark.parametrize("content, reason", [
    ("not json", "invalid JSON"),
    ('{"edges": []}', "no 'nodes' list"),
    ('{"nodes": [], "edges": [{"source": "x", "target": "y", "type": "ISSUED"}]}', "missing node"),
])
def test_kg_read_json_names_file_and_problem(tmp_path, content, reason):
    path = tmp_path / "bad.json"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(InputError) as info:
        KnowledgeGraph.read_json(path)
    assert "bad.json" in str(info.value) and reason in str(info.value)
