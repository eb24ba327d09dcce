"""Named Cypher queries (cypher/queries/*.cypher), shared by the CLI and notebooks.

Each file starts with a header comment::

    // purpose: bodies that supervise $name, directly and up the chain
    // params: $name (an organisation's name or alias); $depth = 3 (levels)

>>> run_named("who_directs", {"name": "市级学会"}).rows      # doctest: +SKIP
>>> parse_param("depth=2")
('depth', 2)
"""
from __future__ import annotations

import csv
import io
import json
import re
import unicodedata
from pathlib import Path

from .errors import QueryError
from .store.base import QueryResult

QUERY_DIR = Path(__file__).resolve().parents[1] / "cypher" / "queries"
FORMATS = ("table", "json", "csv")
_HEADER = re.compile(r"^\s*//\s*(purpose|params?)\s*:\s*(.*)$", re.I)
_PARAM = re.compile(r"\$(\w+)(?:\s*=\s*([^\s;,()]+))?")


class ParamError(QueryError, ValueError):
    """A ``name=value`` parameter that cannot be read (a ValueError too, so the
    CLI reports it as a usage error)."""


def _query_dir() -> Path:
    if not QUERY_DIR.is_dir():
        raise QueryError(f"no query directory at {QUERY_DIR}; the named queries live in the "
                         "repository's cypher/queries (install orgkg editable from the repo)")
    return QUERY_DIR


def _header(text: str) -> tuple[str, dict]:
    """(purpose, {param: default or None}) from the leading // lines."""
    purpose, params = [], {}
    for line in text.splitlines():
        if not line.strip().startswith("//"):
            if line.strip():
                break
            continue
        m = _HEADER.match(line)
        if m and m[1].lower() == "purpose":
            purpose.append(m[2].strip())
        elif m:
            for name, default in _PARAM.findall(m[2]):
                params[name] = parse_param(f"{name}={default}")[1] if default else None
        elif purpose and not params:      # a purpose continued on the next comment line
            purpose.append(line.strip().lstrip("/").strip())
    return " ".join(purpose), params


def list_queries() -> list[tuple[str, str, list[str]]]:
    """(name, purpose, params) for every .cypher file, sorted by name."""
    out = []
    for path in sorted(_query_dir().glob("*.cypher")):
        purpose, params = _header(path.read_text(encoding="utf-8"))
        out.append((path.stem, purpose, list(params)))
    return out


def query_defaults(name_or_path) -> dict:
    """The header's parameters with their defaults (None when required)."""
    return _header(load_query(name_or_path))[1]


def load_query(name_or_path) -> str:
    """The text of a named query (``who_directs``) or of a .cypher file path."""
    path = Path(name_or_path)
    if path.suffix == ".cypher" or path.parent != Path("."):
        if not path.is_file():
            raise QueryError(f"{path}: no such query file")
        return path.read_text(encoding="utf-8")
    path = _query_dir() / f"{name_or_path}.cypher"
    if not path.is_file():
        known = ", ".join(n for n, _, _ in list_queries())
        raise QueryError(f"no query named {name_or_path!r}; known: {known}")
    return path.read_text(encoding="utf-8")


def parse_param(text: str) -> tuple[str, object]:
    """``name=value`` with the value typed: int, float, true/false, null, JSON
    arrays/objects, else a string. ``name:=value`` or quotes keep a string.

    >>> parse_param("name=市级学会"), parse_param("depth=2"), parse_param("code:=007")
    (('name', '市级学会'), ('depth', 2), ('code', '007'))
    """
    name, sep, value = text.partition("=")
    name = name.strip()
    if not sep or not name:
        raise ParamError(f"parameter {text!r} is not name=value")
    if name.endswith(":"):
        return _check_name(name[:-1], text), value
    _check_name(name, text)
    stripped = value.strip()
    if len(stripped) >= 2 and stripped[0] == stripped[-1] and stripped[0] in "\"'":
        return name, stripped[1:-1]
    lowered = stripped.lower()
    if lowered in ("true", "false"):
        return name, lowered == "true"
    if lowered == "null":
        return name, None
    for kind in (int, float):
        try:
            return name, kind(stripped)
        except ValueError:
            pass
    if stripped[:1] in ("[", "{"):
        try:
            return name, json.loads(stripped)
        except json.JSONDecodeError as exc:
            raise ParamError(f"parameter {name}: {value!r} looks like JSON but is not valid ({exc})") from None
    return name, value


