"""Entry point: files in, one KnowledgeGraph out.

>>> result = extract_paths(["data/samples"])          # doctest: +SKIP
>>> result.kg.counts()["nodes"] > 0                     # doctest: +SKIP
True

Files are read one at a time (streaming); a file that cannot be read is
recorded in ``skipped`` and the batch goes on.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from orgkg.graph.errors import InputError
from orgkg.graph.kg import KnowledgeGraph

from orgkg.extractors.read import reader

from orgkg.extractors.read import split
from orgkg.extractors.resolve.context import DocContext, home_body
from orgkg.extractors.resolve.entities import add_entities, merge_initiatives, prune_passing_collectives
from orgkg.extractors.relate.header import self_facts
from orgkg.extractors.recognise.pipeline import KEY, get_nlp
from orgkg.extractors.relate import apply_rules
from orgkg.extractors.resolve.names import canonical_org, infer_jurisdiction

@dataclass
class ExtractResult:
    kg: KnowledgeGraph
    files: list = field(default_factory=list)
    skipped: list = field(default_factory=list)


def extract_paths(paths, progress=None) -> ExtractResult:
    """Read every file under ``paths``, extract each document, return the graph."""
    result = ExtractResult(kg=KnowledgeGraph())
    nlp = get_nlp()
    for path in reader.iter_files(paths):
        try:
            source = reader.read_source(path)
            docs = split.split_documents(source)
        except InputError as exc:
            result.skipped.append((str(path), exc.reason))
            continue
        parsed = [nlp(doc.text).user_data.get(KEY, []) for doc in docs]
        merged = merge_initiatives([c.text for cands in parsed for c in cands if c.label == "INIT"])
        for doc, cands in zip(docs, parsed):
            extract_document(doc, result.kg, nlp, siblings=docs, cands=cands, same_init=merged)
        result.files.append(source.name)
        if progress:
            progress(source.name)
    return result


def extract_document(doc, kg, nlp=None, siblings=None, cands=None, same_init=None) -> DocContext:
    """Add one Document's entities and relations to ``kg``; returns its context.

    ``siblings`` are the other documents of the same file (a notice and the plan it
    issues), ``cands`` the pipeline's candidates if already computed, ``same_init``
    the file-wide map of initiative forms to one name."""
    if cands is None:
        cands = (nlp or get_nlp())(doc.text).user_data.get(KEY, [])
    org_surfaces = [c.text for c in cands if c.label == "ORG"]
    # meeting names carry places too: 中共某某县委十五届五次全会
    juris = infer_jurisdiction(doc, org_surfaces + [c.text for c in cands if c.label == "EVENT"])
    issuer = canonical_org(doc.meta["issuer"], juris)[0] if doc.meta.get("issuer") else ""
    # a class of bodies (各直属单位党委) is never the body a document's bare units belong to
    definite = [c.text for c in cands if c.label == "ORG" and not c.collective]
    home = home_body([canonical_org(s, juris)[0] for s in definite], issuer)
    ctx = DocContext(doc, kg, juris, home)
    if same_init is None:
        same_init = merge_initiatives([c.text for c in cands if c.label == "INIT"])
    self_facts(ctx, siblings)
    add_entities(ctx, cands, same_init)
    apply_rules(ctx)
    prune_passing_collectives(ctx)
    return ctx
