"""A corpus extracted at scale: one result per file, made by any number of
processes or a Dask cluster, cached on disk, merged in the files' order.

    files ── hash ──> cache hit? ── yes ───────────────────────────────┐
                          │ no                                         │
                          └─> workers: extract_file ─> cache/KEY.json ─┴─> merged in input order

A file's result depends only on its name, its bytes and the extractor, so it
is cached under ``file_key`` = hash(extractor version, name, bytes), and the
merged graph is the same whichever worker made which result, and in whatever
order they finished. The extractor version hashes every code and data file
under extractors/ and the graph/ files a result depends on (schema, ids): changing
a rule, a gazetteer or the schema re-extracts everything.

The merged graph of a whole run is kept as well, under a hash of its files' keys
in order (``runs/``, the last few): a run over files that are all unchanged reads
their hashes and that one entry, not every file's.

Every cache entry is written whole (temporary file, then rename), so a run
killed half-way leaves only complete entries, and the next run starts from them.

>>> result = run(["data/samples"], jobs=0, cache_dir="out/.orgkg-cache")   # doctest: +SKIP
"""
from __future__ import annotations

import hashlib
import json
import multiprocessing
import os
import re
import shutil
import tempfile
from concurrent.futures import ProcessPoolExecutor, as_completed
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from orgkg import graph as graph_package
from orgkg.graph.errors import InputError, OrgkgError
from orgkg.graph.files import atomic_open
from orgkg.graph.kg import KnowledgeGraph, compact_json, gc_paused

from orgkg.extractors.read import reader

HERE = Path(__file__).resolve().parent
GRAPH = Path(graph_package.__file__).resolve().parent
CONNECT_TIMEOUT = "20s"   # to reach a Dask scheduler
DASK_HINT = "the Dask path needs dask.distributed: pip install 'orgkg[dask]'"


@dataclass
class ExtractResult:
    kg: KnowledgeGraph
    files: list = field(default_factory=list)
    skipped: list = field(default_factory=list)     # (path, reason)
    extracted: int = 0          # files extracted in this run
    cached: int = 0             # files whose result came from the cache


@dataclass
class Progress:
    """What a progress callback is given after each file."""
    files_done: int
    files_total: int
    chars_done: int        # characters extracted so far in this run (cached files count none)
    name: str


# graph/ files that shape a per-file result too: the schema (which relations are kept),
# ids (node and edge ids), names as the graph cleans them, and the graph itself
GRAPH_FILES = ("schema.yaml", "model.py", "ids.py", "printable.py", "kg.py")


@lru_cache(maxsize=8)
def extractor_version(root: Path = HERE, graph: Path = GRAPH) -> str:
    """A hash of every code and data file under ``root`` (extractors/) and of the
    graph files a result depends on (GRAPH_FILES): names and bytes."""
    digest = hashlib.sha256()
    for path in sorted(p for p in Path(root).rglob("*") if p.is_file() and _counts_for_version(p, root)):
        digest.update(path.relative_to(root).as_posix().encode("utf-8") + b"\0")
        digest.update(path.read_bytes() + b"\0")
    for name in GRAPH_FILES:
        digest.update(f"graph/{name}".encode("utf-8") + b"\0" + (Path(graph) / name).read_bytes() + b"\0")
    return digest.hexdigest()[:16]


def _counts_for_version(path: Path, root) -> bool:
    parts = path.relative_to(root).parts
    return path.suffix not in (".pyc", ".pyo") and not any(p.startswith(".") or p == "__pycache__" for p in parts)


def file_key(path: Path, version: str) -> str | None:
    """The cache key of one file, or None when it cannot be read (extraction then says why)."""
    digest = hashlib.sha256(f"{version}\0{path.name}\0".encode("utf-8", "surrogateescape"))  # names that are not UTF-8 too
    try:
        with open(path, "rb") as fh:
            digest = hashlib.file_digest(fh, lambda: digest)
    except OSError:
        return None
    return digest.hexdigest()


