"""Every named query on the graph extracted from data/samples, checked against
what the graph itself (networkx, not Cypher) says the answer must contain."""
from pathlib import Path

import pytest

from orgkg.extractors.extract import extract_paths
from orgkg.graph.queries import run_named
from orgkg.graph.store.falkor import FalkorStore

SAMPLES = Path(__file__).resolve().parents[1] / "data" / "samples"


@pytest.fixture(scope="module")
def sample(engine_info):
    kg = extract_paths([SAMPLES]).kg
    store = FalkorStore(engine_info.socket, graph="test-samples")
    store.drop()
    store.load(kg)
    yield kg, store
    store.drop()
    store.close()


def _edges(kg, rel):
    return [(kg.node(e["source"]), kg.node(e["target"])) for e in kg.edges() if e["type"] == rel]


def _first(pairs, what):
    assert pairs, f"the samples gave no {what}; the extractor changed?"
    return pairs[0]


def test_queries_samples_loaded_whole(sample):
    kg, store = sample
    assert store.counts() == kg.counts()


def test_queries_samples_who_directs_and_directed_by(sample):
    kg, store = sample
    boss, body = _first(sorted(_edges(kg, "SUPERVISES"), key=lambda p: p[1]["name"]), "SUPERVISES")
    up = run_named("who_directs", {"name": body["name"]}, store=store).records()
    assert {"body": boss["name"], "depth": 1} in [{"body": r["body"], "depth": r["depth"]} for r in up]
    down = run_named("directed_by", {"name": boss["name"], "depth": 1}, store=store).records()
    direct = {t["name"] for s, t in _edges(kg, "SUPERVISES") if s["id"] == boss["id"]}
    assert {r["body"] for r in down} == direct and {r["depth"] for r in down} == {1}


def test_queries_samples_people_and_posts(sample):
    kg, store = sample
    person, org = _first(_edges(kg, "LEADS"), "LEADS")
    people = {r["person"] for r in run_named("people_of", {"name": org["name"]}, store=store).records()}
    assert people == {s["name"] for s, t in _edges(kg, "LEADS") if t["id"] == org["id"]}
    posts = {r["organization"] for r in run_named("posts_of", {"name": person["name"]}, store=store).records()}
    assert posts == {t["name"] for s, t in _edges(kg, "LEADS") if s["id"] == person["id"]}
    path = run_named("path_between", {"a": person["name"], "b": org["name"]}, store=store).records()
    assert path[0]["hops"] == 1 and path[0]["relations"] == ["LEADS"]


def test_queries_samples_documents_and_requirements(sample):
    kg, store = sample
    issuer, _ = _first(_edges(kg, "ISSUED"), "ISSUED")
    docs = {r["document"] for r in run_named("documents_issued_by", {"name": issuer["name"]}, store=store).records()}
    assert docs == {t["name"] for s, t in _edges(kg, "ISSUED") if s["id"] == issuer["id"]}
    doc, target = _first(_edges(kg, "REQUIRES"), "REQUIRES")
    rows = run_named("requirements_for", {"name": target["name"]}, store=store).records()
    assert doc["name"] in {r["document"] for r in rows} and all(r["sentence"] for r in rows)


def test_queries_samples_initiatives_of_an_issuer(sample):
    kg, store = sample
    requires = {(s["id"], t["name"]) for s, t in _edges(kg, "REQUIRES") if t["label"] == "Initiative"}
    pairs = [(s, t) for s, t in _edges(kg, "ISSUED") if any(d == t["id"] for d, _ in requires)]
    issuer, doc = _first(pairs, "issuer of a document that requires an initiative")
    rows = run_named("initiatives_of", {"name": issuer["name"]}, store=store).records()
    expected = {name for d, name in requires if d == doc["id"]}
    assert expected <= {r["initiative"] for r in rows if r["basis"] == "issued by the body"}


def test_queries_samples_hubs_has_the_most_connected_organisation(sample):
    kg, store = sample
    degree = {n: kg.g.degree(n) for n, d in kg.g.nodes(data=True) if d["label"] == "Organization"}
    top = run_named("hubs", {"limit": 3}, store=store).records()
    assert len(top) == 3 and top[0]["degree"] == max(degree.values())
    assert [r["degree"] for r in top] == sorted((r["degree"] for r in top), reverse=True)
