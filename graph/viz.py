"""The offline page: the graph drawn with vis-network in one self-contained HTML file.

pyvis assembles the nodes, edges and options; the page comes from our own
template (templates/page.html) because pyvis' templates load bootstrap and
vis-network from a CDN in every ``cdn_resources`` mode. vis-network is inlined
from static/, so the page makes no network request. Colours, shapes, labels and
the legend come from the schema.

Every text from the graph reaches the browser as JSON data, never as markup:
tooltips and panels are built with DOM calls and ``textContent``.

>>> from orgkg.graph.kg import KnowledgeGraph
>>> kg = KnowledgeGraph()
>>> _ = kg.add_entity("Organization", "重庆市科学技术协会")
>>> "重庆市科学技术协会" in page_html(kg)
True
"""
from __future__ import annotations

import html
import json
from functools import lru_cache
from pathlib import Path

import networkx as nx
from jinja2 import Environment, FileSystemLoader, select_autoescape
from markupsafe import Markup
from pyvis.network import Network

from .errors import OrgkgError
from .evidence import one_line
from .kg import compact_json, gc_paused
from .viz_layout import LAYOUTS, SEED, positions
from .viz_view import page_view

HERE = Path(__file__).parent
FONT_STACK = '"Noto Sans CJK SC", "WenQuanYi Zen Hei", sans-serif'
LABEL_MAX = 18  # longer names are cut in the drawing; the tooltip has them whole
EVIDENCE_SHOWN = 3
FILES_SHOWN = 5


def page_html(kg, focus=None, hops=2, physics_threshold=500, layout="spring", title=None, sources=None) -> str:
    """The page as a string (see :func:`write_page`)."""
    with gc_paused():    # the page's data is tens of thousands of small dicts that hold no cycles
        return _page_html(kg, focus, hops, physics_threshold, layout, title, sources)


def _page_html(kg, focus, hops, physics_threshold, layout, title, sources) -> str:
    if layout not in LAYOUTS:  # checked even when the browser lays the graph out
        raise OrgkgError(f"unknown layout {layout!r}; choose one of {', '.join(LAYOUTS)}")
    schema = kg.schema
    focus_ids = _focus_ids(kg, focus)
    ids = neighbourhood(kg, focus_ids, hops) if focus_ids else set(kg.g)
    sub = kg.g.subgraph(ids)
    physics = len(ids) <= physics_threshold
    pos = {} if physics else positions(sub, layout)
    net = _network(sub, schema, pos)
    net.options = _options(physics, len(ids))
    nodes, edges, _, _, _, options = net.get_network_data()
    data = {"nodes": nodes, "edges": edges, "focus": sorted(focus_ids), "physics": physics,
            "font": FONT_STACK, **page_view(sub, nodes, edges, focus_ids, hops, sources)}
    title = title or (f"orgkg — {focus}" if focus else "orgkg — 知识图谱")
    counts = _counts(sub)
    return _template().render(
        title=title, font_stack=Markup(FONT_STACK), focus=focus, hops=hops,
        n_nodes=sub.number_of_nodes(), n_edges=sub.number_of_edges(),
        entities=[(t, counts["nodes"].get(t.name, 0), _swatch(t.draw)) for t in schema.entities.values()],
        relations=[(r, counts["edges"].get(r.name, 0)) for r in schema.relations.values()],
        data_json=Markup(script_json(data)), options_json=Markup(script_json(json.loads(options))),
        vis_js=Markup(_static("vis-network.min.js")), vis_css=Markup(_static("vis-network.min.css")),
        page_js=Markup(_static("page.js")),
    )


def write_page(kg, out, focus=None, hops=2, physics_threshold=500, layout="spring", title=None,
               sources=None) -> Path:
    """Write the page to ``out`` (UTF-8) and return its path.

    ``focus`` keeps only the nodes within ``hops`` of the node(s) with that name
    or alias, ignoring direction. Above ``physics_threshold`` nodes, positions are
    computed here with ``layout`` ("spring", "kamada_kawai", "circular", "random")
    and the browser's physics is off; below it vis-network lays the graph out.
    ``sources`` (the files or folders the graph came from) lets the side panel
    show the passage around each evidence sentence.
    """
    from .files import write_text_atomic   # a failed or killed run leaves the old page whole
    return write_text_atomic(out, page_html(kg, focus=focus, hops=hops, physics_threshold=physics_threshold,
                                            layout=layout, title=title, sources=sources))


