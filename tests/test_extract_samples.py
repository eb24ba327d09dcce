"""The sample corpus end to end: provenance points into the files, ids are stable,
bad files are skipped with a reason, and quality stays above a floor."""
import json
from pathlib import Path

import pytest

from orgkg.extractors.extract import extract_paths
from orgkg.graph.evaluate import evaluate

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "data" / "samples"
# The gold annotations of the samples travel with them; extraction never reads them.
GOLD = ROOT / "data" / "gold"


@pytest.fixture(scope="module")
def result():
    return extract_paths([SAMPLES])


def test_extract_samples_reads_every_file(result):
    assert sorted(result.files) == sorted(p.name for p in SAMPLES.glob("*.txt"))
    assert result.skipped == []
    counts = result.kg.counts()["by_label"]
    assert set(counts) == {"Organization", "Person", "Initiative", "Document", "Event"}


def test_extract_samples_evidence_is_a_raw_slice(result):
    raw = {p.name: p.read_text(encoding="utf-8") for p in SAMPLES.glob("*.txt")}
    edges = result.kg.edges()
    assert edges
    for e in edges:
        assert e["evidence"], e
        for ev in e["evidence"]:
            assert raw[ev["file"]][ev["start"]:ev["end"]] == ev["sentence"]
            assert ev["rule"] and 0 < ev["confidence"] <= 1


def test_extract_samples_mentions_point_at_the_name(result):
    raw = {p.name: p.read_text(encoding="utf-8") for p in SAMPLES.glob("*.txt")}
    for n in result.kg.nodes():
        for m in n["mentions"]:
            text = "".join(raw[m["file"]][m["start"]:m["end"]].split())
            assert text, n["name"]


def test_extract_samples_every_node_has_a_mention(result):
    # a body named only inside another name (某开发区科协党组) points at that part of it
    assert [n["name"] for n in result.kg.nodes() if not n["mentions"]] == []


def test_extract_samples_ids_are_deterministic(result):
    again = extract_paths([SAMPLES])
    assert json.dumps(result.kg.to_dict(), ensure_ascii=False, sort_keys=True) == \
        json.dumps(again.kg.to_dict(), ensure_ascii=False, sort_keys=True)


def test_extract_samples_leads_carry_role_and_date(result):
    leads = [e for e in result.kg.edges() if e["type"] == "LEADS"]
    assert leads and all(e.get("role") for e in leads)


def test_extract_skips_bad_files_and_goes_on(tmp_path):
    (tmp_path / "empty.txt").write_text("", encoding="utf-8")
    (tmp_path / "ok.txt").write_text("市委书记林海峰主持会议并讲话。", encoding="utf-8")
    res = extract_paths([tmp_path])
    assert res.files == ["ok.txt"]
    assert [Path(p).name for p, _ in res.skipped] == ["empty.txt"]


def test_extract_samples_quality_floor(result):
    report = evaluate(GOLD, result.kg.to_dict())
    assert report.score("all", "entity").f1 >= 0.90
    assert report.score("all", "relation").f1 >= 0.80
