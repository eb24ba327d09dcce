"""Node positions computed in Python, for pages too large for in-browser physics.

"spring" lays out each connected component on its own and packs them in rows.
networkx's spring_layout needs scipy above 500 nodes and walks the nodes in a
Python loop there, so large components use a vectorised Fruchterman-Reingold
whose repulsion comes from a fixed-seed random sample of nodes, started from a
pivot-MDS layout: O(n * sample) per step instead of O(n^2), well under a second
for 5,000 nodes.

>>> import networkx as nx
>>> pos = positions(nx.path_graph(3), "circular")
>>> sorted(pos) == [0, 1, 2] and all(abs(x) <= 1000 and abs(y) <= 1000 for x, y in pos.values())
True
"""
from __future__ import annotations

import math

import networkx as nx
import numpy as np

from .errors import OrgkgError

LAYOUTS = ("spring", "kamada_kawai", "circular", "random")
SEED = 7
KAMADA_KAWAI_MAX = 1000  # it keeps an n x n distance matrix and is O(n^3) at worst
SMALL = 500  # below this networkx's exact spring layout is quick and needs no scipy
UNIT_PX = 110  # pixels between neighbours: room for a short label


def positions(g, layout: str = "spring", seed: int = SEED) -> dict:
    """Pixel positions ``{node: (x, y)}`` centred on 0, spread so neighbours sit ~UNIT_PX apart."""
    if layout not in LAYOUTS:
        raise OrgkgError(f"unknown layout {layout!r}; choose one of {', '.join(LAYOUTS)}")
    n = g.number_of_nodes()
    if n == 0:
        return {}
    simple = nx.Graph()  # direction, multi-edges and attributes do not change a drawing
    simple.add_nodes_from(g)
    simple.add_edges_from((a, b) for a, b in g.edges() if a != b)
    if layout == "spring":
        raw = packed_spring(simple, seed=seed)
    elif layout == "kamada_kawai":
        raw = _kamada_kawai(simple)
    elif layout == "circular":
        raw = nx.circular_layout(simple)
    else:
        raw = nx.random_layout(simple, seed=seed)
    if layout == "spring":  # packed in units of one neighbour distance
        return _to_pixels(raw, UNIT_PX)
    return _to_pixels(raw, max(300.0, 0.5 * UNIT_PX * math.sqrt(n)) / _extent(raw))


def _kamada_kawai(simple):
    n = simple.number_of_nodes()
    if n > KAMADA_KAWAI_MAX:
        raise OrgkgError(f"layout 'kamada_kawai' is for small graphs (at most {KAMADA_KAWAI_MAX} nodes, "
                         f"this one has {n}); use layout='spring'")
    try:
        import scipy  # noqa: F401  (networkx imports it inside kamada_kawai_layout)
    except ImportError:
        raise OrgkgError("layout 'kamada_kawai' needs scipy: pip install scipy") from None
    return nx.kamada_kawai_layout(simple)


def packed_spring(simple, seed: int = SEED) -> dict:
    """Each connected component laid out on its own, then packed in rows, largest first:
    document graphs have many small components, which one force layout flings to a ring."""
    parts = sorted(nx.connected_components(simple), key=lambda c: (-len(c), min(map(str, c))))
    placed, x, y, row_height = {}, 0.0, 0.0, 0.0
    width = 2.4 * math.sqrt(simple.number_of_nodes())  # about square overall
    for part in parts:
        radius = math.sqrt(len(part))  # area grows with the node count
        if len(part) == 1:
            local = {next(iter(part)): np.zeros(2)}
        else:
            sub = simple.subgraph(part).copy()  # BFS over a subgraph view is ~5x slower
            local = (nx.spring_layout(sub, seed=seed, iterations=50) if len(part) < SMALL
                     else sampled_spring(sub, seed=seed))
            arr = np.array(list(local.values()))
            arr = (arr - arr.mean(axis=0)) / (np.abs(arr - arr.mean(axis=0)).max() or 1.0) * radius
            local = dict(zip(local, arr))
        side = 2 * radius + 1
        if x > 0 and x + side > width:
            x, y, row_height = 0.0, y + row_height, 0.0
        for node, p in local.items():
            placed[node] = p + (x + side / 2, y + side / 2)
        x, row_height = x + side, max(row_height, side)
    return placed