def notebook_view(kg, height="720px", **options):
    """The page inline in Jupyter: an iframe whose srcdoc holds the page, so its scripts run."""
    from IPython.display import HTML  # only notebooks need IPython

    page = html.escape(page_html(kg, **options), quote=True)
    return HTML(f'<div><iframe srcdoc="{page}" sandbox="allow-scripts" '
                f'style="width:100%;height:{html.escape(height)};border:1px solid #ddd;box-sizing:border-box">'
                '</iframe></div>')


def neighbourhood(kg, focus_ids, hops: int) -> set:
    """Ids within ``hops`` of any of ``focus_ids``, ignoring edge direction."""
    if hops < 0:
        raise OrgkgError(f"hops must be 0 or more, not {hops}")
    undirected = kg.g.to_undirected(as_view=True)
    found = set()
    for node in focus_ids:
        found.update(nx.single_source_shortest_path_length(undirected, node, cutoff=hops))
    return found


def script_json(obj) -> str:
    """JSON that is safe inside a <script> element: no '<', '>' or '&' survives, so
    neither '</script>' nor '<!--' can end or change the element."""
    text = compact_json(obj)
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


def _focus_ids(kg, focus):
    if focus is None:
        return []
    found = kg.find(focus)
    if not found:
        raise OrgkgError(f"no node named {focus!r} in the graph")
    return found


class _NodeIds(list):
    """pyvis keeps node ids in a list and tests every new node and both ends of every
    edge against it (O(nodes) each, 44% of a 20k-node page); a set beside it answers at once."""

    def __init__(self):
        super().__init__()
        self._set = set()

    def append(self, node_id):
        super().append(node_id)
        self._set.add(node_id)

    def __contains__(self, node_id):
        return node_id in self._set


def _network(sub, schema, pos) -> Network:
    net = Network(height="100%", width="100%", directed=True)
    net.node_ids = _NodeIds()
    for node_id in sorted(sub):
        d = sub.nodes[node_id]
        etype = schema.entity(d["label"])
        draw = (etype.draw_collective if d.get("collective") and etype.draw_collective else etype.draw)
        extra = {"x": pos[node_id][0], "y": pos[node_id][1], "physics": False} if pos else {}
        net.add_node(node_id, label=_short(d["name"]), shape=draw.get("shape", "dot"),
                     color=draw.get("color"), size=draw.get("size", 16), etype=etype.name,
                     tip=_node_tip(d, etype), **extra)
    parallel = {}
    for s, t, d in sorted(sub.edges(data=True), key=lambda e: (e[0], e[2]["type"], e[1])):
        rtype = schema.relation(d["type"])
        pair = frozenset((s, t))
        parallel[pair] = parallel.get(pair, 0) + 1
        extra = {}
        if parallel[pair] > 1:  # bend the 2nd, 3rd... edge between one pair so each stays visible
            extra["smooth"] = {"enabled": True, "type": "curvedCW", "roundness": 0.2 * (parallel[pair] - 1)}
        label = rtype.zh + (f"·{d['role']}" if d.get("role") else "")
        net.add_edge(s, t, id=d["id"], rtype=rtype.name, label=label, color=rtype.draw.get("color"),
                     dashes=bool(rtype.draw.get("dashes")), tip=_edge_tip(sub, s, t, d, rtype), **extra)
    return net


def _node_tip(d, etype) -> dict:
    files = sorted({m.get("file") for m in d.get("mentions", []) if m.get("file")})
    tip = {"name": d["name"], "aliases": list(d.get("aliases", [])), "type": [etype.zh, etype.en],
           "collective": bool(d.get("collective")), "files": files[:FILES_SHOWN], "n_files": len(files)}
    for key in etype.properties:
        if key not in ("name", "aliases", "collective") and d.get(key) not in (None, "", []):
            tip.setdefault("props", {})[key] = d[key]
    return tip


