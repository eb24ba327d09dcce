"""Extraction speed and memory beside the baselines a user would script, in one run.

    .venv/bin/python benchmarks/bench_extract.py [--chars 1000000] [--skip viz,query] [--profile]

The corpus is the samples (data/samples) copied under new names until it holds
N characters. Printed, one line each:

* orgkg's characters per CPU-second on one core, beside ``jieba.posseg`` and an
  Aho-Corasick scan of the same gazetteers (extractors/data), with the ratios (each
  the best of three runs);
* wall time on 1 worker and on every core, with the workers running, and of
  ``orgkg extract`` from a fresh process (start-up included);
* CPU and peak RSS at N and 4N (the fastest of three fresh processes each, taking turns);
* the first run and an unchanged re-run of ``orgkg extract`` with its cache;
* CPU of ``orgkg viz`` at 5k nodes / 10k edges and 20k / 40k;
* ``orgkg query`` start-up against a running engine, and the query alone.

``--profile`` prints the extraction's hot spots (cProfile) instead.
Prints figures; asserts nothing. jieba and pyahocorasick: ``pip install -e '.[bench]'``.
"""
from __future__ import annotations

import argparse
import cProfile
import json
import os
import pstats
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SAMPLES = ROOT / "data" / "samples"
GAZETTEERS = ROOT / "extractors" / "data"
BIN = Path(sys.executable).parent


def make_corpus(folder: Path, chars: int) -> int:
    """Copies of the samples under new names until ``chars`` characters; returns the count."""
    folder.mkdir(parents=True, exist_ok=True)
    samples = [(p.name, p.read_text(encoding="utf-8")) for p in sorted(SAMPLES.glob("*.txt"))]
    total, n = 0, 0
    while total < chars:
        name, text = samples[n % len(samples)]
        (folder / f"{n // len(samples):05d}_{name}").write_text(text, encoding="utf-8")
        total += len(text)
        n += 1
    return total


def texts(folder: Path):
    for path in sorted(folder.iterdir()):
        yield path.read_text(encoding="utf-8")


def cpu() -> float:
    return time.process_time()


REPEAT = 3   # each one-core rate is the best of this many runs: other work on the machine only slows one


def best_rate(chars: int, run) -> float:
    """Characters per CPU-second of the fastest of REPEAT runs of ``run()``."""
    spent = []
    for _ in range(REPEAT):
        t0 = cpu()
        run()
        spent.append(cpu() - t0)
    return chars / min(spent)


# -- one core -------------------------------------------------------------------
def orgkg_rate(folder: Path, chars: int) -> float:
    from orgkg.extractors.extract import extract_paths, warm
    warm()      # patterns built first, as jieba's dictionary and the automaton are below
    return best_rate(chars, lambda: extract_paths([folder], jobs=1))


def jieba_rate(folder: Path, chars: int) -> float | None:
    try:
        import jieba
        import jieba.posseg as pseg
    except ImportError:
        return None
    jieba.setLogLevel(60)
    jieba.initialize()
    list(pseg.cut("重庆市科学技术协会"))

    def run():
        for text in texts(folder):
            for _ in pseg.cut(text):
                pass
    return best_rate(chars, run)


def gazetteer_words() -> set:
    """Every name and cue in extractors/data: first columns of tables, lines of lists, strings of JSON/YAML."""
    import yaml
    words = set()

    def walk(value):
        if isinstance(value, str):
            words.add(value)
        elif isinstance(value, dict):
            for k, v in value.items():
                walk(k)
                walk(v)
        elif isinstance(value, list):
            for v in value:
                walk(v)
    for path in sorted(GAZETTEERS.iterdir()):
        text = path.read_text(encoding="utf-8")
        if path.suffix in (".tsv", ".txt"):
            for line in text.splitlines():
                if line.strip() and not line.startswith("#"):
                    words.update(c for c in line.split("\t") if c)
        elif path.suffix == ".json":
            walk(json.loads(text))
        elif path.suffix in (".yaml", ".yml"):
            walk(yaml.safe_load(text))
    return {w.strip() for w in words if len(w.strip()) >= 2 and not w.isascii()}


def ac_rate(folder: Path, chars: int) -> tuple[float | None, int]:
    try:
        import ahocorasick
    except ImportError:
        return None, 0
    automaton = ahocorasick.Automaton()
    words = gazetteer_words()
    for w in words:
        automaton.add_word(w, w)
    automaton.make_automaton()
    rate = best_rate(chars, lambda: sum(1 for text in texts(folder) for _ in automaton.iter(text)))
    return rate, len(words)


