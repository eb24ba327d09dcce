"""What the page shows beyond pyvis' drawing: where it opens, the levels layout,
the dates of each edge, and for the side panel each evidence sentence with its
document, date, file, the passage around it and the words to highlight.

The page opens on the ``--focus`` node(s) or, for a graph of more than
OPEN_ALL_MAX nodes, on the most connected body and what lies within ``hops`` of
it; the rest is collapsed, and double-clicking a node brings its neighbours in.

Passages come from the source files when the page is given where they are
(``sources``: the files or folders the graph was extracted from); the export
itself keeps only file names and offsets. A file that cannot be found or read
leaves its evidence with the sentence alone.

>>> panel_evidence({"evidence": [{"file": "a.txt", "sentence": "市科协\\n要加强指导。", "start": 3, "end": 13}]},
...                Passages({"a.txt": "通知。市科协\\n要加强指导。其他。"}))
[{'file': 'a.txt', 'start': 3, 'end': 13, 'sentence': '市科协要加强指导。', 'date': None, 'document': None, 'passage': ['通知。', '市科协要加强指导。', '其他。']}]
"""
from __future__ import annotations

from pathlib import Path

from .evidence import one_line
from .viz_layout import LEVEL_GAP_PX, NODE_GAP_PX, STAGGER_PX, level_positions

OPEN_ALL_MAX = 80     # a graph this small opens whole
PANEL_MAX = 20        # evidence items per edge kept for the panel
PASSAGE_PAD = 120     # characters of context on each side, cut back to a sentence boundary
_ENDS = "。！？；\n"


class Passages:
    """File texts by file name, read once each, as the offsets count them."""

    def __init__(self, texts=None, paths=()):
        self.texts = dict(texts or {})
        self.paths = {}
        if paths:
            from orgkg.extractors.read.reader import iter_files
            self.paths = {p.name: p for p in iter_files([Path(p) for p in paths])}

    def text(self, name: str):
        if name not in self.texts and name in self.paths:
            from orgkg.extractors.read.reader import read_source
            from .errors import OrgkgError
            try:
                self.texts[name] = read_source(self.paths[name]).raw
            except OrgkgError:
                self.texts[name] = None
        return self.texts.get(name)

    def around(self, name: str, start: int, end: int):
        """[before, sentence, after] on one line each, or None without the file."""
        raw = self.text(name)
        if raw is None or not 0 <= start <= end <= len(raw):
            return None
        before = raw[max(0, start - PASSAGE_PAD):start]
        cut = max(before.rfind(ch, 0, len(before) - 1) for ch in _ENDS)
        before = before[cut + 1:] if cut >= 0 else before
        after = raw[end:end + PASSAGE_PAD]
        cut = max(after.rfind(ch) for ch in _ENDS)
        after = after[:cut + 1] if cut >= 0 else after
        return [one_line(before), one_line(raw[start:end]), one_line(after)]


def panel_evidence(edge: dict, passages: Passages) -> list:
    """The edge's evidence for the panel, in file order, at most PANEL_MAX items."""
    items = sorted((e for e in edge.get("evidence", []) if isinstance(e, dict)),
                   key=lambda e: (e.get("file", ""), e.get("start", 0)))
    return [{"file": e.get("file", ""), "start": e.get("start"), "end": e.get("end"),
             "sentence": one_line(e.get("sentence", "")), "date": e.get("date"), "document": e.get("document"),
             "passage": passages.around(e.get("file", ""), e.get("start", 0), e.get("end", 0))}
            for e in items[:PANEL_MAX]]


def terms(*nodes) -> list:
    """Words to highlight in an edge's passages: its ends' names, aliases and the
    words their mentions matched, longest first so a longer name wins."""
    words = set()
    for node in nodes:
        words.update([node.get("name", ""), *node.get("aliases", [])])
        words.update(m.get("text", "") for m in node.get("mentions", []) if isinstance(m, dict))
    return sorted((w for w in words if len(w) >= 2), key=lambda w: (-len(w), w))


def page_view(sub, nodes: list, edges: list, focus_ids, hops: int, sources=None) -> dict:
    """Add to pyvis' node and edge dicts what page.js needs (levels position ``lx``/``ly``,
    ``dates``, panel evidence and terms) and return the page-wide settings."""
    passages = Passages(paths=sources or ())
    sub = sub.copy()  # one walk over the subgraph view; every later walk is over a plain graph
    placed = level_positions(sub)
    for node in nodes:
        node["lx"], node["ly"] = placed[node["id"]]
        node["lrow"] = int(node["ly"] // LEVEL_GAP_PX)
    by_id = {d["id"]: (s, t, d) for s, t, d in sub.edges(data=True)}
    for edge in edges:
        s, t, d = by_id[edge["id"]]
        edge["dates"] = sorted({e["date"] for e in d.get("evidence", []) if isinstance(e, dict) and e.get("date")})
        edge["tip"]["panel"] = panel_evidence(d, passages)
        edge["tip"]["terms"] = terms(sub.nodes[s], sub.nodes[t])
    start = sorted(focus_ids) or hub(sub)
    whole = bool(focus_ids) or sub.number_of_nodes() <= OPEN_ALL_MAX
    return {"start": start, "open_hops": hops, "open_all": whole,
            "levels": {"row_gap": LEVEL_GAP_PX, "node_gap": NODE_GAP_PX, "stagger": STAGGER_PX}}


def hub(sub) -> list:
    """[the id of the most connected body] (ties by name), or [] without one."""
    degree = dict(sub.degree())  # once: per node, a subgraph view filters every neighbour again
    bodies = [(-degree[n], d["name"], n) for n, d in sub.nodes(data=True) if d.get("label") == "Organization"]
    return [min(bodies)[2]] if bodies else []
