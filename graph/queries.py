"""Named Cypher queries (cypher/queries/*.cypher), shared by the CLI and notebooks.

Each file starts with a header comment::

    // purpose: bodies that supervise $name, directly and up the chain
    // params: $name (an organisation's name or alias); $depth = 3 (levels); $as_of = null
    // expand: evidence              (optional: one row per evidence sentence)
    // skip rules: header:, footer:  (optional: evidence from these rules is not shown)

A parameter without ``= default`` is required. ``$name``, ``$a``, ``$b`` and
``$document`` are names: before the query runs, each must match exactly one node's name or alias,
else :class:`~orgkg.graph.errors.UnresolvedName` says which names come closest
(none matched) or which nodes share it (several matched; ``every=True``
answers for all of them).

>>> run_named("who_directs", {"name": "市级学会"}).rows      # doctest: +SKIP
>>> parse_param("depth=2")
('depth', 2)
"""
from __future__ import annotations

import csv
import io
import json
import math
import re
import unicodedata
from pathlib import Path

from . import evidence
from .errors import EmptyGraph, QueryError, UnresolvedName
from .printable import printable
from .store.base import QueryResult

QUERY_DIR = Path(__file__).resolve().parents[1] / "cypher" / "queries"
FORMATS = ("table", "json", "csv")
_HEADER = re.compile(r"^\s*//\s*(purpose|params?|expand|skip rules)\s*:\s*(.*)$", re.I)
NAME_PARAMS = ("name", "a", "b", "document")
SUGGESTIONS = 5
REQUIRED = object()  # a header parameter without default
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
    """(purpose, {param: default or REQUIRED}) from the leading // lines."""
    purpose, params = [], {}
    for line in _header_lines(text):
        m = _HEADER.match(line)
        key = m[1].lower() if m else None
        if key == "purpose":
            purpose.append(m[2].strip())
        elif key in ("param", "params"):
            for name, default in _PARAM.findall(m[2]):
                params[name] = parse_param(f"{name}={default}")[1] if default else REQUIRED
        elif key is None and purpose and not params:      # a purpose continued on the next comment line
            purpose.append(line.strip().lstrip("/").strip())
    return " ".join(purpose), params


def _header_lines(text: str):
    for line in text.splitlines():
        if not line.strip().startswith("//"):
            if line.strip():
                return
            continue
        yield line


def _directives(text: str) -> dict:
    """The optional ``expand`` and ``skip rules`` header lines."""
    found = {}
    for line in _header_lines(text):
        m = _HEADER.match(line)
        if m and m[1].lower() in ("expand", "skip rules"):
            found[m[1].lower()] = [v.strip() for v in m[2].split(",") if v.strip()]
    return found


def list_queries() -> list[tuple[str, str, list[str]]]:
    """(name, purpose, params) for every .cypher file, sorted by name."""
    out = []
    for path in sorted(_query_dir().glob("*.cypher")):
        purpose, params = _header(path.read_text(encoding="utf-8"))
        out.append((path.stem, purpose, list(params)))
    return out


def declared_params(text: str) -> list:
    """The parameters a query text's header declares."""
    return list(_header(text)[1])


def query_defaults(name_or_path) -> dict:
    """The header's parameters with their defaults (REQUIRED when there is none)."""
    return _header(load_query(name_or_path))[1]


def load_query(name_or_path) -> str:
    """The text of a named query (``who_directs``) or of a .cypher file path."""
    path = Path(name_or_path)
    if path.suffix == ".cypher" or path.parent != Path("."):
        if not path.is_file():
            raise QueryError(f"{path}: no such query file")
        return _read_query(path)
    path = _query_dir() / f"{name_or_path}.cypher"
    if not path.is_file():
        known = ", ".join(n for n, _, _ in list_queries())
        raise QueryError(f"no query named {name_or_path!r}; known: {known}")
    return _read_query(path)


def _read_query(path: Path) -> str:
    try:
        text = path.read_text(encoding="utf-8")
    except UnicodeDecodeError:
        raise QueryError(f"{path}: not a Cypher text file (not UTF-8)") from None
    except OSError as exc:
        raise QueryError(f"{path}: cannot read ({exc.strerror or exc})") from None
    if "\x00" in text:
        raise QueryError(f"{path}: not a Cypher text file (binary)")
    return text


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
    number = _number(name, stripped)
    if number is not None:
        return name, number
    if stripped[:1] in ("[", "{"):
        try:
            return name, json.loads(stripped, parse_constant=_no_constant, parse_float=_finite_float)
        except ParamError as exc:
            raise ParamError(f"parameter {name}: {exc}") from None
        except (json.JSONDecodeError, RecursionError) as exc:
            raise ParamError(f"parameter {name}: {value!r} looks like JSON but is not valid ({exc})") from None
    return name, value


