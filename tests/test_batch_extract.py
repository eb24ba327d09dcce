"""Extraction at scale: one process, several processes and a Dask cluster give the
same graph as one pass over the files; the per-file cache follows file content and
extractor version; a killed run leaves whole outputs and the next run completes it."""
import json
import os
import shutil
import signal
import subprocess
import sys
import time
import uuid
from pathlib import Path

import pytest

from orgkg.extractors import batch
from orgkg.extractors.extract import extract_document, extract_paths
from orgkg.extractors.read import reader, split
from orgkg.extractors.recognise.pipeline import candidates, get_nlp
from orgkg.extractors.resolve.entities import merge_initiatives
from orgkg.graph.kg import KnowledgeGraph
from orgkg.graph.store.falkor import FalkorStore

ROOT = Path(__file__).resolve().parents[1]
SAMPLES = ROOT / "data" / "samples"
ORGKG = Path(sys.executable).with_name("orgkg")
FILE_ENTRIES = "*/[0-9a-f][0-9a-f]/*.json"     # a file's entry: VERSION/2 hex digits/KEY.json


def same(a, b) -> bool:
    return json.dumps(a, ensure_ascii=False, sort_keys=True) == json.dumps(b, ensure_ascii=False, sort_keys=True)


def copy_corpus(folder: Path, copies: int) -> Path:
    """The samples ``copies`` times over, each copy under its own file names."""
    folder.mkdir(parents=True, exist_ok=True)
    for n in range(copies):
        for p in sorted(SAMPLES.glob("*.txt")):
            shutil.copy(p, folder / f"c{n:02d}_{p.name}")
    return folder


def one_pass(paths) -> dict:
    """The graph of a single pass that adds every file to one graph, as extraction did
    before it was split per file: the reference the batch must equal."""
    nlp, kg = get_nlp(), KnowledgeGraph()
    for path in reader.iter_files(paths):
        docs = split.split_documents(reader.read_source(path))
        parsed = [candidates(nlp(doc.text)) for doc in docs]
        same_init = merge_initiatives([c.text for cands in parsed for c in cands if c.label == "Initiative"])
        for doc, cands in zip(docs, parsed):
            extract_document(doc, kg, nlp, siblings=docs, cands=cands, same_init=same_init)
    return kg.to_dict()


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    return copy_corpus(tmp_path_factory.mktemp("corpus"), 2)


@pytest.fixture(scope="module")
def serial(corpus):
    return extract_paths([corpus], jobs=1)


def test_batch_serial_equals_one_pass_over_the_samples():
    assert same(extract_paths([SAMPLES], jobs=1).kg.to_dict(), one_pass([SAMPLES]))


@pytest.fixture(scope="module")
def cache(tmp_path_factory):
    return tmp_path_factory.mktemp("cache")


@pytest.fixture(scope="module")
def parallel(corpus, cache):
    return extract_paths([corpus], jobs=2, cache_dir=cache)


def test_batch_parallel_equals_serial(parallel, serial):
    assert parallel.files == serial.files and parallel.extracted == len(serial.files) == 10
    assert same(parallel.kg.to_dict(), serial.kg.to_dict())


def test_batch_dask_equals_local(corpus, serial):
    distributed = pytest.importorskip("distributed")
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True,
                                  dashboard_address=None) as cluster:
        on_dask = extract_paths([corpus], scheduler=cluster.scheduler_address)
    assert on_dask.files == serial.files
    assert on_dask.kg.counts() == serial.kg.counts()
    assert same(on_dask.kg.to_dict(), serial.kg.to_dict())


def test_batch_unreachable_scheduler_is_a_clear_error(corpus, monkeypatch):
    from orgkg.graph.errors import OrgkgError
    pytest.importorskip("distributed")
    monkeypatch.setattr(batch, "CONNECT_TIMEOUT", "2s")
    with pytest.raises(OrgkgError, match="Dask scheduler at tcp://127.0.0.1:9"):
        extract_paths([corpus / "c00_000_b46cefbf0b1d0d41.txt"], scheduler="tcp://127.0.0.1:9")


def test_batch_cache_rerun_reads_nothing_new(corpus, cache, parallel, serial):
    again = extract_paths([corpus], jobs=2, cache_dir=cache)
    assert (parallel.extracted, parallel.cached) == (10, 0)
    assert (again.extracted, again.cached) == (0, 10)
    assert same(again.kg.to_dict(), serial.kg.to_dict())


