"""The named queries in cypher/queries answer on the real engine, and the
runner's parameters and output formats behave."""
import csv
import io
import json

import pytest

from orgkg.graph.errors import EmptyGraph, QueryError, UnresolvedName
from orgkg.graph.queries import (QUERY_DIR, REQUIRED, as_of_date, closest_names, display_width, format_result,
                                 list_queries, load_query, parse_param, query_defaults, run_named, run_query,
                                 to_dataframe)
from orgkg.graph.store import QueryResult

REQUIREMENT_COLUMNS = ["document", "date", "subject", "file", "start", "end", "sentence"]
EVIDENCE_FIELDS = ["document", "date", "file", "start", "end", "sentence"]
ANSWERS = [
    ("who_directs", {"name": "市级学会"}, ["body", "depth", "chain"], [
        ["中共重庆市科学技术协会科技社团委员会", 1, ["中共重庆市科学技术协会科技社团委员会", "市级学会"]],
        ["重庆市科学技术协会", 2, ["重庆市科学技术协会", "中共重庆市科学技术协会科技社团委员会", "市级学会"]]]),
    ("directed_by", {"name": "市科协"}, ["body", "depth", "collective"], [
        ["中共重庆市科学技术协会科技社团委员会", 1, False], ["市级学会", 2, True]]),
    ("directed_by", {"name": "重庆市科学技术协会", "depth": 1}, ["body", "depth", "collective"], [
        ["中共重庆市科学技术协会科技社团委员会", 1, False]]),
    ("people_of", {"name": "中国科学技术协会党组"}, ["person", "role", "as_of", "documented", "organization"], [
        ["贺军科", "书记", "2023-06", None, "中国科学技术协会党组"]]),
    ("posts_of", {"name": "贺军科"}, ["organization", "role", "as_of", "documented", "files"], [
        ["中国科学技术协会党组", "书记", "2023-06", None, ["000_test.txt"]]]),
    ("documents_issued_by", {"name": "市科协"}, ["document", "number", "date", "files"], [
        ["2022年全市科协系统工作要点", None, "2022-03-01", ["000_test.txt"]]]),
    ("requirements_for", {"name": "科普中国建设"}, REQUIREMENT_COLUMNS, [
        ["2022年全市科协系统工作要点", "2022-03-01", "科普中国建设", "000_test.txt", 300, 317,
         "各市级学会要深入推进科普中国建设。"]]),
    ("requirements_for", {"name": "市级学会"}, REQUIREMENT_COLUMNS, [
        ["2022年全市科协系统工作要点", "2022-03-01", "市级学会", "000_test.txt", 300, 317,
         "各市级学会要深入推进科普中国建设。"]]),
    ("requirements_for", {"name": "市级学会", "document": "2022年全市科协系统工作要点"}, REQUIREMENT_COLUMNS, [
        ["2022年全市科协系统工作要点", "2022-03-01", "市级学会", "000_test.txt", 300, 317,
         "各市级学会要深入推进科普中国建设。"]]),
    ("initiatives_of", {"name": "市级学会"}, ["initiative", "document", "basis"], [
        ["科普中国建设", "2022年全市科协系统工作要点", "required together"]]),
    ("initiatives_of", {"name": "市科协"}, ["initiative", "document", "basis"], [
        ["科普中国建设", "2022年全市科协系统工作要点", "issued by the body"]]),
    ("path_between", {"a": "贺军科", "b": "中国科协"}, ["nodes", "relations", "steps", "hops"], [
        [["贺军科", "中国科学技术协会党组", "中国科学技术协会"], ["LEADS", "PART_OF"],
         ["贺军科 -LEADS-> 中国科学技术协会党组", "中国科学技术协会党组 -PART_OF-> 中国科学技术协会"], 2]]),
    ("path_between", {"a": "市级学会", "b": "市科协"}, ["nodes", "relations", "steps", "hops"], [
        [["市级学会", "中共重庆市科学技术协会科技社团委员会", "重庆市科学技术协会"], ["SUPERVISES", "SUPERVISES"],
         ["中共重庆市科学技术协会科技社团委员会 -SUPERVISES-> 市级学会",
          "重庆市科学技术协会 -SUPERVISES-> 中共重庆市科学技术协会科技社团委员会"], 2]]),
    ("path_between_any", {"a": "科普中国建设", "b": "市科协"}, ["nodes", "relations", "steps", "hops"], [
        [["科普中国建设", "2022年全市科协系统工作要点", "重庆市科学技术协会"], ["REQUIRES", "ISSUED"],
         ["2022年全市科协系统工作要点 -REQUIRES-> 科普中国建设", "重庆市科学技术协会 -ISSUED-> 2022年全市科协系统工作要点"], 2]]),
    ("evidence", {"name": "贺军科"}, ["source", "target", "relation", *EVIDENCE_FIELDS], [
        ["贺军科", "中国科学技术协会党组", "LEADS", None, None, "000_test.txt", 240, 256,
         "中国科协党组书记贺军科出席会议。"]]),
    ("evidence", {"name": "市科协", "type": "ISSUED"}, ["source", "target", "relation", *EVIDENCE_FIELDS], [
        ["重庆市科学技术协会", "2022年全市科协系统工作要点", "ISSUED", None, None, "000_test.txt", 280, 303,
         "市科协印发《2022年全市科协系统工作要点》。"]]),
    ("hubs", {"limit": 2}, ["organization", "degree", "collective"], [
        ["中共重庆市科学技术协会科技社团委员会", 2, False], ["中国科学技术协会党组", 2, False]]),
]


