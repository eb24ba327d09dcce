"""File exports of a KnowledgeGraph: GraphML, GEXF (Gephi) and neo4j-admin import CSVs.

Every format carries the store's model (store/base.py): names = name + aliases,
mentions and evidence as JSON strings, the files they come from.

* GraphML: node attributes as in the JSON export, but ``label`` is the name
  (Gephi and yEd show ``label``) and the entity type is ``type``; list values
  are JSON text (GraphML has no lists); edges carry ``type``.
* GEXF: Gephi shows ``label``, so a node's label is its name and its type is
  ``entity_type``; an edge's label is its relation type (GEXF reserves ``type``
  for directed/undirected), also in ``relation``. Nodes and edges carry
  ``viz:color`` (and nodes ``viz:shape`` and ``viz:size``) from schema.yaml.
* tables of query rows (:func:`write_rows`): CSV, with a byte-order mark for
  Excel when asked (without it Excel reads UTF-8 as the locale's code page and
  garbles Chinese), or an .xlsx workbook written with openpyxl.
* neo4j-csv: a folder with nodes_<Label>.csv and rels_<TYPE>.csv in
  neo4j-admin import format (``id:ID``, ``:LABEL``, ``:START_ID``, ``:END_ID``,
  ``:TYPE``, arrays as ``name:string[]`` joined by ``;``) and import.txt with
  the command that loads them.

>>> write(kg, "graphml", "out/graph.graphml")      # doctest: +SKIP
"""
from __future__ import annotations

import csv
import json
from pathlib import Path

import networkx as nx

from .errors import OrgkgError
from .files import atomic_path, write_text_atomic
from .store.base import edge_row, node_row

FORMATS = ("graphml", "gexf", "neo4j-csv")
ROW_FORMATS = ("table", "json", "csv", "xlsx")
GEXF_SHAPES = {"dot": "disc", "square": "square", "triangle": "triangle", "diamond": "diamond"}  # GEXF has only these
ARRAY_DELIMITER = ";"


def _flat_node(data: dict) -> dict:
    row = node_row(data)
    out = {"name": row["name"], "collective": row["collective"],
           "aliases": json.dumps(row["aliases"], ensure_ascii=False),
           "names": json.dumps(row["names"], ensure_ascii=False),
           "mentions": json.dumps(row["mentions"], ensure_ascii=False),
           "files": json.dumps(row["files"], ensure_ascii=False), **row["props"]}
    out.update({k: json.dumps(v, ensure_ascii=False) for k, v in row["lists"].items()})
    return out


def _flat_edge(data: dict) -> dict:
    row = edge_row(data)
    out = {"id": row["id"], **row["props"]}
    for key in ("evidence", "sentences", "files", "dates"):
        out[key] = json.dumps(row[key], ensure_ascii=False)
    out.update({k: json.dumps(v, ensure_ascii=False) for k, v in row["lists"].items()})
    return out


def to_networkx(kg, gexf: bool = False) -> nx.MultiDiGraph:
    """A copy of the graph with scalar attributes only, ready for the file writers."""
    g = nx.MultiDiGraph()
    for data in kg.nodes():
        attrs = _flat_node(data)
        if gexf:
            attrs.update(label=data["name"], entity_type=data["label"], viz=_node_viz(kg.schema, data))
        else:
            attrs.update(label=data["name"], type=data["label"])
        g.add_node(data["id"], **attrs)
    for data in kg.edges():
        attrs = _flat_edge(data)
        if gexf:
            attrs.update(label=data["type"], relation=data["type"],
                         viz={"color": _rgb(kg.schema.relation(data["type"]).draw.get("color"))})
        else:
            attrs.update(type=data["type"])
        g.add_edge(data["source"], data["target"], key=data["id"], **attrs)
    return g


def _rgb(color) -> dict:
    text = (color or "#888888").lstrip("#")
    return {"r": int(text[0:2], 16), "g": int(text[2:4], 16), "b": int(text[4:6], 16), "a": 1.0}


def _node_viz(schema, data) -> dict:
    etype = schema.entity(data["label"])
    draw = etype.draw_collective if data.get("collective") and etype.draw_collective else etype.draw
    return {"color": _rgb(draw.get("color")), "size": float(draw.get("size", 16)),
            "shape": GEXF_SHAPES.get(draw.get("shape", "dot"), "disc")}


def to_graphml(kg, path) -> Path:
    with atomic_path(path) as tmp:
        nx.write_graphml(to_networkx(kg), tmp, encoding="utf-8")
    return Path(path)


def to_gexf(kg, path) -> Path:
    with atomic_path(path) as tmp:
        nx.write_gexf(to_networkx(kg, gexf=True), tmp, encoding="utf-8")
    return Path(path)


# -- neo4j-admin import -------------------------------------------------------
def _typed(key: str, values: list) -> str:
    kinds = {type(v) for v in values if v is not None}
    if kinds == {bool}:
        return f"{key}:boolean"
    if kinds and kinds <= {int}:
        return f"{key}:long"
    if kinds and kinds <= {int, float}:
        return f"{key}:double"
    return key


def _array(items) -> str:
    # the delimiter cannot be escaped in neo4j-admin arrays: inside an item it
    # becomes its full-width form (；), which reads the same in Chinese text
    return ARRAY_DELIMITER.join(str(i).replace(ARRAY_DELIMITER, "；") for i in items)


