"""The named queries in cypher/queries answer on the real engine, and the
runner's parameters and output formats behave."""
import csv
import io
import json

import pytest

from orgkg.graph.errors import QueryError
from orgkg.graph.queries import (QUERY_DIR, display_width, format_result, list_queries, load_query,
                                 parse_param, query_defaults, run_named, run_query, to_dataframe)
from orgkg.graph.store import QueryResult

ANSWERS = [
    ("who_directs", {"name": "市级学会"}, ["body", "depth", "chain"], [
        ["中共重庆市科学技术协会科技社团委员会", 1, ["中共重庆市科学技术协会科技社团委员会", "市级学会"]],
        ["重庆市科学技术协会", 2, ["重庆市科学技术协会", "中共重庆市科学技术协会科技社团委员会", "市级学会"]]]),
    ("directed_by", {"name": "市科协"}, ["body", "depth", "collective"], [
        ["中共重庆市科学技术协会科技社团委员会", 1, False], ["市级学会", 2, True]]),
    ("directed_by", {"name": "重庆市科学技术协会", "depth": 1}, ["body", "depth", "collective"], [
        ["中共重庆市科学技术协会科技社团委员会", 1, False]]),
    ("people_of", {"name": "中国科学技术协会党组"}, ["person", "role", "as_of", "organization"], [
        ["贺军科", "书记", "2023-06", "中国科学技术协会党组"]]),
    ("posts_of", {"name": "贺军科"}, ["organization", "role", "as_of", "files"], [
        ["中国科学技术协会党组", "书记", "2023-06", ["000_test.txt"]]]),
    ("documents_issued_by", {"name": "市科协"}, ["document", "number", "date", "files"], [
        ["2022年全市科协系统工作要点", None, "2022-03-01", ["000_test.txt"]]]),
    ("requirements_for", {"name": "科普中国建设"}, ["document", "subject", "sentence"], [
        ["2022年全市科协系统工作要点", "科普中国建设", "各市级学会要深入推进科普中国建设。"]]),
    ("requirements_for", {"name": "市级学会"}, ["document", "subject", "sentence"], [
        ["2022年全市科协系统工作要点", "市级学会", "各市级学会要深入推进科普中国建设。"]]),
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


@pytest.mark.parametrize("name", ["who_directs", "people_of", "path_between"])
def test_queries_unknown_names_give_no_rows(loaded, name):
    params = {p: "不存在的机构" for p in query_defaults(name) if query_defaults(name)[p] is None}
    assert run_named(name, params, store=loaded).rows == []


def test_queries_headers_give_purpose_and_params():
    listed = {name: (purpose, params) for name, purpose, params in list_queries()}
    assert listed["directed_by"][1] == ["name", "depth"]
    assert listed["path_between"][1] == ["a", "b"]
    assert all(purpose for purpose, _ in listed.values())
    assert query_defaults("directed_by") == {"name": None, "depth": 3}
    assert query_defaults("hubs") == {"limit": 10}
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
        "--------  --  --------------------",
        '中国科协  12  ["中国科协", "CAST"]',
        "市级学会      []",
        "(2 rows)"]
    assert display_width("中国ab") == 6


def test_queries_json_and_csv():
    assert json.loads(format_result(RESULT, "json")) == [
        {"机构": "中国科协", "n": 12, "names": ["中国科协", "CAST"]}, {"机构": "市级学会", "n": None, "names": []}]
    assert "中国科协" in format_result(RESULT, "json")                  # not \\u-escaped
    rows = list(csv.reader(io.StringIO(format_result(RESULT, "csv"))))
    assert rows == [["机构", "n", "names"], ["中国科协", "12", '["中国科协", "CAST"]'], ["市级学会", "", "[]"]]
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
