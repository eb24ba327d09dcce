"""The page as text: what it embeds, what it leaves out, and the focus view."""
from __future__ import annotations

import json
import re

import pytest

from orgkg.graph.errors import OrgkgError
from orgkg.graph.kg import KnowledgeGraph
from orgkg.graph.model import load_schema
from orgkg.graph.viz import notebook_view, page_html, script_json, write_page

INJECTION = '<img src=x onerror="window.__pwned=1">'


@pytest.fixture()
def kg():
    kg = KnowledgeGraph()
    cq = kg.add_entity("Organization", "重庆市科学技术协会", aliases=["市科协"],
                       mentions=[{"file": "cq.txt", "start": 0, "end": 9}])
    cast = kg.add_entity("Organization", "中国科学技术协会", aliases=["中国科协"])
    party = kg.add_entity("Organization", "中国科学技术协会党组")
    he = kg.add_entity("Person", "贺军科")
    units = kg.add_entity("Organization", "各区县科协", collective=True)
    bad = kg.add_entity("Organization", INJECTION)
    kg.add_relation(cast, "SUPERVISES", cq, evidence=[
        {"file": f"cq{i}.txt", "sentence": f"在中国科协的指导下（{i}）", "start": 0, "end": 9} for i in range(5)])
    kg.add_relation(he, "LEADS", party, role="书记", as_of="2023-06",
                    evidence={"file": "cast.txt", "sentence": "贺军科同志任中国科学技术协会党组书记", "start": 0, "end": 18})
    kg.add_relation(party, "PART_OF", cast)
    kg.add_relation(cq, "SUPERVISES", units)
    kg.add_relation(bad, "PART_OF", cq, evidence={"file": "x.txt", "sentence": "</script><script>window.__pwned=2</script>",
                                                  "start": 0, "end": 1})
    return kg


def embedded(page: str, element_id: str):
    match = re.search(rf'<script type="application/json" id="{element_id}">(.*?)</script>', page, re.S)
    return json.loads(match.group(1))


def names(page: str) -> set:
    return {n["tip"]["name"] for n in embedded(page, "orgkg-data")["nodes"]}


@pytest.mark.parametrize("focus, hops, expected", [
    ("重庆市科学技术协会", 1, {"重庆市科学技术协会", "中国科学技术协会", "各区县科协", INJECTION}),
    ("市科协", 0, {"重庆市科学技术协会"}),
    ("贺军科", 1, {"贺军科", "中国科学技术协会党组"}),
    ("贺军科", 2, {"贺军科", "中国科学技术协会党组", "中国科学技术协会"}),
    ("《贺军科》", 3, {"贺军科", "中国科学技术协会党组", "中国科学技术协会", "重庆市科学技术协会"}),
])
def test_viz_page_focus_keeps_the_neighbourhood(kg, focus, hops, expected):
    page = page_html(kg, focus=focus, hops=hops)
    assert names(page) == expected
    data = embedded(page, "orgkg-data")
    ids = {n["id"] for n in data["nodes"]}
    assert all(e["from"] in ids and e["to"] in ids for e in data["edges"])
    assert data["focus"] == kg.find(focus)


def test_viz_page_focus_on_an_unknown_name_raises(kg):
    with pytest.raises(OrgkgError, match="no node named '中国作家协会' in the graph"):
        page_html(kg, focus="中国作家协会")
    with pytest.raises(OrgkgError, match="hops must be 0 or more"):
        page_html(kg, focus="贺军科", hops=-1)


def test_viz_page_markup_in_names_stays_data(kg):
    page = page_html(kg)
    assert "<img" not in page
    assert "</script><script>window.__pwned" not in page
    assert INJECTION in names(page)  # and the name survives the escaping unchanged
    assert page.count("</script>") == 4  # data, options, vis-network, page.js: nothing closes early


