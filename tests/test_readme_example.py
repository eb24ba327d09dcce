"""The README's worked example runs on the sample corpus as shown: every `$ orgkg …`
line in that section exits as shown and prints the header (or message) the README
shows. (Rows change with extraction; the README's are regenerated with it.)"""
import re
import shlex
from pathlib import Path

import pytest
from click.testing import CliRunner

from orgkg.extractors.extract import extract_paths
from orgkg.graph.cli import main
from orgkg.graph.store.falkor import FalkorStore

ROOT = Path(__file__).resolve().parents[1]
README = (ROOT / "README.md").read_text(encoding="utf-8")
SECTION = README.split("## A worked example", 1)[1].split("\n## ", 1)[0]


def shown():
    """(command, exit code, first line of output) for each `$ orgkg` line of the section."""
    for block in re.findall(r"```\n(.*?)```", SECTION, re.S):
        for chunk in re.split(r"^\$ ", block, flags=re.M)[1:]:
            lines = chunk.rstrip("\n").splitlines()
            code = re.fullmatch(r"\(exit code (\d+)\)", lines[-1])
            yield lines[0], int(code[1]) if code else 0, lines[1]


EXAMPLES = list(shown())


def test_readme_example_answers_the_five_questions():
    queries = [shlex.split(c)[3] for c, _, _ in EXAMPLES if c.startswith("orgkg query -f ")]
    assert {"directed_by", "people_of", "requirements_for", "path_between", "documents_issued_by"} <= set(queries)


@pytest.fixture(scope="module")
def samples_graph(engine_info):
    store = FalkorStore(engine_info.socket, graph="test-readme-example")
    store.drop()
    store.load(extract_paths([ROOT / "data" / "samples"]).kg)
    yield
    store.drop()
    store.close()


@pytest.mark.parametrize("command, code, first", EXAMPLES, ids=[c for c, _, _ in EXAMPLES])
def test_readme_example_runs_as_shown(samples_graph, monkeypatch, command, code, first):
    monkeypatch.setenv("ORGKG_GRAPH", "test-readme-example")
    result = CliRunner().invoke(main, shlex.split(command)[1:])
    assert result.exit_code == code, result.output
    assert (result.stdout or result.stderr).splitlines()[0] == first
