"""Node positions computed in Python, for pages too large for in-browser physics.

networkx's spring_layout needs scipy above 500 nodes and walks the nodes in a
Python loop there, so large graphs use a vectorised Fruchterman-Reingold whose
repulsion comes from a fixed-seed random sample of nodes: O(n * sample) per step
instead of O(n^2), a few hundred milliseconds for 5,000 nodes.

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


def positions(g, layout: str = "spring", seed: int = SEED) -> dict:
    """Pixel positions ``{node: (x, y)}`` centred on 0, spread so neighbours sit ~100 px apart."""
    if layout not in LAYOUTS:
        raise OrgkgError(f"unknown layout {layout!r}; choose one of {', '.join(LAYOUTS)}")
    n = g.number_of_nodes()
    if n == 0:
        return {}
    simple = nx.Graph(g.to_undirected(as_view=True))  # direction and multi-edges do not change a drawing
    if layout == "spring":
        raw = (nx.spring_layout(simple, seed=seed, iterations=50) if n < SMALL
               else sampled_spring(simple, seed=seed))
    elif layout == "kamada_kawai":
        raw = _kamada_kawai(simple)
    elif layout == "circular":
        raw = nx.circular_layout(simple)
    else:
        raw = nx.random_layout(simple, seed=seed)
    return _to_pixels(raw, n)


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


def sampled_spring(simple, iterations: int = 60, sample: int = 200, seed: int = SEED) -> dict:
    """Fruchterman-Reingold in the unit square with sampled repulsion and a little gravity."""
    nodes = list(simple)
    n = len(nodes)
    index = {node: i for i, node in enumerate(nodes)}
    ends = np.array([(index[a], index[b]) for a, b in simple.edges() if a != b], dtype=np.int64).reshape(-1, 2)
    rng = np.random.default_rng(seed)
    pos = rng.random((n, 2)) - 0.5
    k = 1.0 / math.sqrt(n)
    sample = min(sample, n)
    temperature = 0.1
    for step in range(iterations):
        picks = rng.choice(n, size=sample, replace=False)
        delta = pos[:, None, :] - pos[None, picks, :]
        dist2 = np.maximum((delta ** 2).sum(axis=2), 1e-6)
        disp = (delta * (k * k / dist2)[:, :, None]).sum(axis=1) * (n / sample)
        if len(ends):
            d = pos[ends[:, 0]] - pos[ends[:, 1]]
            pull = d * (np.sqrt((d ** 2).sum(axis=1)) / k)[:, None]
            np.add.at(disp, ends[:, 0], -pull)
            np.add.at(disp, ends[:, 1], pull)
        disp -= pos * 0.5  # gravity keeps components and loose nodes from drifting off
        length = np.maximum(np.sqrt((disp ** 2).sum(axis=1)), 1e-9)
        pos += disp * (np.minimum(length, temperature) / length)[:, None]
        temperature = 0.1 * (1 - (step + 1) / iterations) + 0.002
    return {node: pos[i] for i, node in enumerate(nodes)}


def _to_pixels(raw: dict, n: int) -> dict:
    arr = np.array(list(raw.values()), dtype=float).reshape(-1, 2)
    arr -= arr.mean(axis=0)
    extent = float(np.abs(arr).max()) or 1.0
    half_width = max(300.0, 50.0 * math.sqrt(n))
    arr *= half_width / extent
    return {node: (round(float(x), 1), round(float(y), 1)) for node, (x, y) in zip(raw, arr)}