def as_of_date(text):
    """An ISO date for ``$as_of``: a year or a month means its last day, so that
    "--as-of 2021" keeps everything dated in 2021.

    >>> as_of_date("2021"), as_of_date("2021-6"), as_of_date("2021-06-30"), as_of_date(None)
    ('2021-12-31', '2021-06-31', '2021-06-30', None)
    """
    if text is None:
        return None
    m = re.fullmatch(r"\s*(\d{4})(?:[-/.年](\d{1,2})(?:[-/.月](\d{1,2})日?)?月?)?\s*", str(text))
    if not m:
        raise ParamError(f"--as-of {text!r} is not a date; use 2021, 2021-06 or 2021-06-30")
    year, month, day = m[1], m[2] or "12", m[3] or "31"
    # a month's "31st" compares correctly as a string even for shorter months
    return f"{year}-{int(month):02d}-{int(day):02d}"


def relation_type(text):
    """A relation type as the schema spells it (``leads`` -> ``LEADS``), or None."""
    if not text:
        return None
    from .model import load_schema
    known = list(load_schema().relations)
    if text.upper() not in known:
        raise ParamError(f"--type {text!r} is no relation type; use one of {', '.join(known)}")
    return text.upper()


def any_variant(name):
    """The named query's any-relation twin (path_between -> path_between_any)."""
    variant = f"{name}_any"
    if not name or name == "-" or not (_query_dir() / f"{variant}.cypher").is_file():
        raise ParamError(f"--any applies to path_between only, not to {name or 'a CYPHER string'}")
    return variant


INT64 = 2 ** 63


def _no_constant(name):
    raise ParamError(f"{name} is not a number the stores accept")


def _finite_float(text: str) -> float:
    value = float(text)
    if not math.isfinite(value):
        raise ParamError(f"{text} is too large a number")
    return value


def _number(name: str, text: str):
    """``text`` as an int or a finite float; None when it is not a number at all.
    nan, inf and 1e999 are refused: no store compares them usefully."""
    try:
        value = int(text)
    except ValueError:
        try:
            value = float(text)
        except ValueError:
            return None
    if isinstance(value, int) and not -INT64 <= value < INT64:
        raise ParamError(f"parameter {name}: {text[:40]} is outside the 64-bit integer range; "
                         f"write {name}:={text[:20]}… to pass it as text")
    if isinstance(value, float) and not math.isfinite(value):
        shown = text if len(text) <= 40 else text[:20] + "…"
        raise ParamError(f"parameter {name}: {shown!r} is not a finite number; write {name}:=… to pass it as text")
    return value


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
            if default is REQUIRED:
                raise QueryError(f"{what} needs ${key}; pass it as -p {key}=…")
            given[key] = default
    unknown = [k for k in given if k not in declared]
    if strict and unknown:
        raise QueryError(f"{what} takes no parameter {', '.join('$' + k for k in unknown)}; "
                         f"it takes {', '.join('$' + k for k in declared) or 'none'}")
    return given


def run_query(cypher: str, params=None, store=None, write: bool = False, every: bool = False) -> QueryResult:
    """Run Cypher on ``store``, or on the configured store (opened and closed here).
    Defaults from a ``// params:`` header in the text fill parameters not given;
    the header's name parameters are resolved first (see the module docstring)."""
    values = _with_defaults(cypher, params, "the query", strict=False)
    if store is not None:
        return _execute(store, cypher, values, write, every)
    from .store import open_store
    with open_store() as opened:
        return _execute(opened, cypher, values, write, every)


def run_named(name, params=None, store=None, write: bool = False, every: bool = False) -> QueryResult:
    """Run a named query (or a .cypher path) with its header defaults filled in;
    a missing or unknown parameter is a QueryError that names it."""
    text = load_query(name)
    values = _with_defaults(text, params, f"query {Path(str(name)).stem}", strict=True)
    return run_query(text, values, store=store, write=write, every=every)