def _cell(value):
    if isinstance(value, bool):
        return "true" if value else "false"
    return "" if value is None else value


def _write_csv(path: Path, header: list, rows: list) -> None:
    with atomic_path(path) as tmp, open(tmp, "w", encoding="utf-8", newline="") as fh:
        writer = csv.writer(fh)
        writer.writerow(header)
        writer.writerows(rows)


def _table(rows, fixed: list, arrays: list, tail: list, tail_values):
    """Header and cells for rows of node_row/edge_row: fixed columns, arrays,
    then the extra scalar and list props, then ``tail`` (:LABEL or nothing)."""
    scalar_keys = sorted({k for r in rows for k in r["props"]})
    list_keys = sorted({k for r in rows for k in r["lists"]})
    header = [h for h, _ in fixed] + [f"{a}:string[]" for a in arrays] \
        + [_typed(k, [r["props"].get(k) for r in rows]) for k in scalar_keys] \
        + [f"{k}:string[]" for k in list_keys] + tail
    cells = []
    for r in rows:
        line = [_cell(get(r)) for _, get in fixed] + [_array(r[a]) for a in arrays]
        line += [_cell(r["props"].get(k)) for k in scalar_keys]
        line += [_array(r["lists"].get(k, [])) for k in list_keys]
        cells.append(line + tail_values(r))
    return header, cells


def to_neo4j_csv(kg, folder) -> Path:
    folder = Path(folder)
    if folder.exists() and not folder.is_dir():
        raise OrgkgError(f"{folder}: neo4j-csv writes a folder, and this is a file")
    folder.mkdir(parents=True, exist_ok=True)
    nodes, edges = {}, {}
    for data in kg.nodes():
        nodes.setdefault(data["label"], []).append(node_row(data))
    for data in kg.edges():
        edges.setdefault(data["type"], []).append(edge_row(data))
    written = []
    for label, rows in sorted(nodes.items()):
        fixed = [("id:ID", lambda r: r["id"]), ("name", lambda r: r["name"]),
                 ("collective:boolean", lambda r: r["collective"])]
        header, cells = _table(rows, fixed, ["aliases", "names", "mentions", "files"], [":LABEL"],
                               lambda r, label=label: [label])
        _write_csv(folder / f"nodes_{label}.csv", header, cells)
        written.append(("nodes", f"nodes_{label}.csv"))
    for rel, rows in sorted(edges.items()):
        fixed = [(":START_ID", lambda r: r["source"]), (":END_ID", lambda r: r["target"]),
                 ("id", lambda r: r["id"])]
        header, cells = _table(rows, fixed, ["evidence", "sentences", "files", "dates"], [":TYPE"],
                               lambda r, rel=rel: [rel])
        _write_csv(folder / f"rels_{rel}.csv", header, cells)
        written.append(("relationships", f"rels_{rel}.csv"))
    args = " ".join(f"--{kind}={name}" for kind, name in written)
    write_text_atomic(folder / "import.txt",
                      "# run in this folder, with the Neo4j server stopped:\n"
                      f"neo4j-admin database import full {args} --array-delimiter=\"{ARRAY_DELIMITER}\" "
                      "--multiline-fields=true neo4j\n")
    return folder


def write(kg, fmt: str, out) -> Path:
    """Write ``kg`` as ``fmt`` (graphml, gexf or neo4j-csv) to ``out``; returns the path written."""
    writers = {"graphml": to_graphml, "gexf": to_gexf, "neo4j-csv": to_neo4j_csv}
    if fmt not in writers:
        raise OrgkgError(f"unknown export format {fmt!r}; use one of {', '.join(FORMATS)}")
    return writers[fmt](kg, out)


# -- query rows ----------------------------------------------------------------
def write_rows(result, fmt: str, out, excel: bool = False) -> Path:
    """Write query rows (a QueryResult) to ``out`` as table, json, csv or xlsx,
    whole or not at all. ``excel`` puts a byte-order mark before the CSV."""
    from .queries import format_result
    if fmt not in ROW_FORMATS:
        raise OrgkgError(f"unknown output format {fmt!r}; use one of {', '.join(ROW_FORMATS)}")
    with atomic_path(out) as tmp:
        if fmt == "xlsx":
            _workbook(result).save(tmp)
        else:
            text = format_result(result, fmt) + ("" if fmt == "csv" else "\n")
            Path(tmp).write_bytes((("\ufeff" if excel and fmt == "csv" else "") + text).encode("utf-8"))
    return Path(out)


def csv_text(result, excel: bool = False) -> str:
    """The rows as CSV text; with ``excel``, led by a byte-order mark."""
    from .queries import format_result
    return ("\ufeff" if excel else "") + format_result(result, "csv")


def _workbook(result):
    try:
        from openpyxl import Workbook
    except ImportError:
        raise OrgkgError("--format xlsx needs openpyxl: pip install openpyxl") from None
    from .queries import _cell
    book = Workbook()
    sheet = book.active
    sheet.title = "orgkg"
    sheet.append(list(result.columns))
    for row in result.rows:
        sheet.append([v if isinstance(v, (int, float)) and not isinstance(v, bool) else _cell(v) for v in row])
    sheet.freeze_panes = "A2"
    return book