def sampled_spring(simple, iterations: int = 50, sample: int = 200, seed: int = SEED, hot: float = 0.1) -> dict:
    """Fruchterman-Reingold in the unit square with sampled repulsion and a little gravity."""
    nodes = list(simple)
    n = len(nodes)
    index = {node: i for i, node in enumerate(nodes)}
    ends = np.array([(index[a], index[b]) for a, b in simple.edges() if a != b], dtype=np.int64).reshape(-1, 2)
    rng = np.random.default_rng(seed)
    pos = _pivot_mds(simple, nodes, index, rng)
    k = 1.0 / math.sqrt(n)
    sample = min(sample, n)
    temperature = hot
    for step in range(iterations):
        picks = rng.choice(n, size=sample, replace=False)
        disp = _repulsion(pos, pos[picks], k, n / sample)
        if len(ends):
            d = pos[ends[:, 0]] - pos[ends[:, 1]]
            pull = d * (np.sqrt((d ** 2).sum(axis=1)) / k)[:, None]
            np.add.at(disp, ends[:, 0], -pull)
            np.add.at(disp, ends[:, 1], pull)
        disp -= pos * 0.5  # gravity keeps components and loose nodes from drifting off
        length = np.maximum(np.sqrt((disp ** 2).sum(axis=1)), 1e-9)
        pos += disp * (np.minimum(length, temperature) / length)[:, None]
        temperature = hot * (1 - (step + 1) / iterations) ** 2 + 0.002
    return {node: pos[i] for i, node in enumerate(nodes)}


def _repulsion(pos, q, k: float, scale: float) -> np.ndarray:
    """sum_j w_ij (p_i - q_j) written as matrix products, w_ij = k^2 / |p_i - q_j|^2, times
    ``scale``. The weights are made a block of rows at a time, into one array: the n x
    sample temporaries of a whole large graph overflow the processor's cache, and a step
    then costs more per node the larger the graph. The sums stay whole (the same numbers)."""
    qq = (q ** 2).sum(axis=1)[None, :]
    w = np.empty((len(pos), len(q)))
    for a in range(0, len(pos), REPULSION_ROWS):
        p = pos[a:a + REPULSION_ROWS]
        dist2 = np.maximum((p ** 2).sum(axis=1)[:, None] + qq - 2.0 * (p @ q.T), 1e-6)
        np.divide(k * k, dist2, out=w[a:a + REPULSION_ROWS])
    return (pos * w.sum(axis=1)[:, None] - w @ q) * scale


REPULSION_ROWS = 1024   # 1024 x 200 doubles: 1.6 MB a temporary


def _pivot_mds(simple, nodes, index, rng, pivots: int = 40) -> np.ndarray:
    """A start that is already untangled: classical MDS on hop distances to a few pivot nodes
    (Brandes & Pich 2006), scaled into the unit square; random jitter separates equal points."""
    n = len(nodes)
    picks = rng.choice(n, size=min(pivots, n), replace=False)
    dist = np.full((n, len(picks)), np.nan)
    for j, p in enumerate(picks):
        for node, hops in nx.single_source_shortest_path_length(simple, nodes[p]).items():
            dist[index[node], j] = hops
    dist = np.where(np.isnan(dist), np.nanmax(dist) + 1, dist)  # other components sit just beyond
    c = dist ** 2
    c = -0.5 * (c - c.mean(axis=0) - c.mean(axis=1)[:, None] + c.mean())
    _, vecs = np.linalg.eigh(c.T @ c)
    pos = c @ vecs[:, -2:]
    pos /= np.abs(pos).max() or 1.0
    return pos * 0.5 + (rng.random((n, 2)) - 0.5) * 0.01


def _extent(raw: dict) -> float:
    arr = np.array(list(raw.values()), dtype=float).reshape(-1, 2)
    return float(np.abs(arr - arr.mean(axis=0)).max()) or 1.0


