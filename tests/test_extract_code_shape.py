"""The shape the extraction code keeps (see extractors/README.md): small functions and
the language in data files, not in the code."""
import ast
import io
import re
import tokenize
from pathlib import Path

import pytest

EXTRACTORS = Path(__file__).resolve().parents[1] / "extractors"
CJK = re.compile(r"[\u4e00-\u9fff]")
MAX_COMPLEXITY = 15
MAX_CJK_LITERALS = 100


def complexity(fn) -> int:
    """McCabe's cyclomatic number: one, plus one per branch, loop, handler,
    comprehension clause and extra operand of and/or."""
    n = 1
    for node in ast.walk(fn):
        if node is not fn and isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.Lambda)):
            continue
        if isinstance(node, (ast.If, ast.IfExp, ast.While, ast.For, ast.AsyncFor, ast.ExceptHandler, ast.Assert)):
            n += 1 + (bool(getattr(node, "orelse", None)) and isinstance(node, (ast.For, ast.While, ast.AsyncFor)))
        elif isinstance(node, ast.BoolOp):
            n += len(node.values) - 1
        elif isinstance(node, ast.comprehension):
            n += 1 + len(node.ifs)
        elif isinstance(node, ast.match_case):
            n += 1
    return n


def functions(tree):
    for node in ast.walk(tree):
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
            yield node


def sources():
    return sorted(EXTRACTORS.rglob("*.py"))


def test_extract_code_no_function_above_complexity_15():
    over = [f"{p.relative_to(EXTRACTORS)}:{fn.lineno} {fn.name} ({complexity(fn)})"
            for p in sources() for fn in functions(ast.parse(p.read_text(encoding="utf-8")))
            if complexity(fn) > MAX_COMPLEXITY]
    assert over == []


def cjk_literals(path: Path) -> int:
    tokens = tokenize.generate_tokens(io.StringIO(path.read_text(encoding="utf-8")).readline)
    return sum(1 for t in tokens if t.type == tokenize.STRING and CJK.search(t.string)
               and not t.string.lstrip("rbuRBUfF").startswith(('"""', "'''")))


def test_extract_code_chinese_lives_in_data_files():
    counts = {str(p.relative_to(EXTRACTORS)): cjk_literals(p) for p in sources()}
    assert sum(counts.values()) <= MAX_CJK_LITERALS, {k: v for k, v in counts.items() if v}


@pytest.mark.parametrize("code,expected", [
    ("def f(x):\n    return x\n", 1),
    ("def f(x):\n    if x and x > 1 or x < -1:\n        return 1\n    return [y for y in x if y]\n", 6),
    ("def f(x):\n    for y in x:\n        pass\n    else:\n        pass\n    try:\n        pass\n    except ValueError:\n        pass\n", 4),
])
def test_extract_code_complexity_counts_branches(code, expected):
    assert complexity(next(functions(ast.parse(code)))) == expected


def test_extract_code_literal_count_sees_strings_not_docstrings(tmp_path):
    f = tmp_path / "m.py"
    f.write_text('"""文档"""\nA = "市委"\nB = r"[省市]"\n# 注释\nC = "ascii"\n', encoding="utf-8")
    assert cjk_literals(f) == 2