# -- workers ----------------------------------------------------------------------
def wall(jobs: int, folder: Path) -> float:
    """Wall time of an extraction with ``jobs`` workers once they are running (the fork
    server that warms them is started by a first small run; one worker is this process)."""
    from orgkg.extractors.extract import extract_paths, warm
    warm()
    first = sorted(folder.iterdir())[:jobs]
    if jobs > 1:
        extract_paths(first, jobs=jobs)
    t0 = time.perf_counter()
    extract_paths([folder], jobs=jobs)
    return time.perf_counter() - t0


def cold_wall(jobs: int, folder: Path, tmp: Path) -> float:
    """Wall time of ``orgkg extract`` from a fresh process: start-up and workers included."""
    command = [str(BIN / "orgkg"), "extract", str(folder), "--out", str(tmp / "cold.json"), "-q", "--no-cache",
               "--jobs", str(jobs)]
    return timed(command)[0]


# -- memory and growth: fresh processes per size ---------------------------------
def child_run(folder: str) -> None:
    """Run in a child: extract on one core, print CPU seconds and peak RSS (MB) as JSON."""
    from orgkg.extractors.extract import extract_paths, warm
    warm()
    t0 = cpu()
    result = extract_paths([folder], jobs=1)
    spent = cpu() - t0
    peak = peak_rss_mb()
    print(json.dumps({"cpu": spent, "rss_mb": peak, "nodes": result.kg.counts()["nodes"]}))


def peak_rss_mb() -> float:
    """This process's own peak RSS. Linux's ru_maxrss of a process started by another one
    counts the parent's memory at the fork, which a large parent (jieba, the automaton and
    orgkg loaded by the runs before) made the figure of every child; VmHWM is the
    process's own address space only."""
    try:
        with open("/proc/self/status", encoding="ascii") as fh:
            line = next(x for x in fh if x.startswith("VmHWM:"))
        return int(line.split()[1]) / 1024
    except (OSError, StopIteration):
        return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def measure_children(*folders) -> list:
    """For each folder, CPU of the fastest of REPEAT fresh processes (as for the one-core
    rates: other work only slows a run, and one run of a few seconds varied by a tenth) and
    the highest peak RSS among them. The folders take turns, so that a change in the
    machine's speed falls on each alike."""
    runs = [[] for _ in folders]
    for _ in range(REPEAT):
        for k, folder in enumerate(folders):
            runs[k].append(_child(folder))
    return [{"cpu": min(r["cpu"] for r in rs), "rss_mb": max(r["rss_mb"] for r in rs)} for rs in runs]


def _child(folder: Path) -> dict:
    out = subprocess.run([sys.executable, __file__, "--child", str(folder)], capture_output=True, text=True,
                         check=True)
    return json.loads(out.stdout.strip().splitlines()[-1])


