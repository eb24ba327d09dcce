"""Event patterns are tried only around their anchor word: the anchor must be a word
every match of the pattern holds, and a match must fit the window around it."""
import re

import pytest

from orgkg.extractors import knowledge
from orgkg.extractors.recognise import events

PATTERNS = events._data()["patterns"]


def alternatives(pattern) -> list:
    return pattern if isinstance(pattern, list) else [pattern]


WORD_ANCHORED = [r for r in PATTERNS if len(r) > 2 and knowledge.written_pattern(r[2]) is None]
REGEX_ANCHORED = [r for r in PATTERNS if len(r) > 2 and knowledge.written_pattern(r[2]) is not None]


@pytest.mark.parametrize("row", WORD_ANCHORED, ids=lambda r: r[0] + ":" + r[2])
def test_the_anchor_stands_outside_any_optional_part_of_each_alternative(row):
    kind, pattern, anchor = row
    for alt in alternatives(pattern):
        # the anchor written out, and not inside an optional group (…)? or a character class
        outside = re.sub(r"\((?:\?:)?[^()]*\)\?|\[[^\]]*\]", "", events._expand(alt).replace("{place}", ""))
        assert anchor in outside, (kind, alt)


def test_most_patterns_have_an_anchor():
    # a pattern with no anchor is tried at every position of every text
    assert sum(1 for r in PATTERNS if len(r) < 3) <= 3


@pytest.mark.parametrize("text", [
    "大会审议通过了中国共产党第二十次全国代表大会报告",
    "全面贯彻落实党的二十届三中全会精神，深入学习中国共产党第十九届中央委员会第六次全体会议",
    "某某市科学技术协会召开了第九次代表大会，选举产生新一届委员会",
    "十四届全国人大二次会议和全国政协十四届二次会议胜利闭幕",
])
def test_windowed_patterns_find_what_the_whole_text_scan_finds(text):
    padded = "一" * 120 + text + "二" * 120
    for kind, pat, anchor in events._patterns():
        whole = [m.span() for m in pat.finditer(padded)]
        assert [m.span() for m in events._matches(pat, padded, anchor)] == whole, kind


@pytest.mark.parametrize("key, text", [
    ("plenum_list", "深入学习贯彻党的二十届二中、三中全会精神"),
    ("plenum_tail", "中共某某县委十五届五次全会召开"),
])
def test_plenum_patterns_hold_their_anchor_and_find_it_in_windows(key, text):
    anchor = events._data()["plenum_anchor"]
    outside = re.sub(r"\((?:\?:)?[^()]*\)\?|\[[^\]]*\]", "", events._expand(events._data()[key]))
    assert anchor in outside
    padded = "一" * 120 + text + "二" * 120
    pat = events._regex(key)
    assert [m.span() for m in events._matches(pat, padded, anchor)] == [m.span() for m in pat.finditer(padded)]
    assert list(pat.finditer(padded))


@pytest.mark.parametrize("row", REGEX_ANCHORED, ids=lambda r: r[0] + ":" + r[2])
def test_a_pattern_anchor_is_in_every_match_and_windows_find_them_all(row):
    kind, pattern, anchor = row
    pat, found = re.compile(events._expand(pattern)), 0
    for text in ["深入学习贯彻党的二十大精神，", "中国科协十大代表", "科协九大召开，", "党的十八大以来，十九大、二十大报告"]:
        padded = "一" * 120 + text + "二" * 120
        for m in pat.finditer(padded):
            assert events._anchor_regex(anchor).search(m.group()), (kind, m.group())
            found += 1
        assert [m.span() for m in events._matches(pat, padded, anchor)] == [m.span() for m in pat.finditer(padded)]
    assert found


def test_the_sitting_anchor_is_a_piece_of_each_sitting_alternative():
    pieces = knowledge.written_pattern(events._data()["sitting_anchor"]).split("|(?<=")
    alts = events._data()["sitting"]
    assert len(pieces) == len(alts) == 2
    assert pieces[0] in alts[0] and "(?<=" + pieces[1] in alts[1]


@pytest.mark.parametrize("text", [
    "市政府召开第45次常务会议，研究部署工作",
    "某局召开党组（扩大）会议，传达学习精神；某院举行党委会议",
    "召开党委常委会2024年第9次会议，审议通过",
    "第十四届全国人民代表大会第二次会议开幕，第一季度",
    "中心组2024年第5次集体学习，某大学2024年第12次校长办公会",
])
def test_sittings_tried_around_their_anchor_are_those_of_the_whole_scan(text):
    padded = "一" * 120 + text + "第二次" + "二" * 120
    pat = events._regex("sitting")
    whole = [m.span() for m in pat.finditer(padded)]
    assert whole and [m.span() for m in events._matches(pat, padded, events._data()["sitting_anchor"])] == whole