def _check_name(name: str, text: str) -> str:
    if not re.fullmatch(r"\w+", name):
        raise ParamError(f"parameter {text!r}: {name!r} is not a valid parameter name")
    return name


def _with_defaults(text: str, params, what: str, strict: bool) -> dict:
    """``params`` plus the defaults the text's header declares; a declared
    parameter without default and not given is an error that names it."""
    given = dict(params or {})
    declared = _header(text)[1]
    for key, default in declared.items():
        if key not in given:
            if default is None:
                raise QueryError(f"{what} needs ${key}; pass it as -p {key}=…")
            given[key] = default
    unknown = [k for k in given if k not in declared]
    if strict and unknown:
        raise QueryError(f"{what} takes no parameter {', '.join('$' + k for k in unknown)}; "
                         f"it takes {', '.join('$' + k for k in declared) or 'none'}")
    return given


def run_query(cypher: str, params=None, store=None, write: bool = False) -> QueryResult:
    """Run Cypher on ``store``, or on the configured store (opened and closed here).
    Defaults from a ``// params:`` header in the text fill parameters not given."""
    values = _with_defaults(cypher, params, "the query", strict=False)
    if store is not None:
        return store.query(cypher, values, write=write)
    from .store import open_store
    with open_store() as opened:
        return opened.query(cypher, values, write=write)


def run_named(name, params=None, store=None, write: bool = False) -> QueryResult:
    """Run a named query (or a .cypher path) with its header defaults filled in;
    a missing or unknown parameter is a QueryError that names it."""
    text = load_query(name)
    values = _with_defaults(text, params, f"query {Path(str(name)).stem}", strict=True)
    return run_query(text, values, store=store, write=write)


# -- output -----------------------------------------------------------------
def display_width(text: str) -> int:
    """Columns ``text`` takes in a terminal: wide (CJK) characters count two."""
    return sum(0 if unicodedata.combining(c) else 2 if unicodedata.east_asian_width(c) in "WF" else 1
               for c in text)


def _cell(value) -> str:
    if value is None:
        return ""
    if isinstance(value, str):
        return value
    return json.dumps(value, ensure_ascii=False)


def format_result(result: QueryResult, fmt: str = "table") -> str:
    """table (aligned, CJK-aware), json (array of row objects) or csv."""
    if fmt == "json":
        return json.dumps(result.records(), ensure_ascii=False, indent=1)
    if fmt == "csv":
        out = io.StringIO()
        writer = csv.writer(out, lineterminator="\n")
        writer.writerow(result.columns)
        writer.writerows([[_cell(v) for v in row] for row in result.rows])
        return out.getvalue()
    if fmt != "table":
        raise QueryError(f"unknown output format {fmt!r}; use one of {', '.join(FORMATS)}")
    cells = [[c for c in result.columns]] + [[_cell(v).replace("\n", " ") for v in row] for row in result.rows]
    widths = [max(display_width(row[i]) for row in cells) for i in range(len(result.columns))]

    def line(row):
        return "  ".join(c + " " * (w - display_width(c)) for c, w in zip(row, widths)).rstrip()
    rule = "  ".join("-" * w for w in widths)
    lines = [line(cells[0]), rule, *(line(r) for r in cells[1:])]
    lines.append(f"({len(result.rows)} row{'s' if len(result.rows) != 1 else ''})")
    return "\n".join(lines)


def to_dataframe(result: QueryResult):
    """The result as a pandas DataFrame (pandas is imported only here)."""
    import pandas as pd
    return pd.DataFrame(result.rows, columns=result.columns)
