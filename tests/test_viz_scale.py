"""The page's network keeps pyvis' checks (each node once, no edge to an unknown
node) while answering them from a set: a 20k-node page costs what its size says."""
import pytest

from orgkg.graph.kg import KnowledgeGraph
from orgkg.graph.viz import _network, page_html


def small_graph():
    kg = KnowledgeGraph()
    a = kg.add_entity("Organization", "重庆市科学技术协会")
    b = kg.add_entity("Organization", "中国科学技术协会")
    kg.add_relation(b, "SUPERVISES", a, evidence={"file": "a.txt", "sentence": "指导", "start": 0, "end": 2})
    return kg


def test_viz_network_adds_each_node_once():
    kg = small_graph()
    net = _network(kg.g, kg.schema, {})
    net.add_node(sorted(kg.g)[0], label="again")
    assert len(net.nodes) == 2 and len(net.get_nodes()) == 2
    assert all(n in net.get_nodes() for n in kg.g)


@pytest.mark.parametrize("source, target", [("missing", None), (None, "missing")])
def test_viz_network_refuses_an_edge_to_an_unknown_node(source, target):
    kg = small_graph()
    net = _network(kg.g, kg.schema, {})
    known = sorted(kg.g)[0]
    with pytest.raises(AssertionError, match="non existent node"):
        net.add_edge(source or known, target or known)


def test_viz_page_of_a_graph_still_holds_every_node():
    kg = small_graph()
    page = page_html(kg)
    assert all(n in page for n in kg.g)
