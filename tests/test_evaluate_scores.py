"""The scorer on a tiny hand-made gold and export whose figures are known."""
import json

import pytest

from orgkg.graph.errors import InputError
from orgkg.graph.evaluate import evaluate, format_report

GOLD = {
    "source": "a.txt",
    "entities": [
        {"type": "Organization", "name": "重庆市科学技术协会", "aliases": ["市科协"], "collective": False},
        {"type": "Organization", "name": "市级学会", "aliases": [], "collective": True},
        {"type": "Person", "name": "张三", "aliases": []},
        {"type": "Document", "name": "2022年工作要点", "aliases": []},
    ],
    "relations": [
        {"head": "重庆市科学技术协会", "type": "ISSUED", "tail": "2022年工作要点"},
        {"head": "重庆市科学技术协会", "type": "SUPERVISES", "tail": "市级学会"},
        {"head": "张三", "type": "LEADS", "tail": "重庆市科学技术协会", "role": "主席"},
    ],
}


def node(i, label, name, aliases=(), collective=False, file="a.txt"):
    return {"id": i, "label": label, "name": name, "aliases": list(aliases), "collective": collective,
            "mentions": [{"file": file, "start": 0, "end": 1}]}


def edge(s, t, typ, file="a.txt"):
    return {"source": s, "target": t, "type": typ, "evidence": [{"file": file, "sentence": "x", "start": 0, "end": 1}]}


EXPORT = {
    "nodes": [
        node("o1", "Organization", "市科协"),                      # matches through an alias
        node("o2", "Organization", "重庆市科协", ["市科协"]),        # a duplicate: one-to-one makes it a FP
        node("o3", "Organization", "市级学会", collective=True),
        node("p1", "Person", "张三"),
        node("d1", "Document", "《2022年工作要点》"),              # 《》 stripped before matching
        node("x1", "Person", "李四", file="other.txt"),           # another file: not counted for a.txt
    ],
    "edges": [
        edge("o1", "d1", "ISSUED"),                 # TP
        edge("d1", "o1", "ISSUED"),                 # wrong direction: FP
        edge("p1", "o1", "LEADS"),                  # TP
        edge("o1", "o3", "PART_OF"),                # FP
    ],
}


@pytest.fixture()
def gold_dir(tmp_path):
    d = tmp_path / "gold"
    d.mkdir()
    (d / "a.json").write_text(json.dumps(GOLD, ensure_ascii=False), encoding="utf-8")
    return d


def test_evaluate_known_figures(gold_dir):
    report = evaluate(gold_dir, EXPORT)
    ent = report.score("all", "entity")
    assert (ent.tp, ent.fp, ent.fn) == (4, 1, 0)
    rel = report.score("all", "relation")
    assert (rel.tp, rel.fp, rel.fn) == (2, 2, 1)
    assert rel.p == pytest.approx(0.5) and rel.r == pytest.approx(2 / 3)
    assert rel.f1 == pytest.approx(2 * 0.5 * (2 / 3) / (0.5 + 2 / 3))


def test_evaluate_without_collective(gold_dir):
    report = evaluate(gold_dir, EXPORT)
    ent = report.score("no_collective", "entity")
    assert (ent.tp, ent.fp, ent.fn) == (3, 1, 0)
    rel = report.score("no_collective", "relation")
    assert (rel.tp, rel.fp, rel.fn) == (2, 1, 0)     # SUPERVISES and PART_OF touch a collective


def test_evaluate_per_type_and_table(gold_dir, tmp_path):
    path = tmp_path / "out.json"
    path.write_text(json.dumps(EXPORT, ensure_ascii=False), encoding="utf-8")
    report = evaluate(gold_dir, path)
    assert report.score("all", "relation", "ISSUED").tp == 1
    assert report.score("all", "relation", "ISSUED").fp == 1
    assert report.files["a.txt"]["entity"].tp == 4
    table = format_report(report)
    assert "Organization" in table and "a.txt" in table
    assert json.dumps(report.as_dict())


def test_evaluate_bad_export_names_the_file(gold_dir, tmp_path):
    bad = tmp_path / "bad.json"
    bad.write_text("{not json", encoding="utf-8")
    with pytest.raises(InputError, match="bad.json"):
        evaluate(gold_dir, bad)
