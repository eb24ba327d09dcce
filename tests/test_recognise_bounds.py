"""Bounds the recognisers rely on to skip work: the initiative finder looks for a body at
the head of a name only where one fits (initiatives.MIN_BODY)."""
from pathlib import Path

from orgkg.extractors.read import reader, split
from orgkg.extractors.recognise import initiatives
from orgkg.extractors.recognise.orgs import find_orgs

ROOT = Path(__file__).resolve().parents[1]
FOLDERS = [ROOT / "data" / "samples", ROOT.parent / "shared" / "dev" / "texts", ROOT / "data" / "blind6" / "texts"]


def texts():
    for folder in FOLDERS:
        for path in sorted(folder.glob("*.txt")):
            for doc in split.split_documents(reader.read_source(path)):
                yield doc.text


def test_no_body_name_is_shorter_than_the_initiative_finder_assumes():
    lengths = [len(c.text) for text in texts() for c in find_orgs(text)]
    assert len(lengths) > 1000
    assert min(lengths) >= initiatives.MIN_BODY


def test_a_body_at_the_head_of_an_initiative_is_still_cut_off():
    found = {c.text for c in initiatives.find_initiatives("，县科协科普惠民行动深入推进。")}
    assert found == {"科普惠民行动"}