def _to_pixels(raw: dict, scale: float) -> dict:
    arr = np.array(list(raw.values()), dtype=float).reshape(-1, 2)
    arr = (arr - arr.mean(axis=0)) * scale
    return {node: (round(float(x), 1), round(float(y), 1)) for node, (x, y) in zip(raw, arr)}


# -- levels: chains of command drawn top-down ------------------------------------
# For each relation that belongs to a chain of command, which end is drawn above.
ABOVE = {"SUPERVISES": "source", "LEADS": "source", "ISSUED": "source", "PART_OF": "target"}
LEVEL_GAP_PX = 170   # between two levels
NODE_GAP_PX = 190    # between two nodes of one level: room for a cut label
STAGGER_PX = 36      # every other node of a level sits a little lower, so long labels do not touch
ROW_MAX = 24         # nodes on one row before a level wraps


def levels(g) -> dict:
    """A level (0 = top) for every node of ``g``, a networkx multigraph whose edges carry
    ``type``. A body is one level below what supervises or leads it, a unit one below
    its whole; a cycle's nodes share a level; a node outside every chain goes one level
    below its highest neighbour, and a node with no neighbour at all to the bottom row.

    >>> g = nx.MultiDiGraph()
    >>> g.add_edge("党组", "科协", type="SUPERVISES"); g.add_edge("书记", "党组", type="LEADS")
    0
    0
    >>> levels(g)
    {'党组': 1, '科协': 2, '书记': 0}
    """
    order = nx.DiGraph()
    order.add_nodes_from(g)
    for s, t, d in g.edges(data=True):
        side = ABOVE.get(d.get("type"))
        if side and s != t:
            order.add_edge(*((s, t) if side == "source" else (t, s)))
    chained = {n for n in order if order.degree(n)}
    found = _dag_levels(order.subgraph(chained))
    neighbours = nx.Graph()  # a plain copy: walking a subgraph view's neighbours filters them every time
    neighbours.add_nodes_from(g)
    neighbours.add_edges_from(g.edges())
    _hang_below(neighbours, found)
    bottom = max(found.values(), default=-1) + 1
    return {n: found.get(n, bottom) for n in g}


def _dag_levels(order) -> dict:
    """Longest-path layering; strongly connected parts (cycles) are one block."""
    blocks = nx.condensation(order)
    block_level = {}
    for block in nx.topological_sort(blocks):
        block_level[block] = max((block_level[p] + 1 for p in blocks.predecessors(block)), default=0)
    return {n: block_level[blocks.graph["mapping"][n]] for n in order}


def _hang_below(undirected, found: dict) -> None:
    """Give nodes outside every chain the level under their highest placed neighbour, in waves."""
    wave = [n for n in undirected if n not in found and any(m in found for m in undirected[n])]
    while wave:
        placed = {n: min(found[m] for m in undirected[n] if m in found) + 1 for n in wave}
        found.update(placed)
        wave = sorted({m for n in placed for m in undirected[n] if m not in found})


def level_positions(g) -> dict:
    """Pixel positions ``{node: (x, y)}`` of the levels drawing: y by level, x in the order
    that puts each node under the mean position of its neighbours in the levels above.
    A level wider than ROW_MAX nodes wraps onto more rows, and the levels below move down."""
    level = levels(g)
    rows = {}
    for node in sorted(g, key=str):
        rows.setdefault(level[node], []).append(node)
    undirected = nx.Graph()
    undirected.add_nodes_from(g)
    undirected.add_edges_from(g.edges())
    x, placed, top = {}, {}, 0.0
    for depth in sorted(rows):
        def anchor(node, depth=depth):
            above = [x[m] for m in undirected[node] if m in x and level[m] < depth]
            return sum(above) / len(above) if above else float("inf")
        ordered = sorted(rows[depth], key=lambda n: (anchor(n), str(n)))
        for first in range(0, len(ordered), ROW_MAX):
            row = ordered[first:first + ROW_MAX]
            start = -(len(row) - 1) * NODE_GAP_PX / 2
            for i, node in enumerate(row):
                x[node] = start + i * NODE_GAP_PX
                placed[node] = (round(x[node], 1), top + (i % 2) * STAGGER_PX)
            top += LEVEL_GAP_PX
    return placed
