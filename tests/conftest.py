"""Shared fixtures: one real embedded engine per test session, in a private
ORGKG_HOME under pytest's tmp dir, stopped at the end (and checked gone)."""
import os
import uuid
from pathlib import Path

import pytest

from orgkg.graph.kg import KnowledgeGraph
from orgkg.graph.store import engine
from orgkg.graph.store.falkor import FalkorStore


def redis_pids(fragment) -> list[int]:
    """Live redis-server processes whose command line mentions ``fragment``
    (the engine runs with --set-proc-title no, so its paths stay visible)."""
    pids = []
    for proc in Path("/proc").iterdir():
        if not proc.name.isdigit():
            continue
        try:
            cmdline = (proc / "cmdline").read_bytes().replace(b"\0", b" ").decode("utf-8", "replace")
            state = (proc / "stat").read_text().rsplit(")", 1)[1].split()[0]
        except (OSError, IndexError):
            continue
        if "redis-server" in cmdline and str(fragment) in cmdline and state not in ("Z", "X"):
            pids.append(int(proc.name))
    return pids


def pid_running(pid) -> bool:
    """True while ``pid`` runs; a zombie waiting for its reaper counts as gone."""
    try:
        return Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0] not in ("Z", "X")
    except (OSError, IndexError):
        return False


def assert_engine_gone(home, pid=None):
    if pid is not None:
        assert not pid_running(pid), f"engine pid {pid} of {home} still runs"
    assert redis_pids(home) == [], f"a redis-server of {home} still runs"


@pytest.fixture(scope="session")
def engine_info(tmp_path_factory):
    """The session's engine, started as `orgkg db start` would (kept running until
    the session ends). ORGKG_HOME points at it, so open_store() finds it too."""
    home = tmp_path_factory.mktemp("engine")
    saved = os.environ.get("ORGKG_HOME")
    os.environ["ORGKG_HOME"] = str(home)
    info = engine.start(home, keep=True)
    assert info.running and redis_pids(home) == [info.pid]
    yield info
    engine.stop(home)
    if saved is None:
        os.environ.pop("ORGKG_HOME", None)
    else:
        os.environ["ORGKG_HOME"] = saved
    assert_engine_gone(home, info.pid)


@pytest.fixture
def falkor(engine_info):
    """A FalkorStore on the session engine, on a graph of its own (dropped afterwards)."""
    store = FalkorStore(engine_info.socket, graph=f"test-{uuid.uuid4().hex[:12]}")
    yield store
    store.drop()
    store.close()


@pytest.fixture
def private_home(tmp_path):
    """A fresh ORGKG_HOME for tests that start, kill and stop engines themselves;
    whatever runs there is stopped afterwards and must be gone."""
    home = tmp_path / "home"
    home.mkdir()
    yield home
    pid = engine.status(home).pid
    engine.stop(home)
    assert_engine_gone(home, pid)


def evidence(sentence, file="000_test.txt", start=0):
    return {"file": file, "sentence": sentence, "start": start, "end": start + len(sentence),
            "rule": "test", "confidence": 1.0}


def mention(file="000_test.txt", start=0, end=1):
    return {"file": file, "start": start, "end": end}


def small_kg(extra_document=False) -> KnowledgeGraph:
    """A small graph in the shapes the samples give: a party committee that
    supervises a class of societies, a leader with a role, a work plan that a
    body issued and that requires bodies and initiatives. ``extra_document``
    adds what a second file would: new nodes and more provenance for old ones."""
    kg = KnowledgeGraph()
    f = "000_test.txt"
    cast = kg.add_entity("Organization", "中国科学技术协会", aliases=["中国科协"], mentions=[mention(f, 0, 8)])
    group = kg.add_entity("Organization", "中国科学技术协会党组", mentions=[mention(f, 10, 20)])
    cq = kg.add_entity("Organization", "重庆市科学技术协会", aliases=["市科协"], jurisdiction="重庆市",
                       mentions=[mention(f, 30, 39)])
    party = kg.add_entity("Organization", "中共重庆市科学技术协会科技社团委员会", aliases=["科技社团党委"],
                          mentions=[mention(f, 40, 58)])
    societies = kg.add_entity("Organization", "市级学会", collective=True, mentions=[mention(f, 60, 64)])
    he = kg.add_entity("Person", "贺军科", mentions=[mention(f, 70, 73)])
    plan = kg.add_entity("Document", "2022年全市科协系统工作要点", date="2022-03-01", mentions=[mention(f, 80, 95)])
    ini = kg.add_entity("Initiative", "科普中国建设", mentions=[mention(f, 100, 106)])
    kg.add_relation(cq, "SUPERVISES", party, evidence("市科协领导科技社团党委开展工作。", f, 200))
    kg.add_relation(party, "SUPERVISES", societies, evidence("科技社团党委指导市级学会党建工作。", f, 220))
    kg.add_relation(he, "LEADS", group, evidence("中国科协党组书记贺军科出席会议。", f, 240), role="书记", as_of="2023-06")
    kg.add_relation(group, "PART_OF", cast, evidence("中国科协党组是中国科协的领导机构。", f, 260))
    kg.add_relation(cq, "ISSUED", plan, evidence("市科协印发《2022年全市科协系统工作要点》。", f, 280))
    both = "各市级学会要深入推进科普中国建设。"
    kg.add_relation(plan, "REQUIRES", societies, evidence(both, f, 300))
    kg.add_relation(plan, "REQUIRES", ini, evidence(both, f, 300))
    if extra_document:
        g = "001_test.txt"
        kg.add_entity("Organization", "重庆市科学技术协会", aliases=["重庆市科协"], mentions=[mention(g, 5, 14)])
        kg.add_entity("Person", "贺军科", mentions=[mention(g, 20, 23)])
        youth = kg.add_entity("Organization", "重庆市青年科技工作者协会", mentions=[mention(g, 30, 42)])
        kg.add_relation(party, "SUPERVISES", youth, evidence("科技社团党委领导重庆市青年科技工作者协会。", g, 50))
        kg.add_relation(he, "LEADS", group, evidence("贺军科同志任中国科协党组书记。", g, 80))
    return kg


@pytest.fixture
def make_kg():
    """small_kg as a fixture: make_kg() or make_kg(extra_document=True)."""
    return small_kg
