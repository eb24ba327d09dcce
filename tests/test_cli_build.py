"""The main job end to end through the CLI, on the sample corpus and a real embedded engine."""
import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from orgkg.graph.cli import main
from orgkg.graph.ids import match_key

from conftest import redis_pids as engine_processes

SAMPLES = Path(__file__).resolve().parents[1] / "data" / "samples"


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    home = tmp_path_factory.mktemp("home")
    out = tmp_path_factory.mktemp("out")
    runner = CliRunner(env={"ORGKG_HOME": str(home), "NEO4J_URI": None})
    result = runner.invoke(main, ["build", str(SAMPLES), "--out", str(out), "-q"])
    assert result.exit_code == 0, result.output
    return runner, home, out, result.output


def test_cli_build_writes_export_page_and_summary(built):
    runner, home, out, output = built
    assert (out / "graph.json").is_file() and (out / "graph.html").is_file()
    assert "files read: 5" in output and "most connected bodies:" in output
    assert engine_processes(home) == [], "build left the embedded engine running"


def test_cli_build_export_has_all_types_and_core_relations(built):
    _, _, out, _ = built
    data = json.loads((out / "graph.json").read_text(encoding="utf-8"))
    labels = {n["label"] for n in data["nodes"]}
    assert labels == {"Organization", "Person", "Initiative", "Document", "Event"}
    types = {e["type"] for e in data["edges"]}
    assert {"ISSUED", "LEADS", "SUPERVISES", "REQUIRES"} <= types


def test_cli_build_evidence_points_into_its_file(built):
    _, _, out, _ = built
    data = json.loads((out / "graph.json").read_text(encoding="utf-8"))
    texts = {p.name: p.read_text(encoding="utf-8-sig") for p in SAMPLES.iterdir()}
    checked = 0
    for edge in data["edges"]:
        assert edge["evidence"], f"edge without evidence: {edge}"
        for ev in edge["evidence"]:
            raw = texts[ev["file"]]
            assert raw[ev["start"]:ev["end"]] == ev["sentence"]
            assert ev["sentence"].strip()
            checked += 1
    mentions = 0
    for node in data["nodes"]:
        for m in node["mentions"]:
            span = texts[m["file"]][m["start"]:m["end"]]
            assert match_key(span) == match_key(m["text"]) != "", f"{node['name']}: {m}"
            mentions += 1
    assert checked > 50 and mentions > 100


def test_cli_query_reads_loaded_graph_and_refuses_writes(built):
    runner, home, _, _ = built
    result = runner.invoke(main, ["query", "MATCH (d:Document) RETURN count(d) AS n", "--format", "json"])
    assert result.exit_code == 0, result.output
    assert json.loads(result.output)[0]["n"] > 0
    result = runner.invoke(main, ["query", "CREATE (:Organization {name: 'x'})"])
    assert result.exit_code == 1
    assert "--write" in result.output
    assert engine_processes(home) == []


def test_cli_load_twice_keeps_counts(built):
    runner, _, out, _ = built
    query = ["query", "MATCH (n) RETURN count(n) AS n", "--format", "json"]
    before = json.loads(runner.invoke(main, query).output)[0]["n"]
    result = runner.invoke(main, ["load", str(out / "graph.json"), "-q"])
    assert result.exit_code == 0, result.output
    after = json.loads(runner.invoke(main, query).output)[0]["n"]
    exported = len(json.loads((out / "graph.json").read_text(encoding="utf-8"))["nodes"])
    assert before == after == exported


def test_cli_extract_skips_bad_files_and_goes_on(tmp_path):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "good.txt").write_text("中共重庆市科学技术协会党组关于印发《2023年工作要点》的通知\n各区县科协：\n请认真贯彻落实。", encoding="utf-8")
    (corpus / "empty.txt").write_bytes(b"")
    (corpus / "binary.txt").write_bytes(bytes(range(256)) * 4)
    out = tmp_path / "g.json"
    result = CliRunner().invoke(main, ["extract", str(corpus), "--out", str(out), "-q"])
    assert result.exit_code == 0, result.output
    assert "empty.txt" in result.output and "binary.txt" in result.output
    assert out.is_file()
    assert "Traceback" not in result.output


@pytest.mark.parametrize("args, code, text", [
    (["load", "/nonexistent/graph.json"], 1, "no such file"),
    (["query"], 2, "CYPHER"),
    (["query", "RETURN 1", "-p", "novalue"], 2, "-p"),
    (["viz", "/nonexistent.json", "--out", "x.html"], 1, "no such file"),
])
def test_cli_errors_are_clear(tmp_path, args, code, text):
    result = CliRunner(env={"ORGKG_HOME": str(tmp_path), "NEO4J_URI": None}).invoke(main, args)
    assert result.exit_code == code, result.output
    assert text in result.output
    assert "Traceback" not in result.output
