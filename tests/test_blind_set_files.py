"""Each gold file of the blind scoring sets (data/blind … data/blind7) parses, names a text
that exists, and is self-consistent."""
import json
from pathlib import Path

import pytest

DATA = Path(__file__).resolve().parents[1] / "data"
FILES = {"blind": 19, "blind2": 19, "blind3": 19, "blind4": 19, "blind5": 16, "blind6": 16, "blind7": 14}
SETS = tuple(FILES)
GOLD_FILES = [p for name in SETS for p in sorted((DATA / name / "gold").glob("*.json"))]
TYPES = {"Organization", "Person", "Initiative", "Document", "Event"}
RELATIONS = {"ISSUED", "LEADS", "SUPERVISES", "REQUIRES", "ADOPTED", "PART_OF", "PRESIDED"}


@pytest.mark.parametrize("name", SETS)
def test_blind_set_has_its_files(name):
    gold, texts = DATA / name / "gold", DATA / name / "texts"
    assert len(list(gold.glob("*.json"))) == FILES[name]
    assert {p.stem for p in gold.glob("*.json")} == {p.stem for p in texts.glob("*.txt")}


@pytest.mark.parametrize("path", GOLD_FILES, ids=lambda p: f"{p.parents[1].name}-{p.stem}")
def test_blind_gold_parses_and_names_its_text(path):
    gold = json.loads(path.read_text(encoding="utf-8"))
    assert gold["source"] == path.stem + ".txt"
    assert (path.parents[1] / "texts" / gold["source"]).is_file()
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
