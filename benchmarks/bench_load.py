"""Load speed of the embedded engine on a synthetic graph.

    .venv/bin/python benchmarks/bench_load.py [NODES] [EDGES] [BATCH]

(default 100000 nodes, 100000 edges, batches of 500). Starts a private engine
in a temporary ORGKG_HOME, loads twice (a fresh load, then an idempotent
reload), prints nodes/s, edges/s and peak RSS of the server and this client,
then stops the engine and starts it again: the restart time (until the engine
answers a count of the whole graph) is what every later command waits for
(target: under 5 s at 100k nodes and 100k edges). It also starts once after a
kill -9, which replays the AOF as the last load left it.
"""
from __future__ import annotations

import os
import random
import resource
import signal
import sys
import tempfile
import time
from pathlib import Path

from orgkg.graph.kg import KnowledgeGraph
from orgkg.graph.store import engine
from orgkg.graph.store.falkor import FalkorStore

HEAD = "重庆市科学技术协会"


def synthetic(n_nodes: int, n_edges: int, seed: int = 7) -> KnowledgeGraph:
    """Organisations, people, documents and initiatives in the schema's shapes."""
    rng = random.Random(seed)
    kg = KnowledgeGraph()
    share = {"Organization": 0.5, "Person": 0.2, "Document": 0.2, "Initiative": 0.1}
    ids = {label: [] for label in share}
    for label, part in share.items():
        for i in range(max(1, int(n_nodes * part))):
            name = f"{HEAD}{label}{i:06d}"
            mention = {"file": f"{i % 50:03d}.txt", "start": i, "end": i + len(name)}
            ids[label].append(kg.add_entity(label, name, aliases=[f"别名{label}{i}"], mentions=[mention]))
    shapes = [("SUPERVISES", "Organization", "Organization"), ("PART_OF", "Organization", "Organization"),
              ("LEADS", "Person", "Organization"), ("ISSUED", "Organization", "Document"),
              ("REQUIRES", "Document", "Organization"), ("REQUIRES", "Document", "Initiative")]
    made = 0
    while made < n_edges:
        rel, src, tgt = rng.choice(shapes)
        s, t = rng.choice(ids[src]), rng.choice(ids[tgt])
        if s == t or kg.g.has_edge(s, t):
            continue
        sentence = f"第{made}句：要求{kg.node(s)['name']}落实{kg.node(t)['name']}。"
        props = {"role": "书记", "as_of": "2023"} if rel == "LEADS" else {}
        kg.add_relation(s, rel, t, evidence={"file": f"{made % 50:03d}.txt", "sentence": sentence, "start": made,
                                             "end": made + len(sentence), "rule": "bench", "confidence": 1.0}, **props)
        made += 1
    return kg


def rss_mb(pid: int) -> float:
    """Peak resident set (VmHWM) of a running process, in MB."""
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    return float("nan")


def main(argv) -> None:
    n_nodes = int(argv[1]) if len(argv) > 1 else 100000
    n_edges = int(argv[2]) if len(argv) > 2 else 100000
    batch = int(argv[3]) if len(argv) > 3 else 500
    t0 = time.perf_counter()
    kg = synthetic(n_nodes, n_edges)
    counts = kg.counts()
    print(f"graph: {counts['nodes']} nodes, {counts['edges']} edges "
          f"(built in {time.perf_counter() - t0:.1f}s), batch {batch}")
    with tempfile.TemporaryDirectory(prefix="orgkg-bench-") as home:
        info = engine.start(home)
        try:
            with FalkorStore(info.socket) as store:
                for run in ("fresh load", "reload (idempotent)"):
                    marks = {}

                    def progress(p, marks=marks):
                        if p.kind == "nodes":           # called right after each batch ran
                            marks["nodes_done"] = time.perf_counter()
                    start = time.perf_counter()
                    stats = store.load(kg, batch_size=batch, progress=progress)
                    end = time.perf_counter()
                    node_time = marks["nodes_done"] - start
                    edge_time = end - marks["nodes_done"]
                    print(f"{run}: {end - start:.2f}s  {stats}")
                    print(f"  nodes/s {counts['nodes'] / node_time:,.0f}   edges/s {counts['edges'] / edge_time:,.0f}")
                assert store.counts() == counts, "the store does not hold the graph it was given"
            print(f"peak RSS: server {rss_mb(info.pid):.0f} MB, "
                  f"client {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MB")
            restarts(home, counts)
        finally:
            engine.stop(home)
    print("engine stopped")


def _timed_start(home, counts) -> float:
    """Seconds from start() until the engine answers a count of the whole graph."""
    start = time.perf_counter()
    with FalkorStore(engine.start(home).socket) as store:
        assert store.counts() == counts, "the restarted engine lost data"
    return time.perf_counter() - start


def restarts(home, counts) -> None:
    start = time.perf_counter()
    engine.stop(home)
    print(f"stop (AOF rewrite + save): {time.perf_counter() - start:.2f}s")
    print(f"restart after loading {counts['nodes']} nodes and {counts['edges']} edges: "
          f"{_timed_start(home, counts):.2f}s (target < 5 s)")
    os.kill(engine.status(home).pid, signal.SIGKILL)
    time.sleep(0.5)
    print(f"restart after kill -9: {_timed_start(home, counts):.2f}s")


if __name__ == "__main__":
    main(sys.argv)
