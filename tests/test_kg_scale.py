"""The graph's costs that must not grow faster than the work: provenance lists
stay duplicate-free through their index, and per-file graphs merge into the graph
one pass would give. The progress bar shows only on a terminal."""
import io

import pytest

from orgkg.extractors.batch import Progress
from orgkg.graph.kg import INDEX_FROM, KnowledgeGraph
from orgkg.graph.progress import file_bar


def mention(i, file="a.txt"):
    return {"file": file, "start": i, "end": i + 3, "text": "市科协"}


@pytest.mark.parametrize("n", [1, INDEX_FROM - 1, INDEX_FROM, 5 * INDEX_FROM])
def test_kg_long_mention_lists_keep_each_mention_once(n):
    kg = KnowledgeGraph()
    for _ in range(2):
        node = kg.add_entity("Organization", "重庆市科学技术协会", mentions=[mention(i) for i in range(n)])
    assert kg.node(node)["mentions"] == [mention(i) for i in range(n)]


def test_kg_index_follows_a_list_changed_behind_its_back():
    kg = KnowledgeGraph()
    node = kg.add_entity("Organization", "重庆市科学技术协会", mentions=[mention(i) for i in range(40)])
    data = kg.node(node)
    data["mentions"] = [m for m in data["mentions"] if m["start"] >= 20]     # as pruning does
    kg.add_entity("Organization", "重庆市科学技术协会", mentions=[mention(i) for i in range(40)])
    assert sorted(m["start"] for m in data["mentions"]) == list(range(40))
    data["mentions"].pop()                                                   # changed in place
    kg.add_entity("Organization", "重庆市科学技术协会", mentions=[mention(39)])
    assert [m["start"] for m in data["mentions"]].count(39) == 1


def test_kg_index_keeps_items_whose_hashes_meet_and_drops_equal_ones():
    # the index keeps hashes only: -1 and -2 hash alike in CPython, and are two items
    from orgkg.graph.kg import _SeenIndex
    assert hash(-1) == hash(-2)
    target, index = list(range(100, 100 + INDEX_FROM)), _SeenIndex()
    index.add_unique(target, [-1, -2, -1, -2, 100, {"a": [1]}, {"a": [1]}, {"a": [2]}])
    assert target[INDEX_FROM:] == [-1, -2, {"a": [1]}, {"a": [2]}]


def per_file(file, body_alias, role):
    kg = KnowledgeGraph()
    body = kg.add_entity("Organization", "重庆市科学技术协会", aliases=[body_alias], mentions=[mention(0, file)])
    person = kg.add_entity("Person", "林海峰", mentions=[mention(9, file)])
    kg.add_relation(person, "LEADS", body, evidence={"file": file, "sentence": "林海峰任主席", "start": 0, "end": 6},
                    role=role)
    return kg


def test_kg_merge_dict_equals_adding_in_order():
    files = [("a.txt", "市科协", "主席"), ("b.txt", "重庆市科协", "副主席"), ("a.txt", "市科协", "主席")]
    one_pass = KnowledgeGraph()
    for args in files:
        one_pass.merge(per_file(*args))
    merged = KnowledgeGraph()
    for args in files:
        merged.merge_dict(per_file(*args).to_dict())
    assert merged.to_dict() == one_pass.to_dict()
    edge = merged.edges()[0]
    assert edge["role"] == "主席" and [e["file"] for e in edge["evidence"]] == ["a.txt", "b.txt"]


class Terminal(io.StringIO):
    def isatty(self):
        return True


@pytest.mark.parametrize("stream, quiet, drawn", [
    (Terminal(), False, True),
    (Terminal(), True, False),
    (io.StringIO(), False, False),
])
def test_progress_bar_only_on_a_terminal(stream, quiet, drawn):
    with file_bar(quiet, stream) as bar:
        for done in range(1, 4):
            bar(Progress(done, 3, done * 1000, f"{done}.txt"))
    text = stream.getvalue()
    assert ("3/3" in text and "chars/s" in text) is drawn
    assert bool(text) is drawn