def test_batch_cache_content_change_reextracts_that_file_alone(tmp_path):
    corpus = copy_corpus(tmp_path / "corpus", 1)
    extract_paths([corpus], cache_dir=tmp_path / "cache")
    changed = corpus / "c00_004_885a211a3cdd617a.txt"
    changed.write_text(changed.read_text(encoding="utf-8") + "\n市委书记林海峰主持会议并讲话。\n", encoding="utf-8")
    again = extract_paths([corpus], cache_dir=tmp_path / "cache")
    assert (again.extracted, again.cached) == (1, 4)
    assert same(again.kg.to_dict(), extract_paths([corpus]).kg.to_dict())
    assert "林海峰" in {n["name"] for n in again.kg.nodes()}


def test_batch_cache_extractor_change_reextracts_everything(tmp_path):
    corpus = copy_corpus(tmp_path / "corpus", 1)
    batch.run([corpus], cache_dir=tmp_path / "cache", version="0123456789abcdef")
    again = batch.run([corpus], cache_dir=tmp_path / "cache", version="fedcba9876543210")
    assert (again.extracted, again.cached) == (5, 0)
    # the results of the old version are gone: they could never be used again
    assert [p.name for p in (tmp_path / "cache").iterdir()] == ["fedcba9876543210"]


@pytest.mark.parametrize("edit", [
    ("extractors/data/national_bodies.tsv", "\n# one more line\n"),
    ("extractors/resolve/names.py", "\n# a comment is a change too\n"),
    ("graph/schema.yaml", "\n# the schema decides which relations are kept\n"),
])
def test_batch_version_follows_code_and_data_files(tmp_path, edit):
    root, graph = tmp_path / "extractors", tmp_path / "graph"
    shutil.copytree(Path(batch.__file__).parent, root, ignore=shutil.ignore_patterns("__pycache__"))
    graph.mkdir()
    for name in batch.GRAPH_FILES:
        shutil.copy(batch.GRAPH / name, graph / name)
    before = batch.extractor_version(root, graph)
    assert batch.extractor_version(root, graph) == before
    target = tmp_path / edit[0]
    assert target.is_file(), f"{edit[0]} is gone: pick another file"
    target.write_text(target.read_text(encoding="utf-8") + edit[1], encoding="utf-8")
    batch.extractor_version.cache_clear()
    assert batch.extractor_version(root, graph) != before


@pytest.mark.parametrize("damage", ["", '{"graph": ', '{"file": "x.txt"}', "[1, 2]"])
def test_batch_damaged_cache_entry_is_made_again(tmp_path, damage):
    corpus = copy_corpus(tmp_path / "corpus", 1)
    clean = extract_paths([corpus], cache_dir=tmp_path / "cache")
    entry = sorted((tmp_path / "cache").glob(FILE_ENTRIES))[0]
    entry.write_text(damage, encoding="utf-8")
    # without the whole run's entry, this run reads every file's entry
    shutil.rmtree(next((tmp_path / "cache").glob("*/runs")))
    again = extract_paths([corpus], cache_dir=tmp_path / "cache")
    assert again.files == clean.files and again.skipped == []
    assert same(again.kg.to_dict(), clean.kg.to_dict())
    assert json.loads(entry.read_text(encoding="utf-8"))["graph"]["nodes"]


def test_batch_unchanged_corpus_reads_one_entry_for_the_whole_run(tmp_path):
    corpus = copy_corpus(tmp_path / "corpus", 1)
    clean = extract_paths([corpus], cache_dir=tmp_path / "cache")
    for entry in (tmp_path / "cache").glob(FILE_ENTRIES):
        entry.unlink()      # the files' entries are not read when the run's entry answers
    again = extract_paths([corpus], cache_dir=tmp_path / "cache")
    assert (again.extracted, again.cached) == (0, 5) and again.files == clean.files
    assert same(again.kg.to_dict(), clean.kg.to_dict())


@pytest.mark.parametrize("damage", ["", '{"files": [], "graph": ', '{"files": [], "graph": {"nodes": 3}}', "[1]"])
def test_batch_damaged_run_entry_merges_the_files_again(tmp_path, damage):
    corpus = copy_corpus(tmp_path / "corpus", 1)
    clean = extract_paths([corpus], cache_dir=tmp_path / "cache")
    [entry] = (tmp_path / "cache").glob("*/runs/*.json")
    entry.write_text(damage, encoding="utf-8")
    again = extract_paths([corpus], cache_dir=tmp_path / "cache")
    assert again.cached == 5 and again.files == clean.files
    assert same(again.kg.to_dict(), clean.kg.to_dict())
    assert json.loads(entry.read_text(encoding="utf-8"))["files"] == clean.files


def test_batch_keeps_the_runs_of_a_few_corpora(tmp_path):
    corpus = copy_corpus(tmp_path / "corpus", 2)
    files = sorted(corpus.iterdir())
    for n in range(batch.ResultCache.RUNS_KEPT + 2):
        extract_paths(files[:n + 1], cache_dir=tmp_path / "cache")
    assert len(list((tmp_path / "cache").glob("*/runs/*.json"))) == batch.ResultCache.RUNS_KEPT


