"""Stores are looked up by name: ORGKG_STORE, else neo4j when NEO4J_URI is set, else the
embedded engine."""
import pytest

from orgkg.graph.errors import StoreError
from orgkg.graph.store import STORES, open_store


def test_store_registry_names_both_backends():
    assert set(STORES) == {"neo4j", "falkordb"}


def test_store_registry_unknown_name_is_a_clear_error():
    with pytest.raises(StoreError, match="ORGKG_STORE='sqlite' names no store; choose one of falkordb, neo4j"):
        open_store({"ORGKG_STORE": "sqlite"})


def test_store_registry_falkordb_by_name_opens_the_engine(engine_info):
    with open_store({"ORGKG_STORE": "falkordb", "NEO4J_URI": "bolt://unused:7687"}, home=engine_info.home) as store:
        assert store.query("RETURN 1 AS one").rows == [[1]]
