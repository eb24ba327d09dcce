"""The embedded engine's lifecycle on real redis-server processes: persistence,
recovery after kill -9, interrupted loads, on-demand start/stop, long homes,
two commands at once."""
import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from conftest import pid_running, redis_pids
from orgkg.graph.errors import EngineError, StoreError
from orgkg.graph.store import engine, open_store
from orgkg.graph.store.falkor import FalkorStore


def _kill9(pid):
    os.kill(pid, signal.SIGKILL)
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline and pid_running(pid):
        time.sleep(0.02)


def test_store_engine_home_dir_reads_orgkg_home(tmp_path):
    assert engine.home_dir({"ORGKG_HOME": str(tmp_path / "h")}) == tmp_path / "h"
    assert engine.home_dir({}) == Path("data/engine").resolve()


def test_store_engine_start_status_stop(private_home):
    assert not engine.status(private_home).running
    info = engine.start(private_home)
    assert info.running and info.kept and info.socket == private_home / "engine.sock"
    assert redis_pids(private_home) == [info.pid]
    assert engine.start(private_home).pid == info.pid           # already running: same server
    assert engine.status(private_home).pid == info.pid
    assert engine.stop(private_home) is True
    assert redis_pids(private_home) == [] and not engine.status(private_home).running
    assert not info.socket.exists() and not (private_home / "engine.pid").exists()
    assert engine.stop(private_home) is False


def test_store_engine_data_persist_across_stop_and_start(private_home, make_kg):
    kg = make_kg()
    with FalkorStore(engine.start(private_home).socket) as store:
        store.load(kg)
    engine.stop(private_home)
    assert (private_home / "data" / "dump.rdb").exists()
    with FalkorStore(engine.start(private_home).socket) as store:
        assert store.counts() == kg.counts()


def test_store_engine_recovers_after_kill9(private_home, make_kg):
    kg = make_kg()
    info = engine.start(private_home)
    with FalkorStore(info.socket) as store:
        store.load(kg)
    _kill9(info.pid)
    assert not engine.status(private_home).running
    assert (private_home / "engine.pid").exists() and info.socket.exists()   # stale files left by the crash
    again = engine.start(private_home)
    assert again.running and again.pid != info.pid and redis_pids(private_home) == [again.pid]
    with FalkorStore(again.socket) as store:
        assert store.counts() == kg.counts()                     # the AOF had every write


def test_store_engine_interrupted_load_then_reload_equals_clean_load(private_home, make_kg):
    kg = make_kg(extra_document=True)
    info = engine.start(private_home)

    def kill_after_first_batch(progress):
        _kill9(info.pid)

    with FalkorStore(info.socket) as store:
        with pytest.raises(StoreError, match="not reachable"):
            store.load(kg, batch_size=2, progress=kill_after_first_batch)
    with FalkorStore(engine.start(private_home).socket) as store:
        assert 0 < store.counts()["nodes"] < kg.counts()["nodes"]
        store.load(kg, batch_size=2)
        assert store.counts() == kg.counts()
        mentions = store.query("MATCH (n) RETURN n.name, n.mentions ORDER BY n.name").rows
    clean_home = private_home.parent / "clean"
    try:
        with FalkorStore(engine.start(clean_home).socket) as clean:
            clean.load(kg)
            assert clean.query("MATCH (n) RETURN n.name, n.mentions ORDER BY n.name").rows == mentions
    finally:
        engine.stop(clean_home)
    assert redis_pids(clean_home) == []


def test_store_engine_open_store_stops_the_engine_it_started(private_home, make_kg):
    env = {"ORGKG_HOME": str(private_home)}
    with open_store(env=env) as store:
        pid = engine.status(private_home).pid
        assert redis_pids(private_home) == [pid]
        store.load(make_kg())
    assert redis_pids(private_home) == [] and not engine.status(private_home).running
    with open_store(env=env) as store:                            # the data stayed
        assert store.counts()["nodes"] == 8
    assert redis_pids(private_home) == []


def test_store_engine_open_store_leaves_a_db_start_engine_running(private_home):
    info = engine.start(private_home, keep=True)
    with open_store(env={"ORGKG_HOME": str(private_home)}) as store:
        store.counts()
    assert engine.status(private_home).pid == info.pid


def test_store_engine_last_store_out_stops_an_on_demand_engine(private_home):
    env = {"ORGKG_HOME": str(private_home)}
    first = open_store(env=env)
    second = open_store(env=env)
    pid = engine.status(private_home).pid
    first.close()
    assert engine.status(private_home).pid == pid                 # the second store still uses it
    assert second.counts()["nodes"] == 0
    second.close()
    assert redis_pids(private_home) == []


def test_store_engine_long_home_puts_the_socket_under_tmp(tmp_path):
    home = tmp_path / ("长路径" * 8) / ("x" * 60)
    info = engine.start(home)
    try:
        assert len(os.fsencode(home / "engine.sock")) > 107
        assert str(info.socket).startswith("/tmp/orgkg-") and info.socket.exists()
        assert json.loads((home / "engine.json").read_text())["socket"] == str(info.socket)
        assert engine.status(home).socket == info.socket
        with FalkorStore(info.socket) as store:
            assert store.counts()["nodes"] == 0
    finally:
        engine.stop(home)
    assert redis_pids(home) == [] and not info.socket.parent.exists()


def test_store_engine_failed_start_names_the_log(private_home):
    manifest = private_home / "data" / "appendonlydir" / "appendonly.aof.manifest"
    manifest.parent.mkdir(parents=True)
    manifest.write_text("this is not a manifest\n")
    with pytest.raises(EngineError, match=str(private_home / "engine.log")):
        engine.start(private_home)
    assert redis_pids(private_home) == []


def _run_python(code, env):
    return subprocess.Popen([sys.executable, "-c", code], env={**os.environ, **env},
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


def test_store_engine_two_commands_at_once_share_one_engine(private_home, make_kg, tmp_path):
    export = make_kg(extra_document=True).write_json(tmp_path / "graph.json")
    code = ("from orgkg.graph.kg import KnowledgeGraph\n"
            "from orgkg.graph.store import open_store\n"
            f"kg = KnowledgeGraph.read_json({str(export)!r})\n"
            "with open_store() as s:\n"
            "    s.load(kg, batch_size=2)\n"
            "    print(s.counts()['nodes'])\n")
    procs = [_run_python(code, {"ORGKG_HOME": str(private_home), "NEO4J_URI": ""}) for _ in range(3)]
    outputs = [p.communicate(timeout=120) for p in procs]
    assert [p.returncode for p in procs] == [0, 0, 0], outputs
    assert redis_pids(private_home) == []                         # the last one out stopped it
    with FalkorStore(engine.start(private_home).socket) as store:
        assert store.counts() == make_kg(extra_document=True).counts()


def test_store_engine_waits_for_the_lock_and_says_who_holds_it(private_home, monkeypatch):
    import fcntl
    monkeypatch.setattr(engine, "LOCK_TIMEOUT", 0.3)
    with open(private_home / "engine.lock", "a") as held:
        fcntl.flock(held, fcntl.LOCK_EX)             # another command in the middle of start/stop
        with pytest.raises(EngineError, match="engine.lock"):
            engine.start(private_home)
    assert redis_pids(private_home) == []
    assert engine.start(private_home).running        # free again: starts
