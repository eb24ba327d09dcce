"""Positions computed in Python for large pages."""
from __future__ import annotations

import importlib.util
import math

import networkx as nx
import pytest

from orgkg.graph.errors import OrgkgError
from orgkg.graph.viz_layout import KAMADA_KAWAI_MAX, LEVEL_GAP_PX, level_positions, levels, positions


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


def chain(*edges) -> nx.MultiDiGraph:
    g = nx.MultiDiGraph()
    for s, rel, t in edges:
        g.add_edge(s, t, type=rel)
    return g


@pytest.mark.parametrize("edges, expected", [
    ([("党组", "SUPERVISES", "科协"), ("科协", "SUPERVISES", "学会")], {"党组": 0, "科协": 1, "学会": 2}),
    ([("书记", "LEADS", "党组"), ("党组", "PART_OF", "科协")], {"书记": 0, "科协": 0, "党组": 1}),
    ([("科协", "ISSUED", "要点"), ("要点", "REQUIRES", "行动")], {"科协": 0, "要点": 1, "行动": 2}),
    # a cycle shares one level; what hangs below it goes under
    ([("甲", "SUPERVISES", "乙"), ("乙", "SUPERVISES", "甲"), ("乙", "SUPERVISES", "丙")], {"甲": 0, "乙": 0, "丙": 1}),
    # outside every chain: under the highest neighbour
    ([("科协", "SUPERVISES", "学会"), ("要点", "REQUIRES", "学会"), ("要点", "REQUIRES", "科协")],
     {"科协": 0, "学会": 1, "要点": 1}),
])
def test_viz_layout_levels_put_chains_top_down(edges, expected):
    assert levels(chain(*edges)) == expected


def test_viz_layout_level_positions_order_and_wrap():
    g = chain(*[("中国科协", "SUPERVISES", f"学会{i:02d}") for i in range(30)])
    g.add_node("孤立")
    pos = level_positions(g)
    assert pos["中国科协"][1] < min(pos[f"学会{i:02d}"][1] for i in range(30))
    rows = {y // LEVEL_GAP_PX for n, (x, y) in pos.items() if n.startswith("学会")}
    assert len(rows) == 2                                  # 30 bodies wrap onto two rows of at most 24
    assert pos["孤立"][1] > max(y for n, (x, y) in pos.items() if n != "孤立")  # alone: the bottom row
    xs = [x for n, (x, y) in pos.items()]
    assert len(set(zip(xs, (y for _, y in pos.values())))) == len(pos)  # no two nodes on one spot
