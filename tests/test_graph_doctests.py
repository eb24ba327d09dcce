"""The examples in the graph modules' docstrings run and hold."""
import doctest
import importlib

import pytest

MODULES = [
    "orgkg.graph.evidence",
    "orgkg.graph.queries",
    "orgkg.graph.viz_layout",
    "orgkg.graph.viz_view",
]


@pytest.mark.parametrize("name", MODULES)
def test_graph_docstring_examples(name):
    result = doctest.testmod(importlib.import_module(name))
    assert result.attempted > 0 and result.failed == 0
