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


def test_name_lists_tried_before_each_list_mark_are_those_of_a_scan_of_every_position():
    from orgkg.extractors.recognise.people import NAME_LIST, _name_list_matches
    extra = ["王小明、李大伟", "甲乙、丙丁戊、己庚辛", "、、王小明、李大伟、", "王小明、李大伟、张三丰、赵四", "ab王小明、李大伟"]
    found = 0
    for text in [*extra, *texts()]:
        spans = [m.span() for m in NAME_LIST.finditer(text)]
        assert [m.span() for m in _name_list_matches(text)] == spans, text[:40]
        found += len(spans)
    assert found > 10
