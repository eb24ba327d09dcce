"""`orgkg query` and `orgkg evidence` on the session engine: exit codes, stdin,
--as-of, --any, --all and the row formats."""
import csv
import io
import json

import pytest
from click.testing import CliRunner

from orgkg.graph.cli import main
from orgkg.graph.store import open_store


@pytest.fixture
def configured(engine_info, make_kg):
    """small_kg in the configured store (the session engine's default graph), with the
    work plan's statements dated as extraction dates them."""
    kg = make_kg()
    for _, _, data in kg.g.edges(data=True):
        for item in data["evidence"]:
            item["date"] = "2023-06-29" if data["type"] == "LEADS" else "2022-03-01"
    with open_store() as store:
        store.load(kg)
    yield kg
    with open_store() as store:
        store.clear()


def run(*args, stdin=None):
    return CliRunner().invoke(main, list(args), input=stdin)


@pytest.mark.parametrize("args, code, stderr", [
    (["query", "-f", "who_directs", "-p", "name=重庆科协"], 3, "no node is named '重庆科协'; closest: 重庆市科学技术协会"),
    (["query", "-f", "path_between", "-p", "a=贺军科", "-p", "b=不存在的机构"], 3, "no node is named '不存在的机构'"),
    (["evidence", "重庆科协"], 3, "closest: 重庆市科学技术协会"),
    (["query", "-f", "who_directs", "-p", "name=重庆市科学技术协会"], 0, ""),   # a real empty answer
    (["query", "-f", "path_between", "-p", "a=贺军科", "-p", "b=市科协", "--as-of", "2022"], 2,
     "--as-of needs a query that takes $as_of"),
    (["query", "-f", "who_directs", "-p", "name=市科协", "--as-of", "last year"], 2, "is not a date"),
    (["query", "-f", "hubs", "--any"], 1, "--any applies to path_between only"),
    (["evidence", "市科协", "--type", "BOSSES"], 2, "no relation type"),
    (["evidence", "市科协", "--format", "xlsx"], 2, "give --out"),
])
def test_cli_query_exit_codes_and_messages(configured, args, code, stderr):
    result = run(*args)
    assert result.exit_code == code, result.output + result.stderr
    assert stderr in result.stderr
    assert "Traceback" not in result.stderr + result.output


def test_cli_query_unknown_name_prints_no_rows(configured):
    result = run("query", "-f", "who_directs", "-p", "name=重庆科协")
    assert result.stdout == "" and "(0 rows)" not in result.stderr


def test_cli_query_empty_store_says_so(engine_info):
    result = run("query", "-f", "who_directs", "-p", "name=市科协")
    assert result.exit_code == 1 and "is empty: load an export first" in result.stderr


def test_cli_query_reads_cypher_from_stdin(configured):
    text = "// params: $name (a name)\nMATCH (n) WHERE $name IN n.names RETURN n.name AS name"
    result = run("query", "-f", "-", "-p", "name=市科协", "--format", "json", stdin=text)
    assert result.exit_code == 0, result.stderr
    assert json.loads(result.stdout) == [{"name": "重庆市科学技术协会"}]
    assert run("query", "-f", "-", "-p", "name=市科协x", stdin=text).exit_code == 3  # names resolved too


@pytest.mark.parametrize("as_of, people", [("2023", ["贺军科"]), ("2023-05", []), (None, ["贺军科"])])
def test_cli_query_as_of(configured, as_of, people):
    args = ["query", "-f", "people_of", "-p", "name=中国科学技术协会党组", "--format", "json"]
    result = run(*args, *(["--as-of", as_of] if as_of else []))
    assert result.exit_code == 0, result.stderr
    assert [r["person"] for r in json.loads(result.stdout)] == people


def test_cli_query_any_leaves_the_chain_of_command(configured):
    args = ["query", "-f", "path_between", "-p", "a=科普中国建设", "-p", "b=市科协", "--format", "json"]
    assert json.loads(run(*args).stdout) == []
    (row,) = json.loads(run(*args, "--any").stdout)
    assert row["relations"] == ["REQUIRES", "ISSUED"]


def test_cli_query_shared_name_lists_and_all_answers(configured):
    with open_store() as store:
        store.query("MATCH (n) WHERE n.name IN ['中国科学技术协会', '重庆市科学技术协会'] "
                    "SET n.names = n.names + ['科协']", write=True)
    result = run("query", "-f", "directed_by", "-p", "name=科协")
    assert result.exit_code == 3
    assert "'科协' names 2 nodes: 中国科学技术协会 (Organization); 重庆市科学技术协会 (Organization)" in result.stderr
    assert "--all" in result.stderr
    listed = run("query", "-f", "directed_by", "-p", "name=科协", "--all", "--format", "json")
    assert [r["body"] for r in json.loads(listed.stdout)] == ["中共重庆市科学技术协会科技社团委员会", "市级学会"]


def test_cli_evidence_rows_in_every_format(configured, tmp_path):
    table = run("evidence", "贺军科")
    assert table.exit_code == 0, table.stderr
    assert table.stdout.splitlines()[0].split() == ["source", "target", "relation", "document", "date", "file",
                                                    "start", "end", "sentence"]
    assert "中国科协党组书记贺军科出席会议。" in table.stdout and "(1 row)" in table.stdout
    rows = json.loads(run("evidence", "市科协", "--type", "supervises", "--format", "json").stdout)
    assert [(r["source"], r["target"], r["relation"], r["date"], r["start"]) for r in rows] == [
        ("重庆市科学技术协会", "中共重庆市科学技术协会科技社团委员会", "SUPERVISES", "2022-03-01", 200)]
    excel = run("evidence", "市科协", "--format", "csv", "--excel")
    assert excel.stdout.startswith("\ufeffsource,target,relation")
    plain = list(csv.DictReader(io.StringIO(run("evidence", "市科协", "--format", "csv").stdout)))
    assert {r["relation"] for r in plain} == {"ISSUED", "SUPERVISES"}
    out = tmp_path / "evidence.xlsx"
    written = run("evidence", "市科协", "--format", "xlsx", "--out", str(out))
    assert written.exit_code == 0 and "2 rows ->" in written.stderr
    from openpyxl import load_workbook
    assert [c.value for c in load_workbook(out).active[1]][:3] == ["source", "target", "relation"]