def _execute(store, cypher: str, values: dict, write: bool, every: bool) -> QueryResult:
    declared = _header(cypher)[1]
    for key in NAME_PARAMS:
        if key in declared and isinstance(values.get(key), str):
            resolve_name(store, values[key], every=every)
    result = store.query(cypher, values, write=write)
    directives = _directives(cypher)
    if evidence.COLUMN in directives.get("expand", []):
        result = evidence.expand(result, directives.get("skip rules", ()), values.get("as_of"))
    return result


# -- names --------------------------------------------------------------------
_NAMES = "MATCH (n) RETURN n.name AS name, n.names AS names, labels(n)[0] AS label"
_MATCHES = ("MATCH (n) WHERE $name IN n.names "
            "RETURN n.name AS name, labels(n)[0] AS label ORDER BY label, name")


def resolve_name(store, name: str, every: bool = False) -> list:
    """The (name, label) of the nodes ``name`` names. None found: UnresolvedName
    with the closest names (or EmptyGraph); several, unless ``every``:
    UnresolvedName listing them."""
    found = [tuple(r) for r in store.query(_MATCHES, {"name": name}).rows]
    if len(found) > 1 and not every:
        listed = "; ".join(f"{n} ({label})" for n, label in found)
        raise UnresolvedName(name, found, f"{name!r} names {len(found)} nodes: {listed}; "
                             "give the full name, or --all to answer for all of them")
    if found:
        return found
    everything = store.query(_NAMES).rows
    if not everything:
        raise EmptyGraph(f"the graph in {getattr(store, 'name', 'the store')} is empty: "
                         "load an export first (orgkg load FILE.json, or orgkg build PATH)")
    close = closest_names(name, everything)
    hint = "; closest: " + "; ".join(f"{n} ({label})" for n, label in close) if close else ""
    raise UnresolvedName(name, [], f"no node is named {name!r}{hint}")


def closest_names(name: str, rows, limit: int = SUGGESTIONS) -> list:
    """(name, label) of the nodes whose name or an alias is closest to ``name``:
    those it may abbreviate first, then by edit distance; a name that is neither
    and differs in more than half its length is left out.

    >>> closest_names("市科协", [["重庆市科学技术协会", ["重庆市科学技术协会", "重庆市科协"], "Organization"],
    ...                          ["贺军科", ["贺军科"], "Person"]])
    [('重庆市科学技术协会', 'Organization')]
    """
    scored = []
    for node_name, names, label in rows:
        best = min((_distance(name, alias) for alias in (names or [node_name])), default=None)
        if best is not None and _near(name, best):
            scored.append((best, node_name, label))
    scored.sort()
    return [(n, label) for _, n, label in scored[:limit]]


def _distance(query: str, alias: str) -> tuple:
    """(tier, edit distance). Tier 0: ``alias`` holds the query's characters in
    order, as a name holds its Chinese abbreviation (重庆科协 in 重庆市科学技术协会);
    1: the query holds ``alias``; 2: neither."""
    tier = 0 if _in_order(query, alias) else 1 if alias in query else 2
    return (tier, _levenshtein(query, alias))


def _in_order(short: str, full: str) -> bool:
    rest = iter(full)
    return all(ch in rest for ch in short)


def _near(query: str, score: tuple) -> bool:
    # an abbreviation is always worth showing; otherwise at most about half the name may differ
    return score[0] < 2 or score[1] <= max(1, len(query) // 2)


def _levenshtein(a: str, b: str) -> int:
    previous = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        current = [i]
        for j, cb in enumerate(b, 1):
            current.append(min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (ca != cb)))
        previous = current
    return previous[-1]


# -- output -----------------------------------------------------------------
def display_width(text: str) -> int:
    """Columns ``text`` takes in a terminal: wide (CJK) characters count two."""
    return sum(0 if unicodedata.combining(c) else 2 if unicodedata.east_asian_width(c) in "WF" else 1
               for c in text)


def _cell(value) -> str:
    """A value as one table or CSV cell: a list of plain values reads "a; b"."""
    if value is None:
        return ""
    if isinstance(value, str):
        return value
    if isinstance(value, (list, tuple)) and all(isinstance(v, (str, int, float)) for v in value):
        return "; ".join(str(v) for v in value)
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
    # control characters from documents are dropped: they could drive the terminal
    cells = [[printable(c) for c in result.columns]] + \
        [[printable(_cell(v).replace("\n", " ")).replace("\t", " ") for v in row] for row in result.rows]
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