def _edge_tip(sub, s, t, d, rtype) -> dict:
    evidence = d.get("evidence", [])
    tip = {"type": [rtype.zh, rtype.en], "source": sub.nodes[s]["name"], "target": sub.nodes[t]["name"],
           "evidence": [{"file": e.get("file", ""), "sentence": one_line(e.get("sentence", ""))}
                        for e in evidence[:EVIDENCE_SHOWN]], "n_evidence": len(evidence)}
    for key in ("role", "as_of"):
        if d.get(key):
            tip[key] = d[key]
    return tip


def _options(physics: bool, n: int) -> dict:
    font = {"face": FONT_STACK}
    options = {
        "nodes": {"font": dict(font, size=14), "borderWidth": 1,
                  # below this many screen pixels a label is skipped: cheap on big pages
                  "scaling": {"label": {"enabled": False, "drawThreshold": 4 if physics else 6}}},
        "edges": {"font": dict(font, size=11, align="middle", strokeWidth=3), "width": 1.2,
                  "arrows": {"to": {"enabled": True, "scaleFactor": 0.6}},
                  "smooth": {"enabled": True, "type": "continuous"} if physics else {"enabled": False}},
        "interaction": {"hover": True, "tooltipDelay": 150, "hideEdgesOnDrag": not physics,
                        "hideEdgesOnZoom": not physics},
        "layout": {"randomSeed": SEED, "improvedLayout": physics and n <= 150},
    }
    if physics:
        # a bounded stabilisation, then the page switches physics off (page.js): it stops moving
        options["physics"] = {"enabled": True, "solver": "forceAtlas2Based", "minVelocity": 1,
                              # long springs and full overlap avoidance: room for the labels
                              "forceAtlas2Based": {"gravitationalConstant": -80, "springLength": 150,
                                                   "centralGravity": 0.03, "avoidOverlap": 1},
                              "stabilization": {"enabled": True, "iterations": 300, "updateInterval": 50,
                                                "fit": True}}
    else:
        options["physics"] = {"enabled": False}
    return options


def _counts(sub) -> dict:
    nodes, edges = {}, {}
    for _, d in sub.nodes(data=True):
        nodes[d["label"]] = nodes.get(d["label"], 0) + 1
    for _, _, d in sub.edges(data=True):
        edges[d["type"]] = edges.get(d["type"], 0) + 1
    return {"nodes": nodes, "edges": edges}


def _short(name: str) -> str:
    return name if len(name) <= LABEL_MAX else name[:LABEL_MAX - 1] + "…"


_SHAPES = {  # legend swatches, drawn in a 16 x 16 SVG box like vis-network's shapes
    "dot": '<circle cx="8" cy="8" r="6"/>',
    "star": '<polygon points="8,1 10,6 15,6 11,9.5 12.5,15 8,11.5 3.5,15 5,9.5 1,6 6,6"/>',
    "triangle": '<polygon points="8,2 14.5,14 1.5,14"/>',
    "square": '<rect x="2.5" y="2.5" width="11" height="11"/>',
    "diamond": '<polygon points="8,1.5 14.5,8 8,14.5 1.5,8"/>',
    "hexagon": '<polygon points="8,1.5 13.6,4.75 13.6,11.25 8,14.5 2.4,11.25 2.4,4.75"/>',
}


def _swatch(draw: dict) -> Markup:
    shape = _SHAPES.get(draw.get("shape", "dot"), _SHAPES["dot"])
    return Markup('<svg class="swatch" width="16" height="16" viewBox="0 0 16 16" fill="{}">{}</svg>'
                  .format(html.escape(draw.get("color", "#888")), shape))


@lru_cache(maxsize=None)
def _static(name: str) -> str:
    return (HERE / "static" / name).read_text(encoding="utf-8")


@lru_cache(maxsize=None)
def _template():
    env = Environment(loader=FileSystemLoader(HERE / "templates"), autoescape=select_autoescape(["html"]))
    env.globals["swatch"] = _swatch
    return env.get_template("page.html")