@pytest.mark.parametrize("text", ["</script>", "<!--<script>", "a&b", "重庆\u2028市"])
def test_viz_page_script_json_round_trips(text):
    out = script_json({"name": text})
    assert "<" not in out and ">" not in out
    assert json.loads(out) == {"name": text}


def test_viz_page_loads_nothing_from_a_host(kg):
    page = page_html(kg)
    assert not re.search(r"""<(script|link|img|iframe)[^>]*(src|href)\s*=\s*["']?(https?:)?//""", page, re.I)
    assert not re.search(r"@import|@font-face", page)
    assert "default-src 'none'" in page


def test_viz_page_draws_from_the_schema(kg):
    schema = load_schema()
    page = page_html(kg)
    data = embedded(page, "orgkg-data")
    by_name = {n["tip"]["name"]: n for n in data["nodes"]}
    org, person = schema.entity("Organization"), schema.entity("Person")
    cq = by_name["重庆市科学技术协会"]
    assert (cq["color"], cq["shape"], cq["size"]) == (org.draw["color"], org.draw["shape"], org.draw["size"])
    assert by_name["各区县科协"]["shape"] == org.draw_collective["shape"]
    assert by_name["贺军科"]["shape"] == person.draw["shape"]
    leads = next(e for e in data["edges"] if e["rtype"] == "LEADS")
    assert leads["label"] == "领导职务·书记"
    assert leads["color"] == schema.relation("LEADS").draw["color"]
    assert leads["arrows"] == "to"
    assert all(e["dashes"] == bool(schema.relation(e["rtype"]).draw.get("dashes")) for e in data["edges"])
    for t in list(schema.entities.values()) + list(schema.relations.values()):
        assert t.zh in page and f'value="{t.name}"' in page  # legend row with its filter box


def test_viz_page_tooltips_carry_role_and_evidence(kg):
    data = embedded(page_html(kg), "orgkg-data")
    leads = next(e for e in data["edges"] if e["rtype"] == "LEADS")["tip"]
    assert (leads["role"], leads["as_of"], leads["type"]) == ("书记", "2023-06", ["领导职务", "leads"])
    assert leads["evidence"] == [{"file": "cast.txt", "sentence": "贺军科同志任中国科学技术协会党组书记"}]
    many = next(e["tip"] for e in data["edges"]
                if e["tip"]["target"] == "重庆市科学技术协会" and e["rtype"] == "SUPERVISES")
    assert (len(many["evidence"]), many["n_evidence"]) == (3, 5)
    cq = next(n for n in data["nodes"] if n["tip"]["name"] == "重庆市科学技术协会")["tip"]
    assert (cq["aliases"], cq["type"], cq["files"]) == (["市科协"], ["组织机构", "Organization"], ["cq.txt"])


def test_viz_page_physics_only_below_the_threshold(kg):
    small = page_html(kg)
    assert embedded(small, "orgkg-options")["physics"]["enabled"] is True
    assert embedded(small, "orgkg-options")["physics"]["stabilization"]["iterations"] > 0
    assert all("x" not in n for n in embedded(small, "orgkg-data")["nodes"])
    large = page_html(kg, physics_threshold=3)
    assert embedded(large, "orgkg-options")["physics"] == {"enabled": False}
    nodes = embedded(large, "orgkg-data")["nodes"]
    assert all(isinstance(n["x"], float) and n["physics"] is False for n in nodes)
    assert len({(n["x"], n["y"]) for n in nodes}) == len(nodes)


def test_viz_page_is_deterministic(kg):
    assert page_html(kg, physics_threshold=0) == page_html(kg, physics_threshold=0)


@pytest.mark.parametrize("threshold", [0, 500])
def test_viz_page_unknown_layout_raises(kg, threshold):
    with pytest.raises(OrgkgError, match="unknown layout 'fancy'"):
        page_html(kg, physics_threshold=threshold, layout="fancy")


