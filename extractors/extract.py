"""Entry point: files in, one KnowledgeGraph out.

>>> result = extract_paths(["data/samples"])          # doctest: +SKIP
>>> result.kg.counts()["nodes"] > 0                     # doctest: +SKIP
True

Each file is extracted on its own into a graph of its own (``extract_file``);
the per-file graphs are merged in the files' order, so a run over one process,
many processes or a Dask cluster gives the same graph (see batch.py). A file
that cannot be read is recorded in ``skipped`` and the batch goes on.
"""
from __future__ import annotations

import gc
from functools import lru_cache
from pathlib import Path

from orgkg.graph.errors import InputError
from orgkg.graph.kg import KnowledgeGraph, gc_paused

from orgkg.extractors.batch import ExtractResult  # noqa: F401  (its home was here)
from orgkg.extractors.read import reader
from orgkg.extractors.read.document import Source

from orgkg.extractors.read import split
from orgkg.extractors.resolve.context import DocContext, home_body
from orgkg.extractors.resolve.entities import add_entities, merge_initiatives, prune_passing_collectives
from orgkg.extractors.relate.header import self_facts
from orgkg.extractors.recognise.pipeline import candidates, get_nlp
from orgkg.extractors.relate import apply_rules
from orgkg.extractors.resolve.names import canonical_org, infer_jurisdiction

def extract_paths(paths, progress=None, jobs=1, cache_dir=None, scheduler=None) -> ExtractResult:
    """Read every file under ``paths``, extract each, return the merged graph.

    ``jobs`` worker processes (0: one per core), or the Dask scheduler at
    ``scheduler``; per-file results are kept in ``cache_dir`` (a private
    temporary folder when None) and reused while file and extractor are unchanged.
    ``progress(batch.Progress)`` is called after each file."""
    from orgkg.extractors import batch
    return batch.run(paths, progress=progress, jobs=jobs, cache_dir=cache_dir, scheduler=scheduler)


def extract_file(path, nlp=None) -> dict:
    """One file's result, as plain data that pickles and stores as JSON:
    ``{"file", "chars", "graph"}`` with the file's graph in export form, or
    ``{"file", "skipped"}`` with the reason it could not be read."""
    # a file's objects die young, by reference counting; the cyclic collector would only
    # walk the long-lived word lists, patterns and merged graph again and again
    with gc_paused():
        return _extract_file(path, nlp)


def _extract_file(path, nlp) -> dict:
    try:
        source = reader.read_source(path)
        docs = split.split_documents(source)
    except InputError as exc:
        return {"file": str(path), "skipped": exc.reason}
    return _extract_docs(source, docs, nlp)


def _extract_docs(source, docs, nlp) -> dict:
    nlp = nlp or get_nlp()
    kg = KnowledgeGraph()
    parsed = [candidates(nlp(doc.text)) for doc in docs]
    merged = merge_initiatives([c.text for cands in parsed for c in cands if c.label == "Initiative"])
    for doc, cands in zip(docs, parsed):
        extract_document(doc, kg, nlp, siblings=docs, cands=cands, same_init=merged)
    return {"file": source.name, "chars": len(source.raw), "graph": kg.to_dict()}


@lru_cache(maxsize=1)          # once per process
def warm() -> None:
    """Build every word list and pattern the extraction uses now, by extracting a short
    document of every genre's constructions (data/warm.txt, invented names), rather than
    on the first files: they take a second or two, which a fork server then spends once
    for all its workers. They live as long as the process: the cyclic collector is told
    to leave them alone (gc.freeze), which spares it walking them at every full collection."""
    source = Source(path=WARM_TEXT, raw=WARM_TEXT.read_text(encoding="utf-8"))
    _extract_docs(source, split.split_documents(source), None)
    gc.collect()
    gc.freeze()


WARM_TEXT = Path(__file__).resolve().parent / "data" / "warm.txt"


def extract_document(doc, kg, nlp=None, siblings=None, cands=None, same_init=None) -> DocContext:
    """Add one Document's entities and relations to ``kg``; returns its context.

    ``siblings`` are the other documents of the same file (a notice and the plan it
    issues), ``cands`` the pipeline's candidates if already computed, ``same_init``
    the file-wide map of initiative forms to one name."""
    if cands is None:
        cands = candidates((nlp or get_nlp())(doc.text))
    org_surfaces = [c.text for c in cands if c.label == "Organization"]
    # meeting names carry places too: 中共某某县委十五届五次全会
    juris = infer_jurisdiction(doc, org_surfaces + [c.text for c in cands if c.label == "Event"])
    issuer = canonical_org(doc.meta.issuer, juris)[0] if doc.meta.issuer else ""
    # a class of bodies (各直属单位党委) is never the body a document's bare units belong to
    definite = [c.text for c in cands if c.label == "Organization" and not c.collective]
    home = home_body([canonical_org(s, juris)[0] for s in definite], issuer)
    ctx = DocContext(doc, kg, juris, home)
    if same_init is None:
        same_init = merge_initiatives([c.text for c in cands if c.label == "Initiative"])
    self_facts(ctx, siblings)
    add_entities(ctx, cands, same_init)
    apply_rules(ctx)
    prune_passing_collectives(ctx)
    return ctx
