"""A data file's ``needs`` table lets a pattern be skipped on a text that holds none of
its words: each word must be one that every match of the pattern holds."""
import re

import pytest

from orgkg.extractors import knowledge
from orgkg.extractors.recognise import org_patterns

NEEDS = org_patterns.DATA.all()["needs"]


def required_text(pattern: str) -> str:
    """The pattern without its optional groups, character classes and zero-width bounds."""
    pattern = re.sub(r"\[[^\]]*\]", "", pattern)
    while True:
        stripped = re.sub(r"\((?:\?:)?[^()]*\)(?:\?|\*|\{0,\d+\})", "", pattern)
        if stripped == pattern:
            return pattern
        pattern = stripped


@pytest.mark.parametrize("key", sorted(NEEDS))
def test_each_needed_word_is_required_by_its_pattern(key):
    text = knowledge.data_pattern(org_patterns.DATA.all(), key)
    for alternative in top_level_alternatives(text):
        assert any(needed(alternative, w) for w in NEEDS[key]), (key, required_text(alternative)[:200])


def needed(alternative: str, need: str) -> bool:
    """A word stands in what the alternative requires; a re: piece stands in the alternative
    as it is written, outside any optional group."""
    piece = knowledge.written_pattern(need)
    if piece is None:
        return need in required_text(alternative)
    return "\x00" in required_text(alternative.replace(piece, "\x00"))


def test_a_piece_inside_an_optional_group_is_not_needed():
    assert needed("甲(?:乙丙)?丁", "丁") and not needed("甲(?:乙丙)?丁", "乙")
    assert needed("(?:甲|乙)[一-十]等", "re:[一-十]等")
    assert not needed("甲(?:[一-十]等)?丁", "re:[一-十]等")


@pytest.mark.parametrize("key, text", [
    ("listed_names", "，甲乙集团、丙丁公司等企业参加"),
    ("stationed_group", "市纪委监委驻市教育局纪检监察组"),
    ("byline", "某某日报北京4月10日电"),
    ("term_body", "十九届中央纪律检查委员会"),
    ("department_list", "，县政府办、公安局、财政局负责人"),
])
def test_a_pattern_still_finds_what_it_did_and_nothing_without_its_words(key, text):
    found = [m.group() for m in org_patterns.DATA.finditer(key, text)]
    assert found == [m.group() for m in org_patterns.DATA.pattern(key).finditer(text)] and found
    without = text
    for w in NEEDS[key]:
        if knowledge.written_pattern(w) is not None:
            without = re.sub(knowledge.written_pattern(w), "", without)
        else:
            without = without.replace(w, "")
    assert list(org_patterns.DATA.finditer(key, without)) == []


def test_the_party_leadership_pattern_needs_its_word():
    from orgkg.extractors.relate.common import words
    w = words("supervises")
    alternatives = top_level_alternatives(w["party_leads"])
    assert len(alternatives) == 2
    for alternative in alternatives:
        assert w["party_leads_needs"] in required_text(alternative)


def top_level_alternatives(pattern: str) -> list:
    """The alternatives of a pattern's top level: | outside any group or character class."""
    out, depth, in_class, last = [], 0, False, 0
    for i, ch in enumerate(pattern):
        if pattern[i - 1:i] == "\\":
            continue
        in_class = (in_class or ch == "[") and ch != "]"
        depth += 0 if in_class else (ch == "(") - (ch == ")")
        if ch == "|" and depth == 0 and not in_class:
            out.append(pattern[last:i])
            last = i + 1
    return out + [pattern[last:]]


def test_the_dateline_needs_its_character():
    from orgkg.extractors.read import lines
    need = lines.layout("split")["dateline_needs"]
    assert all(need in required_text(alt) for alt in top_level_alternatives(lines.regex("dateline")))
    assert lines.pattern("dateline").search("科技日报北京4月10日电") and need in "科技日报北京4月10日电"