class ResultCache:
    """Per-file results as JSON files under ``root``/VERSION (private to the user)."""

    def __init__(self, root, version: str, keeps: bool = True):
        self.root = Path(root)
        self.folder = self.root / version   # made at the first entry: a run that reads nothing leaves no trace
        self.keeps = keeps                  # False: a private folder for this run only
        self._made = set()

    def path(self, key: str) -> Path:
        return self.folder / key[:2] / f"{key}.json"

    def has(self, key) -> bool:
        return key is not None and self.path(key).is_file()

    def get(self, key) -> dict | None:
        """The entry, or None when it is missing or damaged (it is then made again)."""
        return _read_entry(self.path(key))

    def prune(self) -> None:
        """Remove the results of other extractor versions: they can never be used again."""
        for old in self.root.glob("*"):
            if old.is_dir() and old != self.folder and re.fullmatch(r"[0-9a-f]{16}", old.name):
                shutil.rmtree(old, ignore_errors=True)

    # -- whole runs: the merged graph of a list of files, so that a run over files that are
    # all unchanged reads their hashes and one entry instead of merging every file again
    RUNS_KEPT = 8

    def run_path(self, keys: list) -> Path | None:
        if not keys or None in keys:
            return None
        return self.folder / "runs" / (hashlib.sha256("\0".join(keys).encode("ascii")).hexdigest() + ".json")

    def get_run(self, keys: list) -> dict | None:
        path = self.run_path(keys)
        data = _read_entry(path) if path else None
        return data if data is not None and isinstance(data.get("files"), list) else None

    def put_run(self, keys: list, result) -> None:
        path = self.run_path(keys)
        if path is None or not self.keeps:
            return
        path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
        _write_entry(path, {"files": result.files, "graph": result.kg.to_dict()})
        for old in sorted(path.parent.glob("*.json"), key=lambda p: p.stat().st_mtime)[:-self.RUNS_KEPT]:
            old.unlink(missing_ok=True)

    def put(self, key, payload: dict) -> bool:
        """Keep a file's result; False when it is not kept (a file that failed, or unreadable)."""
        if key is None or "skipped" in payload:
            return False                # files that failed are cheap to try again, and may be fixed
        folder = self.path(key).parent
        if folder not in self._made:
            self.folder.mkdir(mode=0o700, parents=True, exist_ok=True)
            folder.mkdir(mode=0o700, exist_ok=True)
            self._made.add(folder)
        _write_entry(self.path(key), payload)
        return True


