"""The README's promises: its first lines give the two set-up commands, CI
runs the test one, and every command it lists exists."""
import re
import shlex
from pathlib import Path

import pytest
from click.testing import CliRunner

from orgkg.graph.cli import main

ROOT = Path(__file__).resolve().parents[1]
README = (ROOT / "README.md").read_text(encoding="utf-8")


def test_readme_first_lines_are_the_two_commands():
    head = [line.strip() for line in README.splitlines()[:5] if line.strip()]
    assert head[1].startswith("make run") and head[2].startswith("make test")


def test_readme_test_command_is_what_ci_runs():
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert re.search(r"^make test$", ci, re.M)
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    assert re.search(r"^run:", makefile, re.M) and re.search(r"^test:", makefile, re.M)


def listed_commands():
    for line in README.splitlines():
        if line.startswith("    orgkg "):  # the indented command block, not prose
            line = line.strip()
            words = shlex.split(line.split("#")[0])[1:]
            yield [w for w in words if not w.startswith(("-", "'", "PATH", "FILE", "CYPHER")) and w.isascii()][:2]


@pytest.mark.parametrize("words", list(listed_commands()), ids=lambda w: " ".join(w))
def test_readme_listed_commands_exist(words):
    group = main
    for word in words:
        if not hasattr(group, "commands"):
            break
        names = [w for w in word.split("|")]
        assert names[0] in group.commands, f"README lists `orgkg {' '.join(words)}` but there is no such command"
        group = group.commands[names[0]]
    result = CliRunner().invoke(main, [*words[:1], "--help"])
    assert result.exit_code == 0, result.output
