"""The examples in the modules' docstrings run and hold."""
import doctest
import importlib

import pytest

MODULES = [
    "orgkg.extractors.recognise.pipeline",
    "orgkg.extractors.resolve.names",
    "orgkg.extractors.resolve.jurisdiction",
    "orgkg.extractors.read.normalize",
    "orgkg.extractors.recognise.orgs",
    "orgkg.extractors.recognise.org_patterns",
    "orgkg.extractors.recognise.people",
    "orgkg.extractors.recognise.events",
    "orgkg.extractors.recognise.initiatives",
    "orgkg.extractors.recognise.documents",
    "orgkg.extractors.knowledge",
    "orgkg.extractors.relate.constructions",
    "orgkg.graph.evidence",
    "orgkg.graph.queries",
    "orgkg.graph.viz_layout",
    "orgkg.graph.viz_view",
]


@pytest.mark.parametrize("name", MODULES)
def test_docstring_examples(name):
    result = doctest.testmod(importlib.import_module(name))
    assert result.attempted > 0 and result.failed == 0