def test_batch_merge_spills_early_results_beyond_its_window_to_the_cache(tmp_path):
    corpus = copy_corpus(tmp_path / "corpus", 1)
    files = sorted(corpus.iterdir())
    payloads = {i: batch._extract_one((i, str(p)))[1] for i, p in enumerate(files)}
    cache = batch.ResultCache(tmp_path / "cache", "0123456789abcdef", keeps=False)
    keys = [batch.file_key(p, "0123456789abcdef") for p in files]
    merger = batch._Merger(files, keys, cache, batch.ExtractResult(kg=KnowledgeGraph()), None,
                           set(payloads), window=2)
    for index in (4, 3, 2, 1):          # the first file comes last: all others must wait
        merger.arrived(index, payloads[index])
    assert [i for i, p in merger.waiting.items() if p is None] == [2, 1]
    assert sorted(cache.has(k) for k in keys) == [False, False, False, True, True]
    merger.arrived(0, payloads[0])
    merger.finish()
    assert merger.result.files == [payloads[i]["file"] for i in range(5)]
    assert same(merger.result.kg.to_dict(), extract_paths([corpus]).kg.to_dict())


def test_batch_bad_file_is_skipped_and_not_cached(tmp_path):
    corpus = copy_corpus(tmp_path / "corpus", 1)
    (corpus / "empty.txt").write_text("", encoding="utf-8")
    first = extract_paths([corpus, tmp_path / "missing.txt"], jobs=2, cache_dir=tmp_path / "cache")
    assert [Path(p).name for p, _ in first.skipped] == ["empty.txt", "missing.txt"]
    assert len(first.files) == 5
    again = extract_paths([corpus, tmp_path / "missing.txt"], jobs=2, cache_dir=tmp_path / "cache")
    assert again.skipped == first.skipped and again.cached == 5


def test_batch_progress_reports_every_file(tmp_path):
    corpus = copy_corpus(tmp_path / "corpus", 1)
    seen = []
    extract_paths([corpus], jobs=2, cache_dir=tmp_path / "cache", progress=seen.append)
    assert [p.files_done for p in seen] == [1, 2, 3, 4, 5] and {p.files_total for p in seen} == {5}
    assert seen[-1].chars_done == sum(len(p.read_text(encoding="utf-8")) for p in corpus.iterdir())
    cached = []
    extract_paths([corpus], cache_dir=tmp_path / "cache", progress=cached.append)
    assert [p.files_done for p in cached] == [1, 2, 3, 4, 5] and cached[-1].chars_done == 0


def test_batch_killed_build_leaves_whole_outputs_and_next_run_completes(tmp_path, engine_info):
    corpus = copy_corpus(tmp_path / "corpus", 4)
    out, cache = tmp_path / "out", tmp_path / "cache"
    out.mkdir()
    (out / "graph.json").write_text('{"nodes": [], "edges": []}', encoding="utf-8")
    graph = f"test-{uuid.uuid4().hex[:12]}"
    env = dict(os.environ, ORGKG_GRAPH=graph, NEO4J_URI="")
    command = [str(ORGKG), "build", str(corpus), "--out", str(out), "--cache", str(cache), "-j", "1", "-q"]
    proc = subprocess.Popen(command, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        while proc.poll() is None and len(list(cache.glob(FILE_ENTRIES))) < 2:
            time.sleep(0.02)
        proc.send_signal(signal.SIGKILL)
    finally:
        proc.wait()
    assert proc.returncode == -signal.SIGKILL, "the build ended before it could be killed: give it more files"
    done = list(cache.glob(FILE_ENTRIES))
    assert 2 <= len(done) < 20
    assert all(json.loads(p.read_text(encoding="utf-8"))["graph"]["nodes"] for p in done)
    assert (out / "graph.json").read_text(encoding="utf-8") == '{"nodes": [], "edges": []}'
    assert not (out / "graph.html").exists()
    finished = subprocess.run(command[:-3] + ["-j", "2", "-q"], env=env, capture_output=True, text=True)
    assert finished.returncode == 0, finished.stderr
    assert "files read: 20" in finished.stdout
    rebuilt = json.loads((out / "graph.json").read_text(encoding="utf-8"))
    assert same(rebuilt, extract_paths([corpus], jobs=2).kg.to_dict())
    # one entry per file (the rules may have changed under a running test: one version's),
    # and one for the whole run
    assert len(list(cache.glob(FILE_ENTRIES))) == 20
    assert len(list(cache.glob("*/runs/*.json"))) == 1
    store = FalkorStore(engine_info.socket, graph=graph)
    store.drop()
    store.close()
