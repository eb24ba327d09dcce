"""What the reading layer hands to extraction.

A ``Source`` is one input file as decoded text. A file may hold several
``Document``s (a notice and the work plan it issues; a news report and the
speech it carries). Extraction works on ``Document.text``, the normalised
text (lines broken mid-sentence joined, full-width folded for matching);
``Document.offsets`` maps every index of that text back into ``Source.raw``
so every span in the export points into the original file.

What ``Source.raw`` is: for text files, the decoded text (BOM removed); for
PDF, DOCX and HTML, the text extracted from them (see reader.py). Offsets,
and the export's start/end, count characters of ``Source.raw``.
"""
from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path


@dataclass
class Source:
    path: Path
    raw: str                      # the file's full decoded text, as offsets count it
    encoding: str = "utf-8"       # how the bytes were decoded ("pdf"/"docx"/"html" for extracted text)
    format: str = "txt"           # txt | pdf | docx | html: what ``raw`` was taken from

    @cached_property
    def name(self) -> str:
        """The file's name as text: bytes that are not UTF-8 as \\xNN, no control characters
        (once: every mention and piece of evidence carries it)."""
        from orgkg.graph.printable import file_name
        return file_name(self.path.name)


@dataclass
class DocumentMeta:
    """公文要素 of one document, as read/metadata.py finds them; None (or empty) where the
    text does not state one. Spans are (start, end) in the document's text."""
    title: str | None = None
    title_span: tuple | None = None
    kind: str = "other"                  # notice | opinion | plan | resolution | report | speech | news | other
    number: str | None = None            # 发文字号: 渝科协发〔2022〕7号
    number_parts: dict | None = None     # its code, year and serial
    issuer: str | None = None
    issuer_spans: list = field(default_factory=list)
    date: str | None = None              # ISO date of the document
    date_span: tuple | None = None
    addressees: list = field(default_factory=list)
    addressee_spans: list = field(default_factory=list)
    copies: list = field(default_factory=list)
    copy_spans: list = field(default_factory=list)
    printer: str | None = None           # 版记: the office that printed it, and when
    printer_span: tuple | None = None
    printed: str | None = None
    publisher: str | None = None         # a web page's 发布机构：X, which publishes the text
    publisher_span: tuple | None = None
    speaker: str | None = None
    speaker_span: tuple | None = None
    adopted_by: str | None = None        # （…会议通过）
    issued_by: int | None = None         # the index of the notice in the same file that issues it
    source_line: str | None = None       # a reprint's source (摘自《…》)
    jurisdiction_hints: list = field(default_factory=list)


@dataclass
class Document:
    source: Source
    text: str                     # normalised text of this document
    offsets: list                 # offsets[i] = index in source.raw of text[i]; len(text) + 1 entries
    sentences: list = field(default_factory=list)   # (start, end) spans in text
    meta: DocumentMeta = field(default_factory=DocumentMeta)     # 公文要素
    index: int = 0                # position of this document inside its file

    @property
    def file(self) -> str:
        return self.source.name

    def raw_span(self, start: int, end: int) -> tuple:
        """Offsets in the original file of text[start:end]."""
        if end <= start:
            pos = self.offsets[start]
            return pos, pos
        return self.offsets[start], self.offsets[end - 1] + 1

    def raw_text(self, start: int, end: int) -> str:
        """text[start:end] as it stands in the file (line breaks and all)."""
        a, b = self.raw_span(start, end)
        return self.source.raw[a:b]

    def mention(self, start: int, end: int) -> dict:
        """Where text[start:end] stands in the file; ``text`` is the words as
        matched (a body named only through a post, like 市长, keeps that word)."""
        a, b = self.raw_span(start, end)
        return {"file": self.file, "start": a, "end": b, "text": self.text[start:end]}

    def evidence(self, start: int, end: int, rule: str, confidence: float = 1.0) -> dict:
        """Provenance of a relation stated in text[start:end] (usually one sentence),
        with the document's date and title when its header gives them, so that
        every edge can be placed in time and traced to its document."""
        a, b = self.raw_span(start, end)
        found = {"file": self.file, "sentence": self.source.raw[a:b], "start": a, "end": b,
                 "rule": rule, "confidence": confidence}
        for key, meta_key in (("date", "date"), ("document", "title")):
            if getattr(self.meta, meta_key):
                found[key] = getattr(self.meta, meta_key)
        return found

    def sentence_at(self, pos: int) -> tuple:
        """The first sentence that holds ``pos`` (the whole text when none does)."""
        starts = self._starts()
        if starts is not None:      # in order and apart: the one that starts last before pos
            i = bisect_right(starts, pos) - 1
            if i >= 0 and pos < self.sentences[i][1]:
                start, end = self.sentences[i]
                return start, end
            return 0, len(self.text)
        for start, end in self.sentences:
            if start <= pos < end:
                return start, end
        return 0, len(self.text)

    def _starts(self):
        """The sentences' starts when they stand in order and apart, else None; kept while
        the list of sentences is the same."""
        key = (id(self.sentences), len(self.sentences))
        if self.__dict__.get("_starts_key") != key:
            spans = self.sentences
            ordered = all(a[1] <= b[0] and a[0] < a[1] for a, b in zip(spans, spans[1:]))
            self.__dict__["_starts_cache"] = [a for a, _ in spans] if ordered else None
            self.__dict__["_starts_key"] = key
        return self.__dict__["_starts_cache"]
