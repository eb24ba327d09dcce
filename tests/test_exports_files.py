"""GraphML, GEXF and neo4j-admin CSV exports of a KnowledgeGraph."""
import csv
import json

import networkx as nx
import pytest

from orgkg.graph.errors import OrgkgError
from orgkg.graph.exports import write


def test_exports_graphml_reads_back_with_networkx(tmp_path, make_kg):
    kg = make_kg()
    path = write(kg, "graphml", tmp_path / "g" / "graph.graphml")
    g = nx.read_graphml(path, force_multigraph=True)
    assert g.number_of_nodes() == kg.counts()["nodes"] and g.number_of_edges() == kg.counts()["edges"]
    node = g.nodes[kg.find("市科协")[0]]
    assert (node["label"], node["name"], node["jurisdiction"]) == ("Organization", "重庆市科学技术协会", "重庆市")
    assert json.loads(node["names"]) == ["重庆市科学技术协会", "市科协"]
    (he,) = kg.find("贺军科")
    (data,) = [d for _, _, d in g.out_edges(he, data=True)]
    assert (data["type"], data["role"], data["as_of"]) == ("LEADS", "书记", "2023-06")
    assert json.loads(data["sentences"]) == ["中国科协党组书记贺军科出席会议。"]


def test_exports_gexf_reads_back_with_networkx(tmp_path, make_kg):
    kg = make_kg()
    path = write(kg, "gexf", tmp_path / "graph.gexf")
    g = nx.read_gexf(path)
    assert g.number_of_nodes() == kg.counts()["nodes"] and g.number_of_edges() == kg.counts()["edges"]
    node = g.nodes[kg.find("市级学会")[0]]
    assert (node["label"], node["entity_type"], node["collective"]) == ("市级学会", "Organization", True)
    relations = sorted(d["relation"] for _, _, d in g.edges(data=True))
    assert relations == sorted(e["type"] for e in kg.edges())


def test_exports_neo4j_csv_headers_and_arrays(tmp_path, make_kg):
    kg = make_kg()
    folder = write(kg, "neo4j-csv", tmp_path / "csv")
    files = sorted(p.name for p in folder.iterdir())
    assert files == ["import.txt", "nodes_Document.csv", "nodes_Initiative.csv", "nodes_Organization.csv",
                     "nodes_Person.csv", "rels_ISSUED.csv", "rels_LEADS.csv", "rels_PART_OF.csv",
                     "rels_REQUIRES.csv", "rels_SUPERVISES.csv"]
    with (folder / "nodes_Organization.csv").open(encoding="utf-8") as fh:
        rows = list(csv.DictReader(fh))
    assert list(rows[0]) == ["id:ID", "name", "collective:boolean", "aliases:string[]", "names:string[]",
                             "mentions:string[]", "files:string[]", "jurisdiction", ":LABEL"]
    cq = next(r for r in rows if r["name"] == "重庆市科学技术协会")
    assert cq["names:string[]"] == "重庆市科学技术协会;市科协"
    assert cq[":LABEL"] == "Organization" and cq["collective:boolean"] == "false"
    assert json.loads(cq["mentions:string[]"]) == {"end": 39, "file": "000_test.txt", "start": 30}
    with (folder / "rels_LEADS.csv").open(encoding="utf-8") as fh:
        (lead,) = list(csv.DictReader(fh))
    assert list(lead)[:3] == [":START_ID", ":END_ID", "id"] and list(lead)[-1] == ":TYPE"
    assert (lead["role"], lead[":TYPE"]) == ("书记", "LEADS")
    assert "--nodes=nodes_Person.csv" in (folder / "import.txt").read_text()


def test_exports_neo4j_csv_keeps_items_whole_when_they_hold_the_delimiter(tmp_path, make_kg):
    kg = make_kg()
    kg.add_entity("Organization", "重庆市科学技术协会", aliases=["市科协;旧称"])
    folder = write(kg, "neo4j-csv", tmp_path / "csv")
    with (folder / "nodes_Organization.csv").open(encoding="utf-8") as fh:
        cq = next(r for r in csv.DictReader(fh) if r["name"] == "重庆市科学技术协会")
    assert cq["aliases:string[]"].split(";") == ["市科协", "市科协；旧称"]


def test_exports_unknown_format(tmp_path, make_kg):
    with pytest.raises(OrgkgError, match="unknown export format 'pdf'"):
        write(make_kg(), "pdf", tmp_path / "x")