@pytest.fixture
def loaded(falkor, make_kg):
    falkor.load(make_kg())
    return falkor


def test_queries_every_file_has_an_answer_in_this_table():
    assert {name for name, _, _ in list_queries()} == {name for name, _, _, _ in ANSWERS}


@pytest.mark.parametrize("name, params, columns, rows", ANSWERS)
def test_queries_named_answer_on_the_engine(loaded, name, params, columns, rows):
    result = run_named(name, params, store=loaded)
    assert result.columns == columns
    assert result.rows == rows


@pytest.mark.parametrize("name", ["who_directs", "people_of", "path_between", "evidence"])
def test_queries_unknown_names_are_errors_with_the_closest_names(loaded, name):
    params = {p: "重庆科协" for p, default in query_defaults(name).items() if default is REQUIRED}
    with pytest.raises(UnresolvedName, match="no node is named '重庆科协'; closest: 重庆市科学技术协会") as caught:
        run_named(name, params, store=loaded)
    assert caught.value.exit_code == 3


def test_queries_real_empty_answer_is_no_error(loaded):
    assert run_named("who_directs", {"name": "重庆市科学技术协会"}, store=loaded).rows == []


def test_queries_empty_store_says_so(falkor):
    with pytest.raises(EmptyGraph, match="is empty: load an export first"):
        run_named("who_directs", {"name": "市科协"}, store=falkor)


def test_queries_shared_short_name_lists_the_nodes_unless_every(falkor, make_kg):
    kg = make_kg()
    kg.add_entity("Organization", "中国科学技术协会", aliases=["科协"])
    kg.add_entity("Organization", "重庆市科学技术协会", aliases=["科协"])
    falkor.load(kg)
    with pytest.raises(UnresolvedName, match="'科协' names 2 nodes: 中国科学技术协会 .*; 重庆市科学技术协会 .*--all"):
        run_named("directed_by", {"name": "科协"}, store=falkor)
    rows = run_named("directed_by", {"name": "科协"}, store=falkor, every=True).rows
    assert [r[0] for r in rows] == ["中共重庆市科学技术协会科技社团委员会", "市级学会"]


@pytest.mark.parametrize("query, alias, near", [
    ("市科协", ["重庆市科协"], True),           # contained
    ("重庆科协", ["重庆市科协"], True),         # one edit
    ("重庆科协", [], True),                     # its characters in order: an abbreviation
    ("贺军科", ["重庆市科协"], False),          # nothing alike
])
def test_queries_closest_names(query, alias, near):
    found = closest_names(query, [["重庆市科学技术协会", ["重庆市科学技术协会", *alias], "Organization"]])
    assert (found == [("重庆市科学技术协会", "Organization")]) is near


def test_queries_path_between_keeps_to_the_chain_of_command(falkor, make_kg):
    # 市级学会 and 科普中国建设 meet only through the work plan's REQUIRES edges
    falkor.load(make_kg())
    assert run_named("path_between", {"a": "科普中国建设", "b": "市级学会"}, store=falkor).rows == []
    (row,) = run_named("path_between_any", {"a": "科普中国建设", "b": "市级学会"}, store=falkor).records()
    assert row["relations"] == ["REQUIRES", "REQUIRES"]


