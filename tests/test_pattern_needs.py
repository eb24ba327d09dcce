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
    required = required_text(text)
    # every top-level alternative of every group holding a word needs one of the words
    assert any(w in required for w in NEEDS[key]), (key, required[:200])


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
        without = without.replace(w, "")
    assert list(org_patterns.DATA.finditer(key, without)) == []
