"""Each gold file of the second blind scoring set parses, names a text that exists, and is self-consistent."""
import json
from pathlib import Path

import pytest

BLIND2 = Path(__file__).resolve().parents[1] / "data" / "blind2"
GOLD_FILES = sorted((BLIND2 / "gold").glob("*.json"))
TYPES = {"Organization", "Person", "Initiative", "Document", "Event"}
RELATIONS = {"ISSUED", "LEADS", "SUPERVISES", "REQUIRES", "ADOPTED", "PART_OF", "PRESIDED"}


def test_blind2_set_has_its_files():
    assert len(GOLD_FILES) == 19
    assert {p.stem for p in GOLD_FILES} == {p.stem for p in (BLIND2 / "texts").glob("*.txt")}


@pytest.mark.parametrize("path", GOLD_FILES, ids=lambda p: p.stem)
def test_blind2_gold_parses_and_names_its_text(path):
    gold = json.loads(path.read_text(encoding="utf-8"))
    assert gold["source"] == path.stem + ".txt"
    assert (BLIND2 / "texts" / gold["source"]).is_file()
    assert gold["jurisdiction"]
    names = set()
    for e in gold["entities"]:
        assert e["type"] in TYPES
        assert isinstance(e["aliases"], list) and isinstance(e["collective"], bool)
        assert e["name"] not in names
        names.add(e["name"])
    for r in gold["relations"]:
        assert r["type"] in RELATIONS
        assert r["head"] in names and r["tail"] in names
        assert ("role" in r) == (r["type"] == "LEADS")
