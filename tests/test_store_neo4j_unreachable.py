"""Neo4j addresses that go nowhere useful: no server is needed, the failure is the test.
A server that accepts the connection and never answers fails within the
timeout, and a password in NEO4J_URI never reaches a message."""
import socket
import threading

import pytest

from orgkg.graph.errors import StoreError
from orgkg.graph.store import open_store


@pytest.fixture
def silent_server():
    """A TCP server that accepts connections and never says a word."""
    server = socket.socket()
    server.bind(("127.0.0.1", 0))
    server.listen(16)
    accepted = []

    def accept():
        while True:
            try:
                accepted.append(server.accept()[0])
            except OSError:
                return
    threading.Thread(target=accept, daemon=True).start()
    yield server.getsockname()[1]
    server.close()
    for conn in accepted:
        conn.close()


def test_store_neo4j_server_that_never_answers_fails_within_the_timeout(silent_server):
    env = {"NEO4J_URI": f"bolt://127.0.0.1:{silent_server}", "NEO4J_PASSWORD": "pw", "ORGKG_NEO4J_TIMEOUT": "1"}
    with pytest.raises(StoreError, match=r"did not answer within 1s \(ORGKG_NEO4J_TIMEOUT\)"):
        open_store(env=env)


@pytest.mark.parametrize("uri", [
    "neo4j://analyst:hunter2-秘密@127.0.0.1:9",
    "bolt://analyst:hunter2-秘密@127.0.0.1:9",
    "bolt+s://analyst:hunter2-秘密@127.0.0.1:9/db",
    "nosuchscheme://analyst:hunter2-秘密@host",
])
def test_store_neo4j_password_in_the_uri_is_never_printed(uri):
    with pytest.raises(StoreError) as caught:
        open_store(env={"NEO4J_URI": uri, "ORGKG_NEO4J_TIMEOUT": "2"})
    assert "hunter2" not in str(caught.value) and "analyst" not in str(caught.value)
    assert "***@" in str(caught.value)


@pytest.mark.parametrize("uri, shown", [
    ("neo4j://u:p@db:7687", "neo4j://***@db:7687"),
    ("bolt://db:7687", "bolt://db:7687"),
    ("neo4j://u@db", "neo4j://***@db"),
])
def test_store_neo4j_redact_drops_userinfo(uri, shown):
    from orgkg.graph.store.neo4j_store import redact
    assert redact(uri) == shown
