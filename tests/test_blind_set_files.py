"""Each gold file of the blind scoring set parses, names a text that exists, and is self-consistent."""
import json
from pathlib import Path

import pytest

BLIND = Path(__file__).resolve().parents[1] / "data" / "blind"
GOLD_FILES = sorted((BLIND / "gold").glob("*.json"))
TYPES = {"Organization", "Person", "Initiative", "Document", "Event"}
RELATIONS = {"ISSUED", "LEADS", "SUPERVISES", "REQUIRES", "ADOPTED", "PART_OF", "PRESIDED"}


def test_blind_set_has_its_files():
    assert len(GOLD_FILES) == 19
    assert {p.stem for p in GOLD_FILES} == {p.stem for p in (BLIND / "texts").glob("*.txt")}


@pytest.mark.parametrize("path", GOLD_FILES, ids=lambda p: p.stem)
def test_blind_gold_parses_and_names_its_text(path):
    gold = json.loads(path.read_text(encoding="utf-8"))
    assert gold["source"] == path.stem + ".txt"
    assert (BLIND / "texts" / gold["source"]).is_file()
    names = set()
    for e in gold["entities"]:
        assert e["type"] in TYPES
        assert isinstance(e["aliases"], list) and isinstance(e["collective"], bool)
        names.add(e["name"])
    for r in gold["relations"]:
        assert r["type"] in RELATIONS
        assert r["head"] in names and r["tail"] in names
        assert ("role" in r) == (r["type"] == "LEADS")
