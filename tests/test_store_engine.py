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


# -- restarts at any size, engines never orphaned, private files ------------
ORGKG = [str(Path(sys.executable).with_name("orgkg"))]


def _many(n_nodes, n_edges=0):
    """A plain graph of ``n_nodes`` bodies in a chain of ``n_edges`` SUPERVISES."""
    from orgkg.graph.kg import KnowledgeGraph
    kg = KnowledgeGraph()
    ids = [kg.add_entity("Organization", f"重庆市第{i}协会", mentions=[{"file": "a.txt", "start": i, "end": i + 1}])
           for i in range(n_nodes)]
    for i in range(min(n_edges, n_nodes - 1)):
        kg.add_relation(ids[i], "SUPERVISES", ids[i + 1])
    return kg

def _incr_aof_bytes(home) -> int:
    return sum(f.stat().st_size for f in (home / "data" / "appendonlydir").glob("*.incr.aof"))


def test_store_engine_load_compacts_the_aof_so_a_restart_replays_a_snapshot(private_home, make_kg):
    kg = make_kg(extra_document=True)
    info = engine.start(private_home)
    with FalkorStore(info.socket) as store:
        store.load(kg, batch_size=2)
    assert _incr_aof_bytes(private_home) == 0                     # every batch is in the RDB base now
    assert list((private_home / "data" / "appendonlydir").glob("*.base.rdb"))
    _kill9(info.pid)
    with FalkorStore(engine.start(private_home).socket) as store:
        assert store.counts() == kg.counts()


def test_store_engine_stop_compacts_what_a_query_wrote(private_home):
    with FalkorStore(engine.start(private_home).socket) as store:
        store.query("UNWIND range(1, 50) AS i CREATE (:Organization {id: toString(i)})", write=True)
    assert _incr_aof_bytes(private_home) > 0
    engine.stop(private_home)
    assert _incr_aof_bytes(private_home) == 0
    with FalkorStore(engine.start(private_home).socket) as store:
        assert store.counts()["nodes"] == 50


def test_store_engine_finds_its_server_when_the_pid_file_is_empty(private_home):
    info = engine.start(private_home)
    (private_home / "engine.pid").write_text("")                 # what a full disk leaves
    assert engine.status(private_home).pid == info.pid
    assert engine.start(private_home).pid == info.pid             # no second server on the same data
    assert redis_pids(private_home) == [info.pid]
    assert engine.stop(private_home) is True
    assert redis_pids(private_home) == []


def test_store_engine_home_data_and_socket_are_private(private_home, make_kg):
    os.chmod(private_home, 0o755)                                 # a home made before, world-readable
    with open_store(env={"ORGKG_HOME": str(private_home)}) as store:
        store.load(make_kg())
        assert oct(os.stat(store.socket).st_mode & 0o077) == "0o0"
    paths = [private_home, *private_home.rglob("*")]
    assert len(paths) > 5
    loose = [(str(p), oct(p.stat().st_mode & 0o777)) for p in paths if p.stat().st_mode & 0o077]
    assert loose == []


@pytest.mark.parametrize("make", ["folder others can write", "symlink to a folder"])
def test_store_engine_refuses_a_socket_folder_that_is_not_private(tmp_path, make):
    home = tmp_path / ("长路径" * 8) / ("x" * 60)
    sock_dir = engine.socket_path(home).parent
    assert sock_dir.parent == Path("/tmp")
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir(mode=0o700)
    try:
        if make == "symlink to a folder":
            sock_dir.symlink_to(elsewhere)
        else:
            sock_dir.mkdir()
            os.chmod(sock_dir, 0o777)
        with pytest.raises(EngineError, match="refusing .* not a private folder"):
            engine.start(home)
        assert redis_pids(home) == []
    finally:
        engine.stop(home)
        if sock_dir.is_symlink():
            sock_dir.unlink()
        elif sock_dir.exists():
            sock_dir.rmdir()


def test_store_engine_unusable_home_is_a_clear_error(tmp_path):
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder")
    with pytest.raises(EngineError, match=f"cannot use {blocker / 'home'}"):
        engine.start(blocker / "home")
    done = subprocess.run([*ORGKG, "query", "RETURN 1"], capture_output=True,
                          text=True, env={**os.environ, "ORGKG_HOME": str(blocker / "home"), "NEO4J_URI": ""})
    assert done.returncode == 1 and "Traceback" not in done.stderr
    assert "ORGKG_HOME" in done.stderr