def _read_entry(path: Path) -> dict | None:
    """An entry holding a graph, or None when it is missing or damaged."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    return data if isinstance(data, dict) and isinstance(data.get("graph"), dict) else None


def _write_entry(path: Path, value) -> None:
    # no fsync: a cut-short entry after a power cut fails to parse and is made again
    text = compact_json(value)
    with atomic_open(path, durable=False) as fh:
        fh.write(text)


def run(paths, progress=None, jobs=1, cache_dir=None, scheduler=None, version=None):
    """Extract every file under ``paths`` into one graph (see the module docstring).

    ``jobs``: worker processes, 0 or None for one per core; ``scheduler``: a Dask
    scheduler address (then ``jobs`` is ignored); ``cache_dir``: where per-file
    results are kept between runs (a temporary folder when None); ``version``:
    the extractor version (computed from extractors/ when None)."""
    files = list(reader.iter_files(paths))
    version = version or extractor_version()
    with _cache(cache_dir, version) as cache:
        keys = [file_key(p, version) for p in files]
        unchanged = _unchanged(files, cache.get_run(keys), progress)
        if unchanged:
            return unchanged
        todo = [(i, str(p)) for i, (p, k) in enumerate(zip(files, keys)) if not cache.has(k)]
        merger = _Merger(files, keys, cache, ExtractResult(kg=KnowledgeGraph()), progress, {i for i, _ in todo})
        merger.result.cached = len(files) - len(todo)
        for index, payload in _results(todo, jobs, scheduler):
            if cache.keeps:     # a run's private cache only holds what the merge spills
                cache.put(keys[index], payload)
            merger.arrived(index, payload)
        merger.finish()
        merger.result.extracted = len(todo)
        if not merger.result.skipped:
            cache.put_run(keys, merger.result)
        cache.prune()
        return merger.result


def _unchanged(files, merged, progress) -> ExtractResult | None:
    """The result of a corpus whose every file is as the last run over it found it; None
    when no run over just these files is kept (or its entry is damaged: it is made again)."""
    if merged is None:
        return None
    try:
        kg = KnowledgeGraph.from_dict(merged["graph"])
    except InputError:
        return None
    result = ExtractResult(kg=kg, files=merged["files"], cached=len(files))
    for done, path in enumerate(files if progress else (), 1):
        progress(Progress(done, len(files), 0, path.name))
    return result


class _cache:
    """The given cache folder, or a private temporary one removed afterwards."""

    def __init__(self, folder, version):
        self.folder, self.version, self._tmp = folder, version, None

    def __enter__(self) -> ResultCache:
        if self.folder is None:
            self._tmp = tempfile.TemporaryDirectory(prefix="orgkg-extract-")
            return ResultCache(self._tmp.name, self.version, keeps=False)
        return ResultCache(self.folder, self.version)

    def __exit__(self, *exc):
        if self._tmp is not None:
            self._tmp.cleanup()


class _Merger:
    """Merges results strictly in input order as they become available. Results
    that arrive early wait in memory up to ``window`` of them, beyond that on disk
    in the cache, so memory follows the graph, not the text."""

    def __init__(self, files, keys, cache, result, progress, pending, window=16):
        self.files, self.keys, self.cache, self.result = files, keys, cache, result
        self.progress, self.window = progress, window
        self.pending = pending     # indexes still being extracted; the others are in the cache
        self.waiting = {}          # index -> payload, or None when it is to be read from the cache
        self.next = 0
        self.done = self.chars = 0

    def arrived(self, index, payload) -> None:
        self.pending.discard(index)
        self.done += 1
        self.chars += payload.get("chars", 0)
        self.waiting[index] = payload if self._kept_in_memory(index, payload) else None
        if self.progress:
            self.progress(Progress(self.done, len(self.files), self.chars, Path(payload["file"]).name))
        self._drain()

    def _kept_in_memory(self, index, payload) -> bool:
        """Whether an early result waits in memory; beyond the window it waits in the cache
        (when it can be kept there: a file that failed cannot)."""
        if index == self.next or sum(p is not None for p in self.waiting.values()) < self.window:
            return True
        key = self.keys[index]
        return not (self.cache.has(key) or self.cache.put(key, payload))

    def finish(self) -> None:
        self._drain()

    def _drain(self) -> None:
        while self.next < len(self.files):
            if self.next in self.waiting:
                payload = self.waiting.pop(self.next)
            elif self.next not in self.pending:
                payload = None         # made by an earlier run
                self._count_cached()
            else:
                return
            self._merge(self.next, payload)
            self.next += 1

    def _count_cached(self) -> None:
        self.done += 1
        if self.progress:
            self.progress(Progress(self.done, len(self.files), self.chars, self.files[self.next].name))

    def _merge(self, index, payload) -> None:
        path = self.files[index]
        if payload is None:
            payload = self.cache.get(self.keys[index])
        if payload is None:            # a damaged entry: made again, here
            payload = _extract_one((index, str(path)))[1]
            self.cache.put(self.keys[index], payload)
        if "skipped" in payload:
            self.result.skipped.append((str(path), payload["skipped"]))
            return
        with gc_paused():      # the merged graph's objects live to the end: nothing to collect
            self.result.kg.merge_dict(payload["graph"])
        self.result.files.append(payload["file"])


def _results(todo, jobs, scheduler):
    """(index, payload) for each task, in the order they finish."""
    if not todo:
        return iter(())
    if scheduler:
        return _dask_results(todo, scheduler)
    jobs = min(jobs or os.cpu_count() or 1, len(todo))
    if jobs <= 1:
        from orgkg.extractors.extract import warm
        warm()
        return map(_extract_one, todo)
    return _pool_results(todo, jobs)


def _extract_one(task) -> tuple:
    """The per-file work, as run by a worker: any failure is reported for that file alone."""
    from orgkg.extractors.extract import extract_file
    index, path = task
    try:
        return index, extract_file(path)
    except OrgkgError as exc:
        return index, {"file": path, "skipped": str(exc)}
    except Exception as exc:   # a rule that breaks on one file must not stop the batch
        return index, {"file": path, "skipped": f"extraction failed ({type(exc).__name__}: {exc})"}


def _pool_results(todo, jobs):
    method = "forkserver" if "forkserver" in multiprocessing.get_all_start_methods() else "spawn"
    context = multiprocessing.get_context(method)
    if method == "forkserver":
        # workers fork from a server that has imported spaCy and the rules, and built
        # the finders' patterns, once
        context.set_forkserver_preload(["orgkg.extractors.preload"])
    pool = ProcessPoolExecutor(jobs, mp_context=context)
    # while workers extract, this process only merges: the graph's objects live to the end
    # and a file's results die by reference counting, so the cyclic collector stays off
    # until the last result (switching it on and off around every merge cost more)
    try:
        # one file per task: files differ in size, small tasks keep every worker busy;
        # no list of the futures is kept, so a result is freed once merged
        with gc_paused():
            for future in as_completed([pool.submit(_extract_one, task) for task in todo]):
                yield future.result()
    except BrokenProcessPool:
        raise OrgkgError("a worker process died while extracting (out of memory?); files done "
                         "so far are in the cache: run again, with fewer --jobs if memory is short") from None
    finally:
        # interrupted (Ctrl-C, SIGTERM): drop the files not started rather than wait for them
        pool.shutdown(wait=True, cancel_futures=True)


def _dask_results(todo, address):
    try:
        from distributed import Client, as_completed
    except ImportError:
        raise OrgkgError(DASK_HINT) from None
    try:
        client = Client(address, timeout=CONNECT_TIMEOUT)
    except (OSError, TimeoutError) as exc:
        raise OrgkgError(f"cannot reach the Dask scheduler at {address}: {exc}") from None
    with client:
        futures = client.map(_extract_one, todo, pure=False)
        for future in as_completed(futures):
            yield future.result()
            future.release()