def dated_kg(make_kg):
    """small_kg where each statement carries its document's date, as extraction gives it."""
    kg = make_kg()
    for _, _, data in kg.g.edges(data=True):
        for item in data["evidence"]:
            item["date"] = {"SUPERVISES": "2021-05-10", "LEADS": "2023-06-29"}.get(data["type"], "2022-03-01")
    he, party = kg.find("贺军科")[0], kg.find("中国科学技术协会党组")[0]
    kg.add_relation(he, "LEADS", party, evidence=dict(evidence_item("贺军科任中国科协党组书记。"), date="2020-01-02"))
    return kg


def evidence_item(sentence):
    return {"file": "002_test.txt", "sentence": sentence, "start": 0, "end": len(sentence), "rule": "test"}


@pytest.mark.parametrize("name, params, as_of, rows", [
    ("who_directs", {"name": "市级学会"}, "2021", 2),
    ("who_directs", {"name": "市级学会"}, "2020-12-31", 0),
    ("people_of", {"name": "中国科学技术协会党组"}, "2019", 0),
    ("people_of", {"name": "中国科学技术协会党组"}, "2020", 1),      # the 2020 document says so already
    ("people_of", {"name": "中国科学技术协会党组"}, "2023-06", 1),
    ("evidence", {"name": "贺军科"}, "2020", 1),                    # the 2020 sentence, not the 2023 one
    ("evidence", {"name": "贺军科"}, None, 2),
    ("requirements_for", {"name": "市级学会"}, "2022", 1),          # the plan's own date, 2022-03-01
    ("requirements_for", {"name": "市级学会"}, "2021", 0),
    ("initiatives_of", {"name": "市科协"}, "2022-03", 1),
    ("initiatives_of", {"name": "市级学会"}, "2022-02", 0),
    ("hubs", {"limit": 10}, "2021", 4),     # the 2021 SUPERVISES chain (3 bodies) and the 2020 LEADS' party group
    ("hubs", {"limit": 10}, None, 5),       # all five organisations
])
def test_queries_as_of_keeps_what_was_documented_by_then(falkor, make_kg, name, params, as_of, rows):
    falkor.load(dated_kg(make_kg))
    assert len(run_named(name, dict(params, as_of=as_of_date(as_of)), store=falkor).rows) == rows


def test_queries_people_of_gives_the_earliest_document(falkor, make_kg):
    falkor.load(dated_kg(make_kg))
    (row,) = run_named("people_of", {"name": "中国科学技术协会党组"}, store=falkor).records()
    assert (row["as_of"], row["documented"]) == ("2023-06", "2020-01-02")


def test_queries_requirements_for_one_document(falkor, make_kg):
    kg = make_kg()
    other = kg.add_entity("Document", "关于加强学会党建工作的通知", date="2023-01-05")
    kg.add_relation(other, "REQUIRES", kg.find("市级学会")[0], evidence=evidence_item("市级学会要加强党建。"))
    falkor.load(kg)
    rows = run_named("requirements_for", {"name": "市级学会"}, store=falkor).records()
    assert [r["document"] for r in rows] == ["2022年全市科协系统工作要点", "关于加强学会党建工作的通知"]
    (row,) = run_named("requirements_for", {"name": "市级学会", "document": "关于加强学会党建工作的通知"},
                       store=falkor).records()
    assert (row["date"], row["sentence"]) == ("2023-01-05", "市级学会要加强党建。")
    with pytest.raises(UnresolvedName, match="no node is named '关于学会的通知'; closest: 关于加强学会党建工作的通知"):
        run_named("requirements_for", {"name": "市级学会", "document": "关于学会的通知"}, store=falkor)


def test_queries_requirements_for_skips_addressee_lines(falkor, make_kg):
    kg = make_kg()
    plan, societies = kg.find("2022年全市科协系统工作要点")[0], kg.find("市级学会")[0]
    kg.add_relation(plan, "REQUIRES", societies, evidence=dict(evidence_item("各市级学会：\n"), rule="header:addressee"))
    kg.add_relation(plan, "REQUIRES", societies, evidence=dict(evidence_item("市级学会要\n  加强党建。"), rule="text:X要"))
    falkor.load(kg)
    sentences = [r["sentence"] for r in run_named("requirements_for", {"name": "市级学会"}, store=falkor).records()]
    assert sentences == ["各市级学会要深入推进科普中国建设。", "市级学会要加强党建。"]


