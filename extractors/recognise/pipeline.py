"""The spaCy pipeline: spacy.blank("zh") (one token per character, no model
to download) with our character tokenizer and our named components. Each finder component adds its
candidates to the span group ``doc.spans["orgkg_candidates"]``; the last one,
``orgkg_select``, keeps the longest non-overlapping ones as the labelled spans of
``doc.spans["orgkg"]``. A group's ``attrs["records"]`` holds, span by span, what a
span alone does not say: the name as read (a title without its 《》), whether it
names a class of bodies, and the finder's notes (``props``). ``candidates(doc)``
reads them back for the later stages.

>>> doc = get_nlp()("市委书记张志明主持会议。")
>>> [(s.text, s.label_) for s in doc.spans["orgkg"]]
[('市委', 'Organization'), ('张志明', 'Person')]
>>> [(c.text, c.props.get("title")) for c in candidates(doc)]
[('市委', None), ('张志明', '书记')]
"""
from __future__ import annotations

from functools import lru_cache

import spacy
from spacy.language import Language
from spacy.tokens import Doc, Span, SpanGroup

from orgkg.extractors.recognise.documents import find_titles
from orgkg.extractors.recognise.events import find_events
from orgkg.extractors.recognise.initiatives import find_initiatives
from orgkg.extractors.recognise.orgs import find_orgs
from orgkg.extractors.recognise.people import find_people
from orgkg.extractors.recognise.spans import Cand, select

KEY = "orgkg"
CANDIDATES = "orgkg_candidates"
FINDERS = {
    "orgkg_orgs": find_orgs,
    "orgkg_people": find_people,
    "orgkg_events": find_events,
    "orgkg_initiatives": find_initiatives,
    "orgkg_titles": find_titles,
}
# When two candidates of equal length overlap, the lower number wins.
PRIORITY = {"Document": 0, "Event": 1, "Person": 2, "Initiative": 3, "Organization": 4}


class Finder:
    """Runs one ``find_*`` function over the text and adds its candidates to the group."""

    def __init__(self, find, enabled: bool = True):
        self.find, self.enabled = find, enabled

    def __call__(self, doc):
        if self.enabled:
            if CANDIDATES not in doc.spans:
                doc.spans[CANDIDATES] = _group(doc, CANDIDATES, [])
            _extend(doc.spans[CANDIDATES], self.find(_text(doc)))
        return doc


def _text(doc) -> str:
    """The document's text as the tokenizer was given it (one token a character: joining
    the tokens again for every finder costs more than some finders)."""
    if doc._.orgkg_text is None:
        doc._.orgkg_text = doc.text
    return doc._.orgkg_text


if not Doc.has_extension("orgkg_text"):
    Doc.set_extension("orgkg_text", default=None)


class CharTokenizer:
    """One token per character, whitespace included, none with a trailing space, so that
    every character offset is a token boundary and the doc's text is the text given.
    spaCy's own "char" segmenter gives the same characters but first aligns them to the
    text again (util.get_words_and_spaces), which cost more than half of its time."""

    def __init__(self, vocab):
        self.vocab = vocab
        self.orths = {}     # character -> the hash of its lexeme in this vocab

    def __call__(self, text: str) -> Doc:
        # words given as lexeme hashes: spaCy then looks each up instead of hashing every
        # character's string again (2.6x faster for the whole Doc)
        doc = Doc(self.vocab, words=self._orths(text), spaces=[False] * len(text))
        doc._.orgkg_text = text
        return doc

    def _orths(self, text: str) -> list:
        try:
            return list(map(self.orths.__getitem__, text))
        except KeyError:        # characters not seen before: their lexemes are made once
            for ch in set(text).difference(self.orths):
                self.orths[ch] = self.vocab[ch].orth
            return list(map(self.orths.__getitem__, text))


def _group(doc, name: str, cands: list) -> SpanGroup:
    """A span group of the candidates; ``attrs["records"]`` keeps each one whole (a span
    of the char tokens covers it; the record also keeps its name as read and its notes)."""
    group = SpanGroup(doc, name=name, attrs={"records": []})
    _extend(group, cands)
    return group


def _extend(group: SpanGroup, cands: list) -> None:
    doc = group.doc
    if len(doc) == len(_text(doc)):     # one token a character: token i is character i
        spans = [Span(doc, c.start, c.end, label=c.label) for c in cands]
    else:
        spans = [doc.char_span(c.start, c.end, label=c.label, alignment_mode="expand") for c in cands]
    group.extend([s for s in spans if s is not None])
    group.attrs["records"].extend({"start": c.start, "end": c.end, "text": c.text, "label": c.label,
                                   "collective": c.collective, "props": c.props} for c in cands)


def candidates(doc, key: str = KEY) -> list:
    """The candidates of span group ``key`` (the selected ones by default), as Cand."""
    if key not in doc.spans:
        return []
    return [Cand(r["start"], r["end"], r["text"], r["label"], r["collective"], r["props"])
            for r in doc.spans[key].attrs["records"]]


def _register(name, find):
    @Language.factory(name, default_config={"enabled": True})
    def make(nlp, name, enabled: bool):   # noqa: ARG001 - spaCy passes nlp and name
        return Finder(find, enabled)
    return make


for _name, _find in FINDERS.items():
    if _name not in Language.factories:
        _register(_name, _find)


def _drop_orgs_over_titled_people(cands: list) -> list:
    """A body's name never holds a post title and a name (市长叶帮锐作政府 is a
    misread left edge of 政府工作报告): such organisation candidates go."""
    people = [(c.start, c.end) for c in cands if c.label == "Person" and c.props.get("title")]
    return [c for c in cands if c.label != "Organization" or
            not any(c.start < s and e <= c.end for s, e in people)]


class Select:
    """Keeps the longest non-overlapping candidates; a title span 《…》 hides what is inside it."""

    def __call__(self, doc):
        chosen = select(_drop_orgs_over_titled_people(candidates(doc, CANDIDATES)), PRIORITY)
        doc.spans[KEY] = _group(doc, KEY, chosen)
        del doc.spans[CANDIDATES]
        return doc


if "orgkg_select" not in Language.factories:
    @Language.factory("orgkg_select", default_config={})
    def make_select(nlp, name):   # noqa: ARG001
        return Select()


@lru_cache(maxsize=1)
def get_nlp():
    """The cached pipeline."""
    nlp = spacy.blank("zh")
    nlp.tokenizer = CharTokenizer(nlp.vocab)
    for name in FINDERS:
        nlp.add_pipe(name)
    nlp.add_pipe("orgkg_select")
    return nlp
