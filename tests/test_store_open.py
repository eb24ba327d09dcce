"""open_store() picks the store from the environment."""
import pytest

from orgkg.graph.errors import StoreError
from orgkg.graph.store import open_store
from orgkg.graph.store.falkor import FalkorStore


def test_store_open_without_neo4j_uri_is_the_embedded_engine(private_home):
    with open_store(env={"ORGKG_HOME": str(private_home)}) as store:
        assert isinstance(store, FalkorStore) and store.name == "falkordb"
        assert store.graph_name == "orgkg"
    with open_store(env={"ORGKG_HOME": str(private_home), "ORGKG_GRAPH": "other"}) as store:
        assert store.graph_name == "other"


def test_store_open_neo4j_unreachable_names_the_uri_not_the_password():
    with pytest.raises(StoreError) as caught:
        open_store(env={"NEO4J_URI": "bolt://127.0.0.1:9", "NEO4J_USER": "analyst", "NEO4J_PASSWORD": "密码-s3cret"})
    assert "bolt://127.0.0.1:9" in str(caught.value) and "not reachable" in str(caught.value)
    assert "s3cret" not in str(caught.value)