def test_queries_headers_give_purpose_and_params():
    listed = {name: (purpose, params) for name, purpose, params in list_queries()}
    assert listed["directed_by"][1] == ["name", "depth", "as_of"]
    assert listed["path_between"][1] == ["a", "b"]
    assert all(purpose for purpose, _ in listed.values())
    assert query_defaults("directed_by") == {"name": REQUIRED, "depth": 3, "as_of": None}
    assert query_defaults("hubs") == {"limit": 10, "as_of": None}
    assert load_query(QUERY_DIR / "hubs.cypher") == load_query("hubs")


def test_queries_missing_or_unknown_params_are_named(loaded):
    with pytest.raises(QueryError, match=r"needs \$name"):
        run_named("who_directs", {}, store=loaded)
    with pytest.raises(QueryError, match=r"no parameter \$nmae"):
        run_named("who_directs", {"name": "市科协", "nmae": "x"}, store=loaded)
    with pytest.raises(QueryError, match="no query named 'nope'; known: .*who_directs"):
        load_query("nope")


@pytest.mark.parametrize("text, expected", [
    ("name=市级学会", ("name", "市级学会")),
    ("depth=2", ("depth", 2)),
    ("ratio=0.5", ("ratio", 0.5)),
    ("flag=true", ("flag", True)),
    ("flag=False", ("flag", False)),
    ("x=null", ("x", None)),
    ("names=[\"市科协\", \"中国科协\"]", ("names", ["市科协", "中国科协"])),
    ("m={\"a\": 1}", ("m", {"a": 1})),
    ("code:=007", ("code", "007")),
    ("code=\"42\"", ("code", "42")),
    ("sentence=a=b", ("sentence", "a=b")),
    ("empty=", ("empty", "")),
])
def test_queries_parse_param_types_values(text, expected):
    assert parse_param(text) == expected


@pytest.mark.parametrize("text", ["novalue", "=3", "bad name=1", "x=[1,"])
def test_queries_parse_param_rejects(text):
    with pytest.raises(QueryError):
        parse_param(text)


def test_queries_run_query_opens_the_configured_store(engine_info, make_kg):
    # ORGKG_HOME points at the session engine (see conftest); the default graph is used
    from orgkg.graph.store import open_store
    with open_store() as store:
        store.load(make_kg())
    try:
        result = run_query("MATCH (p:Person) RETURN p.name AS name")
        assert result.rows == [["贺军科"]]
        assert run_named("posts_of", {"name": "贺军科"}).rows[0][1] == "书记"
    finally:
        with open_store() as store:
            store.clear()


RESULT = QueryResult(["机构", "n", "names"], [["中国科协", 12, ["中国科协", "CAST"]], ["市级学会", None, []]])


def test_queries_table_aligns_wide_characters():
    assert format_result(RESULT, "table").splitlines() == [
        "机构      n   names",
        "--------  --  --------------",
        "中国科协  12  中国科协; CAST",
        "市级学会",
        "(2 rows)"]
    assert display_width("中国ab") == 6


def test_queries_json_and_csv():
    assert json.loads(format_result(RESULT, "json")) == [
        {"机构": "中国科协", "n": 12, "names": ["中国科协", "CAST"]}, {"机构": "市级学会", "n": None, "names": []}]
    assert "中国科协" in format_result(RESULT, "json")                  # not \\u-escaped
    rows = list(csv.reader(io.StringIO(format_result(RESULT, "csv"))))
    assert rows == [["机构", "n", "names"], ["中国科协", "12", "中国科协; CAST"], ["市级学会", "", ""]]
    with pytest.raises(QueryError, match="unknown output format"):
        format_result(RESULT, "xml")


def test_queries_to_dataframe():
    frame = to_dataframe(RESULT)
    assert list(frame.columns) == ["机构", "n", "names"] and frame.iloc[0]["机构"] == "中国科协"


def test_queries_run_query_fills_header_defaults(loaded):
    # what `orgkg query -f directed_by -p name=市科协` does: the text with its header
    text = load_query("directed_by")
    assert run_query(text, {"name": "市科协"}, store=loaded).rows == [
        ["中共重庆市科学技术协会科技社团委员会", 1, False], ["市级学会", 2, True]]
    with pytest.raises(QueryError, match=r"needs \$name"):
        run_query(text, {}, store=loaded)
    assert run_query("RETURN $x AS x", {"x": 1}, store=loaded).rows == [[1]]