# -- commands ---------------------------------------------------------------------
def timed(command, env=None) -> tuple[float, float]:
    """(wall seconds, CPU seconds of the command and its children)."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    t0 = time.perf_counter()
    subprocess.run(command, check=True, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    spent = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return time.perf_counter() - t0, spent


def incremental(folder: Path, tmp: Path) -> tuple[float, float]:
    """Wall time of a first run on every core with a cache, and of the same run again.
    The extractor version is taken once, so that an edit to extractors/ while the
    benchmark runs does not void the cache between the two runs."""
    from orgkg.extractors import batch
    version = batch.extractor_version()
    times = []
    for _ in range(2):
        t0 = time.perf_counter()
        result = batch.run([folder], jobs=0, cache_dir=tmp / "cache", version=version)
        result.kg.write_json(tmp / "inc.json")
        times.append(time.perf_counter() - t0)
    return times[0], times[1]


def viz_cpu(tmp: Path, nodes: int, edges: int) -> float:
    sys.path.insert(0, str(ROOT / "tests"))
    from test_viz_browser import big_graph
    export = tmp / f"viz-{nodes}.json"
    big_graph(nodes, edges).write_json(export)
    _, spent = timed([str(BIN / "orgkg"), "viz", str(export), "--out", str(tmp / f"viz-{nodes}.html")])
    return spent


def query_startup(tmp: Path, folder: Path) -> tuple[float, float]:
    """(wall seconds of a warm `orgkg query` by name, seconds inside the query itself)."""
    env = dict(os.environ, ORGKG_HOME=str(tmp / "engine"), NEO4J_URI="")
    orgkg = str(BIN / "orgkg")
    subprocess.run([orgkg, "db", "start"], env=env, check=True, capture_output=True)
    try:
        subprocess.run([orgkg, "load", str(tmp / "inc.json"), "-q"], env=env, check=True, capture_output=True)
        command = [orgkg, "query", "-f", "people_of", "-p", "name=中国科协党组", "--format", "json"]
        runs = [timed(command, env)[0] for _ in range(5)]
        from orgkg.graph.queries import run_named
        from orgkg.graph.store import open_store
        saved = os.environ.get("ORGKG_HOME")
        os.environ["ORGKG_HOME"] = env["ORGKG_HOME"]
        try:
            with open_store(env=env) as store:
                run_named("people_of", {"name": "中国科协党组"}, store=store)
                t0 = time.perf_counter()
                for _ in range(5):
                    run_named("people_of", {"name": "中国科协党组"}, store=store)
                inside = (time.perf_counter() - t0) / 5
        finally:
            if saved is None:
                os.environ.pop("ORGKG_HOME")
            else:
                os.environ["ORGKG_HOME"] = saved
    finally:
        subprocess.run([orgkg, "db", "stop"], env=env, check=True, capture_output=True)
    return min(runs), inside


def profile(folder: Path, top: int = 30) -> None:
    from orgkg.extractors.extract import extract_paths, warm
    warm()
    prof = cProfile.Profile()
    prof.enable()
    extract_paths([folder], jobs=1)
    prof.disable()
    stats = pstats.Stats(prof)
    stats.sort_stats("tottime").print_stats(top)
    stats.sort_stats("cumulative").print_stats("extractors", top)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--chars", type=int, default=1_000_000, help="corpus size N in characters")
    parser.add_argument("--skip", default="", help="comma-separated: baselines,workers,growth,incremental,viz,query")
    parser.add_argument("--profile", action="store_true", help="print the hot spots of extraction and stop")
    parser.add_argument("--child", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        return child_run(args.child)
    skip = set(filter(None, args.skip.split(",")))
    tmp = Path(tempfile.mkdtemp(prefix="orgkg-bench-extract-"))
    try:
        run(args, skip, tmp)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


def run(args, skip, tmp: Path) -> None:
    corpus = tmp / "corpus"
    chars = make_corpus(corpus, args.chars)
    files = len(list(corpus.iterdir()))
    print(f"corpus: {chars:,} characters in {files} files (the samples copied)", flush=True)
    if args.profile:
        return profile(corpus)
    if "baselines" not in skip:
        ours = orgkg_rate(corpus, chars)
        print(f"orgkg, one core: {ours:,.0f} chars per CPU-second", flush=True)
        jieba = jieba_rate(corpus, chars)
        if jieba:
            print(f"jieba.posseg: {jieba:,.0f} chars per CPU-second; orgkg / jieba = {ours / jieba:.2f}", flush=True)
        ac, n_words = ac_rate(corpus, chars)
        if ac:
            print(f"Aho-Corasick over {n_words:,} gazetteer words: {ac:,.0f} chars per CPU-second; "
                  f"orgkg / AC = {ours / ac:.4f}", flush=True)
    if "workers" not in skip:
        cores = os.cpu_count() or 1
        load = os.getloadavg()[0]
        one, every = wall(1, corpus), wall(cores, corpus)
        print(f"wall time, workers running: 1 worker {one:.1f} s, {cores} workers {every:.1f} s; speed-up "
              f"{one / every:.2f}x (load average {load:.1f} before, {os.getloadavg()[0]:.1f} after: other work "
              f"shares the cores)", flush=True)
        one, every = cold_wall(1, corpus, tmp), cold_wall(0, corpus, tmp)
        print(f"wall time of orgkg extract from a fresh process: --jobs 1 {one:.1f} s, --jobs 0 {every:.1f} s; "
              f"speed-up {one / every:.2f}x", flush=True)
    if "growth" not in skip:
        big = tmp / "corpus4"
        make_corpus(big, 4 * args.chars)
        at_n, at_4n = measure_children(corpus, big)
        print(f"one core, fresh process: N {at_n['cpu']:.1f} CPU-s, peak RSS {at_n['rss_mb']:.0f} MB; "
              f"4N {at_4n['cpu']:.1f} CPU-s, peak RSS {at_4n['rss_mb']:.0f} MB; "
              f"CPU ratio {at_4n['cpu'] / at_n['cpu']:.2f}, RSS ratio {at_4n['rss_mb'] / at_n['rss_mb']:.2f}", flush=True)
    if "incremental" not in skip:
        first, again = incremental(corpus, tmp)
        print(f"extract with cache, every core: first run {first:.1f} s, unchanged re-run {again:.2f} s "
              f"({again / first:.1%})", flush=True)
    if "viz" not in skip:
        small, large = viz_cpu(tmp, 5000, 10000), viz_cpu(tmp, 20000, 40000)
        print(f"orgkg viz CPU: 5k/10k {small:.1f} s, 20k/40k {large:.1f} s; ratio {large / small:.2f}", flush=True)
    if "query" not in skip and "incremental" not in skip:
        whole, inside = query_startup(tmp, corpus)
        print(f"orgkg query -f people_of (warm engine): {whole:.3f} s wall, of which the query {inside * 1000:.1f} ms",
              flush=True)


if __name__ == "__main__":
    main()
