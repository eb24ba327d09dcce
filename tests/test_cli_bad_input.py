"""The command line under careless and hostile input: every bad file, export,
parameter or output path ends in one clear line and an exit code, never a
traceback; good files still go through, and old outputs are never clobbered."""
import json
import os
import zipfile
from pathlib import Path

import docx
import pytest
from click.testing import CliRunner

from conftest import small_kg
from orgkg.extractors.read import reader
from orgkg.graph.cli import main

GOOD = ("重庆市科学技术协会关于开展科普活动的通知\n各区县科协：\n"
        + "重庆市科学技术协会领导各区县科协开展科普工作，普及科学知识，弘扬科学精神。\n" * 20
        + "重庆市科学技术协会\n2022年3月8日\n")


def run(args, home=None, **kwargs):
    env = {"NEO4J_URI": None, "ORGKG_HOME": str(home) if home else None}
    result = CliRunner(env=env).invoke(main, [str(a) for a in args], **kwargs)
    # CliRunner keeps an uncaught exception in .exception: that is what a user sees as a traceback
    assert result.exception is None or isinstance(result.exception, SystemExit), \
        f"traceback: {result.exception!r}\n{result.output}"
    return result


def _bad_corpus(folder: Path) -> dict:
    """One good file and one bad file of each kind; returns {name: words of its reason}."""
    folder.mkdir()
    (folder / "good.txt").write_text(GOOD, encoding="utf-8")
    document = docx.Document()
    document.add_paragraph("通知")
    document.save(folder / "damaged.docx")
    with zipfile.ZipFile(folder / "damaged.docx") as z:
        members = {i.filename: z.read(i) for i in z.infolist()}
    members["word/document.xml"] = b"<w:document><w:body><w:p>"
    with zipfile.ZipFile(folder / "damaged.docx", "w") as z:
        for name, data in members.items():
            z.writestr(name, data)
    with zipfile.ZipFile(folder / "bomb.docx", "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("word/document.xml", "<w:document/>")
        with z.open("word/media/big.bin", "w", force_zip64=True) as member:
            for _ in range(300):
                member.write(b"\0" * 2**20)
    (folder / "loop").symlink_to("loop")
    (folder / "empty.txt").write_bytes(b"")
    (folder / "huge.txt").write_text("科" * (reader.MAX_CHARS + 1), encoding="utf-8")
    Path(os.fsdecode(bytes(folder) + b"/\xc4\xe3\xba\xc3.txt")).write_text(GOOD, encoding="utf-8")
    return {"damaged.docx": "damaged", "bomb.docx": "zip bomb", "loop": "symbolic link loop",
            "empty.txt": "empty file", "huge.txt": "over the limit"}


def test_cli_extract_batch_with_one_bad_file_of_each_kind_keeps_every_good_file(tmp_path):
    bad = _bad_corpus(tmp_path / "corpus")
    out = tmp_path / "graph.json"
    result = run(["extract", tmp_path / "corpus", "--out", out, "-q"])
    assert result.exit_code == 0, result.output
    skipped = [line for line in result.output.splitlines() if line.startswith("skipped ")]
    assert len(skipped) == len(bad)
    for name, reason in bad.items():
        (line,) = [s for s in skipped if f"/{name}: " in s]
        assert reason in line
    files = {m["file"] for n in json.loads(out.read_text(encoding="utf-8"))["nodes"] for m in n["mentions"]}
    assert files == {"good.txt", "\\xc4\\xe3\\xba\\xc3.txt"}


@pytest.mark.parametrize("command", ["build", "extract"])
def test_cli_run_that_read_nothing_fails_and_leaves_old_outputs(tmp_path, command):
    out_dir = tmp_path / "out"
    out_dir.mkdir()
    old = {"graph.json": '{"nodes": [], "edges": [], "old": true}', "graph.html": "<html>old</html>"}
    for name, text in old.items():
        (out_dir / name).write_text(text, encoding="utf-8")
    out = out_dir if command == "build" else out_dir / "graph.json"
    result = run([command, tmp_path / "mistyped", "--out", out, "-q"], home=tmp_path / "home")
    assert result.exit_code == 1
    assert "mistyped" in result.output and "no file could be read" in result.output
    assert {name: (out_dir / name).read_text(encoding="utf-8") for name in old} == old


def test_cli_names_and_file_names_with_control_characters_never_reach_the_terminal(tmp_path):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    title = "重庆市科学技术协会\x1b]0;pwned\x07关于开展科普活动的通知"
    (corpus / "a\x1b[2Jb.txt").write_text(GOOD.replace("重庆市科学技术协会关于开展科普活动的通知", title),
                                         encoding="utf-8")
    (corpus / "c\x1b[31m.txt").write_bytes(b"")
    result = run(["build", corpus, "--out", tmp_path / "out"], home=tmp_path / "home")
    assert result.exit_code == 0, result.output
    assert "\x1b" not in result.output and "\x07" not in result.output
    data = json.loads((tmp_path / "out" / "graph.json").read_text(encoding="utf-8"))
    names = [n["name"] for n in data["nodes"]] + [a for n in data["nodes"] for a in n["aliases"]]
    assert names and not [n for n in names if any(ord(c) < 32 or 0x7f <= ord(c) < 0xa0 for c in n)]
    shown = run(["query", "MATCH (n) RETURN n.name, n.files"], home=tmp_path / "home")
    assert shown.exit_code == 0 and "\x1b" not in shown.output


def _export(tmp_path, data, raw=None):
    path = tmp_path / "bad.json"
    if raw is not None:
        path.write_bytes(raw)
    else:
        path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    return path


NODE = {"id": "n1", "label": "Organization", "name": "甲", "aliases": [], "mentions": []}
OTHER = {"id": "n2", "label": "Organization", "name": "乙", "aliases": [], "mentions": []}
EDGE = {"source": "n1", "target": "n2", "type": "SUPERVISES", "evidence": []}
MALFORMED = [
    ("not JSON", None, b"{nodes: ["),
    ("not UTF-8", None, "{\"nodes\": []}".encode("utf-16")),
    ("binary", None, bytes(range(256))),
    ("a list", [], None),
    ("nodes not a list", {"nodes": {"a": 1}}, None),
    ("edges not a list", {"nodes": [], "edges": "x"}, None),
    ("node a string", {"nodes": ["n1"]}, None),
    ("node without id", {"nodes": [{"label": "Organization", "name": "甲"}]}, None),
    ("id a number", {"nodes": [{**NODE, "id": 7}]}, None),
    ("no label", {"nodes": [{"id": "n1", "name": "甲"}]}, None),
    ("unknown label", {"nodes": [{**NODE, "label": "Spaceship"}]}, None),
    ("label a list", {"nodes": [{**NODE, "label": ["Organization"]}]}, None),
    ("no name", {"nodes": [{"id": "n1", "label": "Organization"}]}, None),
    ("name a dict", {"nodes": [{**NODE, "name": {"zh": "甲"}}]}, None),
    ("aliases a string", {"nodes": [{**NODE, "aliases": "乙丙"}]}, None),
    ("aliases of numbers", {"nodes": [{**NODE, "aliases": [1, 2]}]}, None),
    ("mentions a string", {"nodes": [{**NODE, "mentions": "a.txt"}]}, None),
    ("mentions of strings", {"nodes": [{**NODE, "mentions": ["a.txt"]}]}, None),
    ("collective a string", {"nodes": [{**NODE, "collective": "yes"}]}, None),
    ("duplicate node ids", {"nodes": [NODE, {**NODE, "name": "丁"}]}, None),
    ("bad property name", {"nodes": [{**NODE, "bad key": 1}]}, None),
    ("NaN property", None, b'{"nodes": [{"id": "n1", "label": "Organization", "name": "x", "score": NaN}]}'),
    ("huge number", None, b'{"nodes": [{"id": "n1", "label": "Organization", "name": "x", "n": 1' + b"0" * 5000 + b"}]}"),
    ("deep nesting", None, b'{"nodes": ' + b"[" * 100000 + b"]" * 100000 + b"}"),
    ("edge to a missing node", {"nodes": [NODE], "edges": [EDGE]}, None),
    ("edge without type", {"nodes": [NODE, OTHER], "edges": [{"source": "n1", "target": "n2"}]}, None),
    ("edge of unknown type", {"nodes": [NODE, OTHER], "edges": [{**EDGE, "type": "LOVES"}]}, None),
    ("edge against the schema", {"nodes": [NODE, {**OTHER, "label": "Person"}],
                                 "edges": [{**EDGE, "type": "ISSUED"}]}, None),
    ("edge a list", {"nodes": [NODE, OTHER], "edges": [["n1", "n2"]]}, None),
    ("evidence a string", {"nodes": [NODE, OTHER], "edges": [{**EDGE, "evidence": "句子"}]}, None),
    ("source a number", {"nodes": [NODE, OTHER], "edges": [{**EDGE, "source": 1}]}, None),
]


@pytest.mark.parametrize("command", ["load", "viz", "export"])
@pytest.mark.parametrize("case, data, raw", MALFORMED, ids=[m[0] for m in MALFORMED])
def test_cli_malformed_export_is_refused_with_its_name(tmp_path, command, case, data, raw):
    path = _export(tmp_path, data, raw)
    args = {"load": ["load", path], "viz": ["viz", path, "--out", tmp_path / "p.html"],
            "export": ["export", path, "--format", "graphml", "--out", tmp_path / "g.graphml"]}[command]
    result = run(args, home=tmp_path / "home")
    assert result.exit_code == 1, result.output
    assert str(path) in result.output
    assert not (tmp_path / "p.html").exists() and not (tmp_path / "g.graphml").exists()


def test_cli_export_aliases_given_as_text_are_not_split_into_characters(tmp_path):
    path = _export(tmp_path, {"nodes": [{**NODE, "aliases": "乙丙"}]})
    result = run(["load", path], home=tmp_path / "home")
    assert result.exit_code == 1 and "aliases is text" in result.output


@pytest.mark.parametrize("value", ["nan", "NaN", "inf", "-inf", "Infinity", "1e999", "-1e999", "[1, NaN]",
                                   "[1e999]", "99999999999999999999"])
def test_cli_query_non_finite_or_huge_numbers_are_usage_errors(tmp_path, value):
    result = run(["query", "RETURN $x AS x", "-p", f"x={value}"], home=tmp_path / "home")
    assert result.exit_code == 2 and "x" in result.output


def test_cli_query_non_finite_number_passes_as_text_with_colon_equals(tmp_path, engine_info):
    result = run(["query", "RETURN $x AS x", "-p", "x:=nan", "--format", "json"])
    assert result.exit_code == 0 and json.loads(result.output) == [{"x": "nan"}]


@pytest.mark.parametrize("data", [bytes(range(256)), b"MATCH (n)\x00 RETURN n", "RETURN 1".encode("utf-16")])
def test_cli_query_file_that_is_not_text_is_refused(tmp_path, data):
    path = tmp_path / "q.cypher"
    path.write_bytes(data)
    result = run(["query", "-f", path], home=tmp_path / "home")
    assert result.exit_code == 1 and str(path) in result.output and "not a Cypher text file" in result.output


GOLD_OK = {"source": "a.txt", "entities": [{"type": "Organization", "name": "甲", "aliases": []}], "relations": []}


@pytest.mark.parametrize("gold", [
    b"{not json",
    "{}".encode("utf-16"),
    b"[]",
    json.dumps({**GOLD_OK, "entities": "甲"}).encode(),
    json.dumps({**GOLD_OK, "entities": [{"name": "甲"}]}).encode(),
    json.dumps({**GOLD_OK, "entities": [{"type": "Organization", "name": "甲", "aliases": "乙"}]}).encode(),
    json.dumps({**GOLD_OK, "relations": [{"head": "甲", "type": "LEADS"}]}).encode(),
    json.dumps({**GOLD_OK, "relations": ["甲 LEADS 乙"]}).encode(),
    json.dumps({**GOLD_OK, "source": 5}).encode(),
], ids=["json", "utf16", "list", "entities-text", "no-type", "aliases-text", "no-tail", "relation-text", "source"])
def test_cli_eval_malformed_gold_names_the_gold_file(tmp_path, gold):
    gold_dir = tmp_path / "gold"
    gold_dir.mkdir()
    (gold_dir / "bad.json").write_bytes(gold)
    export = small_kg().write_json(tmp_path / "graph.json")
    result = run(["eval", "--gold", gold_dir, export])
    assert result.exit_code == 1 and str(gold_dir / "bad.json") in result.output


def _unwritable(tmp_path) -> Path:
    blocker = tmp_path / "a-file"
    blocker.write_text("x")
    return blocker / "sub"                     # a folder inside a file: no one can write there


@pytest.mark.parametrize("command", ["extract", "viz", "export", "build"])
def test_cli_unwritable_output_path_is_a_clear_error(tmp_path, command):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "good.txt").write_text(GOOD, encoding="utf-8")
    export = small_kg().write_json(tmp_path / "graph.json")
    bad = _unwritable(tmp_path)
    args = {"extract": ["extract", corpus, "--out", bad / "g.json", "-q"],
            "viz": ["viz", export, "--out", bad / "p.html"],
            "export": ["export", export, "--format", "gexf", "--out", bad / "g.gexf"],
            "build": ["build", corpus, "--out", bad, "-q"]}[command]
    result = run(args, home=tmp_path / "home")
    assert result.exit_code == 1 and "a-file" in result.output
