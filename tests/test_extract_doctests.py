"""The examples in the extraction modules' docstrings run and hold."""
import doctest
import importlib

import pytest

MODULES = [
    "orgkg.extractors.pipeline",
    "orgkg.extractors.resolve",
    "orgkg.extractors.jurisdiction",
    "orgkg.extractors.normalize",
    "orgkg.extractors.components.orgs",
    "orgkg.extractors.components.org_patterns",
    "orgkg.extractors.components.people",
    "orgkg.extractors.components.events",
    "orgkg.extractors.components.initiatives",
    "orgkg.extractors.components.documents",
]


@pytest.mark.parametrize("name", MODULES)
def test_extract_docstring_examples(name):
    result = doctest.testmod(importlib.import_module(name))
    assert result.attempted > 0 and result.failed == 0
