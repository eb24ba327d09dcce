"""The main job: extract a corpus, load it into the configured store, write the
export and the page, and summarise what was found.

>>> result = build(["data/samples"], "out")          # doctest: +SKIP
>>> print(summary(result))                            # doctest: +SKIP
"""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from .errors import InputError
from .kg import KnowledgeGraph
from .printable import file_name, printable


@dataclass
class BuildResult:
    kg: KnowledgeGraph
    export_path: Path
    page_path: Path | None
    files: list = field(default_factory=list)
    skipped: list = field(default_factory=list)
    load_stats: object = None
    store_name: str = ""


def extract(paths, progress=None, jobs=1, cache_dir=None, scheduler=None):
    """Extract ``paths`` (over ``jobs`` processes or a Dask ``scheduler``, reusing
    per-file results in ``cache_dir``: see extract_paths); an InputError, naming
    every file and why, when none could be read, so that a mistyped path never
    replaces earlier outputs with an empty graph."""
    # Imported here so that commands which never extract do not load spaCy; batch
    # loads it only when a file is not in the cache.
    from orgkg.extractors.batch import run as extract_paths
    result = extract_paths(paths, progress=progress, jobs=jobs, cache_dir=cache_dir, scheduler=scheduler)
    if not result.files:
        reasons = "".join(f"\n  {file_name(path)}: {printable(reason)}" for path, reason in result.skipped)
        raise InputError(", ".join(file_name(p) for p in paths),
                         f"no file could be read, so nothing was written{reasons or ' (no files found)'}")
    return result


def build(paths, out_dir, store=None, page=True, batch_size=500, progress=None,
          jobs=1, cache_dir=None, scheduler=None) -> BuildResult:
    """Extract ``paths``, write out_dir/graph.json, load it into ``store`` (the
    configured one when None) and write out_dir/graph.html. ``jobs``,
    ``cache_dir`` and ``scheduler`` are extract_paths' (processes, per-file
    cache, Dask scheduler address)."""
    from .store import open_store

    out_dir = Path(out_dir)
    extracted = extract(paths, progress=progress, jobs=jobs, cache_dir=cache_dir, scheduler=scheduler)
    out_dir.mkdir(parents=True, exist_ok=True)
    kg = extracted.kg
    export_path = kg.write_json(out_dir / "graph.json")
    result = BuildResult(kg=kg, export_path=export_path, page_path=None,
                         files=list(extracted.files), skipped=list(extracted.skipped))
    own_store = store is None
    store = store or open_store()
    try:
        result.load_stats = store.load(kg, batch_size=batch_size)
        result.store_name = store.name
    finally:
        if own_store:
            store.close()
    if page:
        from .viz import write_page
        result.page_path = write_page(kg, out_dir / "graph.html", sources=paths)  # for the passages
    return result


def hubs(kg: KnowledgeGraph, limit=5):
    """The most connected bodies: (name, degree), highest first, ties by name."""
    degrees = [(d["name"], kg.g.degree(n)) for n, d in kg.g.nodes(data=True) if d["label"] == "Organization"]
    return sorted(degrees, key=lambda x: (-x[1], x[0]))[:limit]


def summary(result: BuildResult) -> str:
    counts = result.kg.counts()
    lines = [f"files read: {len(result.files)}, skipped: {len(result.skipped)}"]
    for path, reason in result.skipped:
        lines.append(f"  skipped {file_name(path)}: {printable(reason)}")
    lines.append(f"nodes: {counts['nodes']}  " + ", ".join(f"{k} {v}" for k, v in counts["by_label"].items()))
    lines.append(f"edges: {counts['edges']}  " + ", ".join(f"{k} {v}" for k, v in counts["by_type"].items()))
    lines.append("most connected bodies: " + "; ".join(f"{printable(name)} ({deg})" for name, deg in hubs(result.kg)))
    if result.load_stats is not None:
        lines.append(f"loaded into {result.store_name}: {result.load_stats}")
    lines.append(f"export: {file_name(result.export_path)}")
    if result.page_path:
        lines.append(f"page: {file_name(result.page_path)}")
    return "\n".join(lines)