def test_viz_page_write_page_writes_utf8(kg, tmp_path):
    path = write_page(kg, tmp_path / "out" / "graph.html", title="科协 <图>")
    text = path.read_bytes().decode("utf-8")
    assert "<title>科协 &lt;图&gt;</title>" in text


def test_viz_page_notebook_view_holds_the_page_in_srcdoc(kg):
    view = notebook_view(kg, focus="贺军科")
    src = view.data
    assert src.startswith('<div><iframe srcdoc="') and 'sandbox="allow-scripts"' in src
    body = src[len('<div><iframe srcdoc="'):src.index('" sandbox=')]
    assert '"' not in body and "<" not in body  # escaped whole: it cannot end the attribute
    assert "贺军科" in body


def test_viz_page_panel_has_passages_from_the_sources(kg, tmp_path):
    text = "在中国科协的指导下（0）\n市科协开展工作。\n"
    (tmp_path / "cq0.txt").write_text(text, encoding="utf-8")
    data = embedded(page_html(kg, sources=[tmp_path]), "orgkg-data")
    edge = next(e for e in data["edges"] if e["tip"]["target"] == "重庆市科学技术协会" and e["rtype"] == "SUPERVISES")
    panel = edge["tip"]["panel"]
    assert [p["file"] for p in panel] == [f"cq{i}.txt" for i in range(5)]   # every sentence, not three
    assert panel[0]["passage"] == ["", "在中国科协的指导下", "（0）市科协开展工作。"]  # offsets 0..9 of the file
    assert all(p["passage"] is None for p in panel[1:])                  # files that are not there
    assert edge["tip"]["terms"][:2] == ["重庆市科学技术协会", "中国科学技术协会"]   # longest first
    assert "市科协" in edge["tip"]["terms"] and "中国科协" in edge["tip"]["terms"]
    without = embedded(page_html(kg), "orgkg-data")
    assert all(p["passage"] is None for e in without["edges"] for p in e["tip"]["panel"])


def test_viz_page_edges_carry_their_dates(kg):
    (he,) = kg.find("贺军科")
    kg.add_relation(he, "LEADS", kg.find("中国科学技术协会党组")[0],
                    evidence={"file": "b.txt", "sentence": "贺军科任书记", "start": 0, "end": 6, "date": "2023-06-29"})
    data = embedded(page_html(kg), "orgkg-data")
    assert {e["rtype"]: e["dates"] for e in data["edges"]}["LEADS"] == ["2023-06-29"]
    assert {e["rtype"]: e["dates"] for e in data["edges"]}["PART_OF"] == []


@pytest.mark.parametrize("extra, focus, start, open_all", [
    (0, None, "重庆市科学技术协会", True),        # small: whole, and the hub is where it starts
    (100, None, "重庆市科学技术协会", False),     # large: opens on the most connected body
    (100, "贺军科", "贺军科", True),              # --focus: the page already holds only its neighbourhood
])
def test_viz_page_opens_on_focus_or_hub(kg, extra, focus, start, open_all):
    cq = kg.find("市科协")[0]
    for i in range(extra):
        kg.add_relation(cq, "SUPERVISES", kg.add_entity("Organization", f"第{i}区科学技术协会"))
    data = embedded(page_html(kg, focus=focus), "orgkg-data")
    names = {n["id"]: n["tip"]["name"] for n in data["nodes"]}
    assert [names[i] for i in data["start"]] == [start]
    assert (data["open_all"], data["open_hops"]) == (open_all, 2)


def test_viz_page_levels_positions_for_every_node(kg):
    data = embedded(page_html(kg), "orgkg-data")
    pos = {n["tip"]["name"]: (n["lx"], n["ly"]) for n in data["nodes"]}
    assert pos["中国科学技术协会"][1] < pos["重庆市科学技术协会"][1] < pos["各区县科协"][1]
    assert pos["贺军科"][1] < pos["中国科学技术协会党组"][1]
