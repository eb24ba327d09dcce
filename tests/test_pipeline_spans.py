"""The spaCy pipeline: one token per character, the text as given, and each selected
candidate a span of doc.spans["orgkg"] over exactly its characters."""
from pathlib import Path

from orgkg.extractors.read import reader, split
from orgkg.extractors.recognise.pipeline import KEY, candidates, get_nlp

SAMPLES = Path(__file__).resolve().parents[1] / "data" / "samples"


def test_tokens_are_characters_and_the_text_is_kept():
    text = "市委书记 张志明\n主持\u3000会议。 2024年"
    doc = get_nlp()(text)
    assert doc.text == text and len(doc) == len(text)
    assert [t.idx for t in doc] == list(range(len(text)))


def test_tokens_from_lexeme_hashes_are_those_spacy_makes_from_the_characters():
    import spacy
    from spacy.tokens import Doc

    from orgkg.extractors.recognise.pipeline import CharTokenizer
    nlp = spacy.blank("zh")       # a vocab of its own: none of these characters seen yet
    tokenizer = CharTokenizer(nlp.vocab)
    for text in ["中共某某县委𠀋𠀋 A1\n\u3000。", "县委县委𠀋", "", "😀ab"]:
        doc = tokenizer(text)
        plain = Doc(nlp.vocab, words=list(text), spaces=[False] * len(text))
        assert doc.text == text and [t.orth_ for t in doc] == [t.orth_ for t in plain] == list(text)
        assert [t.lex_id for t in doc] == [t.lex_id for t in plain]
        assert [t.is_punct for t in doc] == [t.is_punct for t in plain]


def test_every_selected_span_covers_its_candidate_exactly():
    nlp, checked = get_nlp(), 0
    for path in sorted(SAMPLES.glob("*.txt")):
        for d in split.split_documents(reader.read_source(path)):
            doc = nlp(d.text)
            spans, cands = list(doc.spans[KEY]), candidates(doc)
            assert [(s.start_char, s.end_char, s.label_, s.text) for s in spans] == \
                   [(c.start, c.end, c.label, d.text[c.start:c.end]) for c in cands]
            checked += len(cands)
    assert checked > 200
