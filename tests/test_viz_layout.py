"""Positions computed in Python for large pages."""
from __future__ import annotations

import importlib.util
import math

import networkx as nx
import pytest

from orgkg.graph.errors import OrgkgError
from orgkg.graph.viz_layout import KAMADA_KAWAI_MAX, positions


def mean_length(g, pos, pairs):
    return sum(math.dist(pos[a], pos[b]) for a, b in pairs) / len(pairs)


@pytest.mark.parametrize("layout", ["spring", "circular", "random"])
def test_viz_layout_places_every_node_deterministically(layout):
    g = nx.MultiDiGraph(nx.path_graph(30, create_using=nx.DiGraph))
    g.add_edge(0, 1)  # a parallel edge changes nothing
    pos = positions(g, layout)
    assert set(pos) == set(g) and len(set(pos.values())) == len(g)
    assert pos == positions(g, layout)


@pytest.mark.parametrize("graph", [nx.grid_2d_graph(30, 30), nx.random_geometric_graph(1200, 0.05, seed=3)],
                         ids=["grid", "geometric"])
def test_viz_layout_large_spring_keeps_neighbours_close(graph):
    pos = positions(graph, "spring")  # >= 500 nodes: the sampled layout, no scipy
    nodes = list(graph)
    far = [(nodes[i], nodes[(i * 7919) % len(nodes)]) for i in range(len(nodes))]
    assert mean_length(graph, pos, list(graph.edges())) * 5 < mean_length(graph, pos, far)


def test_viz_layout_kamada_kawai_needs_scipy_and_a_small_graph():
    g = nx.cycle_graph(12)
    if importlib.util.find_spec("scipy") is None:
        with pytest.raises(OrgkgError, match="pip install scipy"):
            positions(g, "kamada_kawai")
    else:
        assert set(positions(g, "kamada_kawai")) == set(g)
    with pytest.raises(OrgkgError, match="kamada_kawai' is for small graphs"):
        positions(nx.empty_graph(KAMADA_KAWAI_MAX + 1), "kamada_kawai")


def test_viz_layout_empty_graph():
    assert positions(nx.MultiDiGraph()) == {}


def test_viz_layout_spring_packs_components_apart():
    parts = [nx.path_graph(40), nx.star_graph(12), nx.cycle_graph(9), nx.empty_graph(1)]
    g = nx.disjoint_union_all(parts)
    pos = positions(g, "spring")
    boxes, start = [], 0
    for part in parts:
        xs, ys = zip(*(pos[start + i] for i in range(len(part))))
        boxes.append((min(xs), min(ys), max(xs), max(ys)))
        start += len(part)
    for i, a in enumerate(boxes):
        for b in boxes[i + 1:]:
            assert a[2] < b[0] or b[2] < a[0] or a[3] < b[1] or b[3] < a[1], (a, b)