@pytest.fixture
def small_disk(tmp_path):
    """A 3 MB file system for the engine's home (needs root to mount tmpfs)."""
    mnt = tmp_path / "small-disk"
    mnt.mkdir()
    if os.geteuid() != 0 or subprocess.run(["mount", "-t", "tmpfs", "-o", "size=3m", "tmpfs", str(mnt)],
                                           capture_output=True).returncode != 0:
        pytest.skip("mounting a small tmpfs needs root")
    yield mnt
    engine.stop(mnt / "home")
    subprocess.run(["umount", "-l", str(mnt)], check=True)


def test_store_engine_full_disk_is_reported_and_leaves_no_server(small_disk):
    home = small_disk / "home"
    with pytest.raises(StoreError, match="disk .* is full"):
        with open_store(env={"ORGKG_HOME": str(home)}) as store:
            store.load(_many(20000))
    assert redis_pids(home) == [] and not engine.status(home).running
    (home / "engine.log").write_text("")
    with open_store(env={"ORGKG_HOME": str(home)}) as store:     # the next command, disk still full
        assert 0 < store.counts()["nodes"] < 20000                # what was acknowledged is there
    log = (home / "engine.log").read_text()
    assert "Errors trying to SHUTDOWN" not in log and "bye bye" in log    # it exited, it was not killed
    assert redis_pids(home) == []


@pytest.mark.parametrize("size", ["read-only", "full"])
def test_store_engine_home_on_a_read_only_or_full_disk(small_disk, size):
    if size == "read-only":
        subprocess.run(["mount", "-o", "remount,ro", str(small_disk)], check=True)
    else:
        with open(small_disk / "filler", "wb") as fh:
            try:
                while True:
                    fh.write(b"\0" * 65536)
            except OSError:
                pass
    done = subprocess.run([*ORGKG, "query", "RETURN 1"], capture_output=True,
                          text=True, env={**os.environ, "ORGKG_HOME": str(small_disk / "home"), "NEO4J_URI": ""})
    assert done.returncode == 1 and "Traceback" not in done.stderr, done.stderr
    assert ("read-only" if size == "read-only" else "no space") in done.stderr
    assert redis_pids(small_disk / "home") == []


def test_store_engine_sigterm_to_a_command_stops_its_engine(private_home, tmp_path):
    export = _many(20000, 20000).write_json(tmp_path / "big.json")
    proc = subprocess.Popen([*ORGKG, "load", str(export), "--batch-size", "50"],
                            env={**os.environ, "ORGKG_HOME": str(private_home), "NEO4J_URI": ""},
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    deadline = time.monotonic() + 120
    while not (private_home / "clients").is_dir() or not list((private_home / "clients").iterdir()):
        assert proc.poll() is None and time.monotonic() < deadline, proc.communicate()
        time.sleep(0.05)
    proc.send_signal(signal.SIGTERM)
    out, err = proc.communicate(timeout=120)
    assert proc.returncode != 0 and "Traceback" not in err, err
    assert redis_pids(private_home) == [] and not engine.status(private_home).running


def test_store_engine_starts_from_the_snapshot_when_the_aof_is_moved_aside(private_home, make_kg):
    kg = make_kg()
    with FalkorStore(engine.start(private_home).socket) as store:
        store.load(kg)
    engine.stop(private_home)
    aof = private_home / "data" / "appendonlydir"
    aof.rename(private_home / "aof-damaged")                     # the README's recovery step
    with FalkorStore(engine.start(private_home).socket) as store:
        assert store.counts() == kg.counts()
    engine.stop(private_home)
    assert aof.is_dir()                                          # the AOF is back on, with the data
    with FalkorStore(engine.start(private_home).socket) as store:
        assert store.counts() == kg.counts()


def test_store_engine_aof_records_effects_not_queries_so_a_crash_replays_fast(private_home):
    info = engine.start(private_home)
    with FalkorStore(info.socket) as store:
        store.query("UNWIND range(1, 50) AS i MERGE (:Organization {id: toString(i), name: '某单位' + toString(i)})",
                    write=True)
    incr = b"".join(f.read_bytes() for f in (private_home / "data" / "appendonlydir").glob("*.incr.aof"))
    assert b"GRAPH.EFFECT" in incr and b"MERGE" not in incr
    _kill9(info.pid)                                             # before any compaction
    with FalkorStore(engine.start(private_home).socket) as store:
        assert store.query("MATCH (n:Organization) RETURN count(n), min(n.name)").rows == [[50, "某单位1"]]
