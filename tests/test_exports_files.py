"""GraphML, GEXF and neo4j-admin CSV exports of a KnowledgeGraph."""
import csv
import json

import networkx as nx
import pytest

from orgkg.graph.errors import OrgkgError
from orgkg.graph.exports import write, write_rows
from orgkg.graph.store import QueryResult


def test_exports_graphml_reads_back_with_networkx(tmp_path, make_kg):
    kg = make_kg()
    path = write(kg, "graphml", tmp_path / "g" / "graph.graphml")
    g = nx.read_graphml(path, force_multigraph=True)
    assert g.number_of_nodes() == kg.counts()["nodes"] and g.number_of_edges() == kg.counts()["edges"]
    node = g.nodes[kg.find("市科协")[0]]
    # Gephi and yEd show `label`: the name, with the entity type beside it
    assert (node["label"], node["type"], node["jurisdiction"]) == ("重庆市科学技术协会", "Organization", "重庆市")
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


VIZ = "{http://www.gexf.net/1.2draft/viz}"
GEXF = "{http://www.gexf.net/1.2draft}"


def gexf_viz(path) -> tuple[dict, dict]:
    """{node label: (rgb, shape, size)} and {edge label: rgb}, read from the XML as Gephi reads it
    (networkx's reader drops viz:shape and edge colours)."""
    import xml.etree.ElementTree as ET
    root = ET.parse(path).getroot()
    rgb = lambda e: tuple(int(e.find(f"{VIZ}color").get(k)) for k in "rgb")  # noqa: E731
    nodes = {n.get("label"): (rgb(n), n.find(f"{VIZ}shape").get("value"), float(n.find(f"{VIZ}size").get("value")))
             for n in root.iter(f"{GEXF}node")}
    edges = {e.get("label"): rgb(e) for e in root.iter(f"{GEXF}edge")}
    return nodes, edges


@pytest.mark.parametrize("name, drawn", [
    ("重庆市科学技术协会", ((0x4e, 0x79, 0xa7), "disc", 18.0)),
    ("市级学会", ((0xa0, 0xcb, 0xe8), "diamond", 16.0)),            # collective: draw_collective
    ("2022年全市科协系统工作要点", ((0xf2, 0x8e, 0x2b), "square", 14.0)),
    ("贺军科", ((0xe1, 0x57, 0x59), "disc", 22.0)),                  # GEXF has no star
])
def test_exports_gexf_viz_from_the_schema(tmp_path, make_kg, name, drawn):
    nodes, _ = gexf_viz(write(make_kg(), "gexf", tmp_path / "graph.gexf"))
    assert nodes[name] == drawn


def test_exports_gexf_edges_coloured_by_relation(tmp_path, make_kg):
    _, edges = gexf_viz(write(make_kg(), "gexf", tmp_path / "graph.gexf"))
    assert edges["SUPERVISES"] == (0x4e, 0x79, 0xa7) and edges["REQUIRES"] == (0x76, 0xb7, 0xb2)


ROWS = QueryResult(["source", "start", "sentence"], [["重庆市科学技术协会", 12, "市科协要加强指导。"], ["贺军科", None, None]])


@pytest.mark.parametrize("excel, head", [(True, b"\xef\xbb\xbfsource,"), (False, b"source,")])
def test_exports_rows_csv_bom_only_for_excel(tmp_path, excel, head):
    path = write_rows(ROWS, "csv", tmp_path / "rows.csv", excel=excel)
    data = path.read_bytes()
    assert data.startswith(head)
    assert list(csv.reader(data.decode("utf-8-sig").splitlines())) == [
        ["source", "start", "sentence"], ["重庆市科学技术协会", "12", "市科协要加强指导。"], ["贺军科", "", ""]]


def test_exports_rows_xlsx_reads_back(tmp_path):
    from openpyxl import load_workbook
    path = write_rows(ROWS, "xlsx", tmp_path / "rows.xlsx")
    sheet = load_workbook(path).active
    assert [list(r) for r in sheet.iter_rows(values_only=True)] == [
        ["source", "start", "sentence"], ["重庆市科学技术协会", 12, "市科协要加强指导。"], ["贺军科", None, None]]
    assert sorted(p.name for p in tmp_path.iterdir()) == ["rows.xlsx"]  # no temporary file left


def test_exports_rows_failed_write_keeps_the_old_file(tmp_path):
    path = tmp_path / "rows.csv"
    path.write_text("old", encoding="utf-8")
    with pytest.raises(OrgkgError, match="unknown output format 'pdf'"):
        write_rows(ROWS, "pdf", path)
    bad = QueryResult(["a"], [[object()]])  # cannot be written as JSON
    with pytest.raises(TypeError):
        write_rows(bad, "json", path)
    assert path.read_text(encoding="utf-8") == "old" and sorted(p.name for p in tmp_path.iterdir()) == ["rows.csv"]


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


@pytest.mark.parametrize("fmt,name,writer", [("graphml", "graph.graphml", "write_graphml"),
                                              ("gexf", "graph.gexf", "write_gexf")])
def test_exports_graph_failed_write_keeps_the_old_file(tmp_path, make_kg, monkeypatch, fmt, name, writer):
    path = tmp_path / name
    path.write_text("old", encoding="utf-8")

    def half_then_fail(graph, target, **kw):
        with open(target, "w", encoding="utf-8") as fh:
            fh.write("<?xml half")
        raise OSError("disk full")

    monkeypatch.setattr(nx, writer, half_then_fail)
    with pytest.raises(OSError):
        write(make_kg(), fmt, path)
    assert path.read_text(encoding="utf-8") == "old" and sorted(p.name for p in tmp_path.iterdir()) == [name]
