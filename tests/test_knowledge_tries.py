"""knowledge.trie_alternation: a trie of thousands of words, its branches grouped behind
lookaheads, matches what the plain alternation of the words (longest first) matches."""
import re
from pathlib import Path

import pytest

from orgkg.extractors import knowledge

SAMPLES = Path(__file__).resolve().parents[1] / "data" / "samples"


def place_words() -> list:
    return sorted({f for f, p in knowledge.load().places.items() if p.named_by(f)})


def matches(pattern: str, text: str) -> list:
    return [(m.start(), m.group()) for m in re.finditer(pattern, text)]


def test_grouped_trie_matches_as_the_plain_alternation_on_the_samples():
    words = place_words()
    assert len(words) > 1000
    # the samples, then every fifth word between commas and every seventh run together
    text = "".join(p.read_text(encoding="utf-8") for p in sorted(SAMPLES.glob("*.txt")))
    text += "，".join(words[::5]) + "".join(words[::7])
    plain = "(?:" + "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True)) + ")"
    found = matches(knowledge.trie_alternation(words), text)
    assert found == matches(plain, text)
    assert len(found) > 100


def test_a_root_of_many_branches_is_grouped_and_a_small_one_is_not():
    big = knowledge.trie_alternation(place_words())
    assert big.count("(?=[") > 10
    assert knowledge.trie_alternation(["北京", "北京市", "南京"]) == "(?:北京(?:市)?|南京)"


def test_every_word_of_a_grouped_trie_matches_whole():
    words = place_words()
    pattern = re.compile(knowledge.trie_alternation(words))
    assert all(pattern.fullmatch(w) for w in words)


@pytest.mark.parametrize("text, word", [("科协科协科协", "科协"), ("aaaa", "aa"), ("", "a"), ("abc", ""), ("甲乙甲", "甲")])
def test_the_positions_of_a_word_are_those_a_pattern_of_it_finds(text, word):
    from orgkg.extractors.knowledge import positions
    plain = [m.start() for m in re.finditer(re.escape(word), text)] if word else []
    overlapping = [m.start() for m in re.finditer("(?=" + re.escape(word) + ")", text)] if word else []
    assert list(positions(text, word, overlapping=False)) == plain
    assert list(positions(text, word)) == overlapping
