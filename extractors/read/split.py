"""Split a Source into Documents and a Document's text into sentences.

One file often holds several documents: a notice (关于印发《X》的通知 …
signature + date) followed by the plan X it issues; a news report, then the
resolution or speech it carries; an editor's note (按：…) before a speech;
several news items on one newspaper page. Boundaries are found from the
layout of official documents, on the normalised lines:

* a document ends after a signature + date block, a 版记 line (…印发), a
  reprint source line (摘自《…》…) or an editor's note;
* a document starts at a 发文字号 line, at a title line followed by its
  addressees (…：) or a dated byline (（2023年9月8日）), and at a news
  dateline (科技日报北京4月10日电), even in the middle of a line;
* a news item whose headline is printed after its body ends at that
  headline (a short bare line followed by a new lede, 4月10日，…, or by
  nothing);
* a stretch without any body sentence (a stray title or number line) is not
  a document: it joins the document before it.

A document longer than ``MAX_DOC_CHARS`` (a yearbook, a file that is one
long line) is cut into parts at paragraph ends, else at sentence ends, else
anywhere, each part below the limit and with its offsets into the file, so
that no part reaches spaCy's max_length (1,000,000 characters) and memory
stays bounded.
"""
from __future__ import annotations

import re
from functools import lru_cache

from orgkg.extractors.read import lines as L
from orgkg.extractors.read.document import Document, Source
from orgkg.extractors.read.normalize import normalize

_ENDS = set("。！？；!?;")
_OPEN = {"《": "》", "“": "”", "‘": "’", "「": "」"}
_CLOSE_AFTER = set("”’」』）)")
_CIRCLED = "①②③④⑤⑥⑦⑧⑨⑩"
_MAX_QUOTED = 240      # longer than any title or quotation seen in one sentence
MAX_DOC_CHARS = 30_000     # a long work report; the extraction stages slow down faster than linearly above it


@lru_cache(maxsize=None)
def _note_heads() -> tuple:
    """按, 编者按: an editor's note, which stands apart from the speech it introduces."""
    return tuple(L.layout("split")["note_heads"])


def split_sentences(text: str) -> list:
    """(start, end) spans of the sentences of ``text``.

    Sentences end at 。！？；!?; outside 《》 and quotes, at line breaks, and
    before list items that follow a colon or semicolon (…：（一）…；（二）…).

    >>> t = "要落实《意见。》要求。一是学习；二是宣传\\n二、措施"
    >>> [t[a:b] for a, b in split_sentences(t)]
    ['要落实《意见。》要求。', '一是学习；', '二是宣传', '二、措施']
    """
    scan = _Sentences(text)
    i = scan.next_mark(0)
    while i < len(text):
        i = scan.next_mark(scan.step(i))
    scan.close(len(text))
    return scan.spans


# Every character the scan acts on; at any other one a step does nothing
_MARKS = re.compile("[" + re.escape("\n" + "".join(_OPEN) + "".join(_OPEN.values()) + "".join(_ENDS)
                                    + _CIRCLED + "：:") + "]")


class _Sentences:
    """The scan behind split_sentences: the spans found so far, where the current
    sentence starts, and the quotes and title marks open at this point."""

    def __init__(self, text: str):
        self.text, self.spans, self.start = text, [], 0
        self.stack, self.opened_at = [], 0

    def next_mark(self, i: int) -> int:
        """The first position from i where a step does something: a mark, or where an open
        quote has run too long (len(text) when there is none)."""
        m = _MARKS.search(self.text, i)
        j = m.start() if m else len(self.text)
        if self.stack:
            j = min(j, max(i, self.opened_at + _MAX_QUOTED + 1))
        return j

    def close(self, end: int) -> None:
        """End the current sentence at ``end`` (trimmed of spaces and line breaks)."""
        a, b = self.start, end
        while a < b and self.text[a] in " \n":
            a += 1
        while b > a and self.text[b - 1] in " \n":
            b -= 1
        if a < b:
            self.spans.append((a, b))
        self.start = end

    def step(self, i: int) -> int:
        """Read the character at i; return where to read next."""
        ch, stack = self.text[i], self.stack
        if ch == "\n":
            stack.clear()
            self.close(i)
        elif ch in _OPEN:
            self._open(i, ch)
        elif stack and i - self.opened_at > _MAX_QUOTED:
            stack.clear()             # a stray 《 or “ (broken text) must not swallow the paragraph
            return i
        elif stack and ch == stack[-1]:
            self._close_quote(i, ch)
        elif ch in _ENDS and not stack:
            return self._end_sentence(i)
        else:
            self._list_item(i, ch)
        return i + 1

    def _open(self, i: int, ch: str) -> None:
        if not self.stack:
            self.opened_at = i
        self.stack.append(_OPEN[ch])

    def _close_quote(self, i: int, ch: str) -> None:
        self.stack.pop()
        if not self.stack and ch != "》" and i > 0 and self.text[i - 1] in _ENDS:
            self.close(i + 1)          # “…。” ends the sentence with its quote

    def _end_sentence(self, i: int) -> int:
        """A sentence end outside quotes, with the closing marks after it."""
        j = i + 1
        while j < len(self.text) and self.text[j] in _CLOSE_AFTER:
            j += 1
        self.close(j)
        return j

    def _list_item(self, i: int, ch: str) -> None:
        """Items ① ② and items after a colon (…：（一）…) start sentences of their own."""
        if ch in _CIRCLED and i > self.start:
            self.close(i)
        elif ch in "：:" and not self.stack and L.pattern("list_item").match(self.text, i + 1):
            self.close(i + 1)


def _lines(text: str) -> list:
    out, pos = [], 0
    for line in text.split("\n"):
        out.append((pos, pos + len(line), line))
        pos += len(line) + 1
    return out


def _has_body(line: str) -> bool:
    return any(c in line for c in "。！？!?") or line.endswith(("；", ";"))


def _is_signature(line: str) -> bool:
    return 2 <= len(line) <= 40 and not L.ends_terminal(line) and not L.pattern("heading").match(line)


def _after_body(lines: list, k: int) -> bool:
    """Line k (a date) follows body text, directly or under up to three signature lines."""
    j = k - 1
    while j >= 0 and k - j <= 3 and _is_signature(lines[j][2]) and not _has_body(lines[j][2]):
        j -= 1
    return j >= 0 and _has_body(lines[j][2])


def _head_start(lines: list, k: int) -> int:
    """Where the header block ending at line k starts: number lines and an X文件 line above it."""
    while k > 0 and L.pattern("number_line").match(lines[k - 1][2]):
        k -= 1
    if k > 0 and L.pattern("red_header").match(lines[k - 1][2]):
        k -= 1
    return k


def _news_dateline(line: str):
    """The news dateline that starts an item in this line, if any."""
    if L.layout("split")["dateline_needs"] not in line:
        return None
    m = L.pattern("dateline").search(line)
    cited_by = L.layout("split")["cited_by"]
    if m and m.start() and (line[m.start() - 1] in cited_by or line[m.end():m.end() + 1] in "，,"):
        return None               # 据新华社北京3月5日电，… cites a report, it does not start one
    return m


def _title_over_header(line: str, nxt: str) -> bool:
    """A title followed by its addressees (…：) or by a dated byline."""
    return bool(L.is_title(line) and (nxt.endswith(("：", ":")) and not _has_body(nxt)
                                      or L.is_wrapped(nxt) and L.pattern("date").search(nxt)))


def _is_note(line: str) -> bool:
    return bool(L.pattern("block_start").match(line)) and line.startswith(_note_heads())


def _closing_line(lines: list, k: int) -> bool:
    """A reprint source, a 版记 line, or a signature date under body text."""
    line = lines[k][2]
    return bool(L.pattern("source_line").match(line) or L.pattern("printed_line").match(line)
                or (L.pattern("date_line").match(line) and line[0] not in "（("
                    and _after_body(lines, k)))


class _Cuts:
    """The scan behind _boundaries: the cuts found so far, whether a news item is
    open, and whether it has had a body sentence since the last cut."""

    def __init__(self, text: str):
        self.text, self.lines = text, _lines(text)
        self.cuts = set()
        self.in_news = False
        self.body_since_cut = False

    def read(self, k: int) -> None:
        a, b, line = self.lines[k]
        nxt = self.lines[k + 1][2] if k + 1 < len(self.lines) else ""
        dateline = _news_dateline(line)
        if dateline:
            self.cuts.add(a + dateline.start())
            self.in_news, self.body_since_cut = True, False
        self._header(k, nxt)
        if _is_note(line):
            self.cuts.add(a)
            self.cuts.add(b + 1)
        # closing blocks: the next line starts another document
        headline = self._news_headline(line, nxt, dateline)
        if headline:
            self.in_news = False
        if (headline or _closing_line(self.lines, k)) and b + 1 < len(self.text):
            self.cuts.add(b + 1)
        self.body_since_cut = self.body_since_cut or _has_body(line)

    def _header(self, k: int, nxt: str) -> None:
        """A 发文字号 line or a title starts a document at the header block above it."""
        line = self.lines[k][2]
        prev = self.lines[k - 1][2] if k else ""
        if L.pattern("number_line").match(line):
            if not L.pattern("number_line").match(prev):
                self.cuts.add(self.lines[_head_start(self.lines, k)][0])
            self.in_news = False
        if _title_over_header(line, nxt):
            self.cuts.add(self.lines[_head_start(self.lines, k)][0])
            self.in_news = False

    def _news_headline(self, line: str, nxt: str, dateline) -> bool:
        """A news headline printed after its body: a short bare line followed by a
        new lede or by nothing."""
        return bool(self.in_news and self.body_since_cut and not _has_body(line)
                    and _is_signature(line) and len(line) <= 30 and not dateline
                    and (not nxt or L.pattern("news_lede").match(nxt)))


def _boundaries(text: str) -> list:
    """Character positions in ``text`` where a new document starts."""
    scan = _Cuts(text)
    for k in range(len(scan.lines)):
        scan.read(k)
    return sorted(c for c in scan.cuts if 0 < c < len(text))


def _has_body_text(text: str) -> bool:
    """A body sentence before any 版记 (抄送/分送 lines and what follows them)."""
    for line in text.split("\n"):
        if L.pattern("block_start").match(line) and not line.startswith(_note_heads()):
            return False
        if _has_body(line) and not L.pattern("printed_line").match(line):
            return True
    return False


def _segments(text: str) -> list:
    """Boundaries as (start, end) spans; stretches without body join a neighbour."""
    edges = [0] + _boundaries(text) + [len(text)]
    spans = [(a, b) for a, b in zip(edges, edges[1:]) if text[a:b].strip()]
    merged = []
    for a, b in spans:
        if merged and not _has_body_text(text[a:b]):
            merged[-1] = (merged[-1][0], b)
        elif merged and not _has_body_text(text[merged[-1][0]:merged[-1][1]]):
            merged[-1] = (merged[-1][0], b)       # a leading header block joins its body
        else:
            merged.append((a, b))
    return merged


def _document(source: Source, text: str, offsets: list, a: int, b: int, index: int) -> Document:
    while a < b and text[a] in " \n":
        a += 1
    while b > a and text[b - 1] in " \n":
        b -= 1
    doc_text = text[a:b]
    doc_offsets = offsets[a:b] + [offsets[b - 1] + 1 if b > a else offsets[a]]
    return Document(source=source, text=doc_text, offsets=doc_offsets,
                    sentences=split_sentences(doc_text), index=index)


def _link_issued(docs: list) -> None:
    """A notice that issues 《T》 lends its issuer (and T as title) to the document T.

    The plan printed after 关于印发《X》的通知 is X; an untitled document next
    to the notice whose kind matches T is T (PDF extraction may move the title).
    Inherited values have no spans: they do not stand in the document's text.
    """
    for i, doc in enumerate(docs):
        m = L.pattern("issued").search(doc.meta.title or "")
        if not m:
            continue
        issued = m.group(1)
        for other in docs[max(0, i - 1): i + 2]:
            if other is not doc and _lend(doc.meta, other.meta, issued, doc.index):
                break


def _lend(meta, other, issued: str, index: int) -> bool:
    """Make ``other`` the document T that ``meta``'s notice issues, when it is; says whether it was."""
    same = L.match_key(other.title or "") == L.match_key(issued)
    untitled = other.title is None and other.kind == L.kind_of(issued)
    if not (same or untitled):
        return False
    if untitled:
        other.title = issued
    other.issued_by = index
    if meta.issuer is not None and other.issuer is None:
        other.issuer, other.issuer_spans = meta.issuer, []
    for key in ("date", "jurisdiction_hints"):
        if getattr(meta, key) and not getattr(other, key):
            setattr(other, key, getattr(meta, key))
    return True


def _cut(text: str, a: int, b: int, limit: int) -> int:
    """Where to end a part that starts at ``a``: after the last paragraph end before
    ``a + limit``, else the last sentence end, else at the limit itself."""
    end = a + limit
    for marks in ("\n", "。！？；!?;"):
        cut = max(text.rfind(m, a + limit // 2, end) for m in marks)
        if cut > a:
            return cut + 1
    return end


def _parts(text: str, a: int, b: int, limit: int = MAX_DOC_CHARS) -> list:
    """(a, b) as spans of at most ``limit`` characters."""
    spans = []
    while b - a > limit:
        cut = _cut(text, a, b, limit)
        spans.append((a, cut))
        a = cut
    return spans + [(a, b)]


def split_documents(source: Source) -> list:
    """The documents in one file, each with its text, offsets, sentences and meta."""
    from orgkg.extractors.read.metadata import extract_metadata

    text, offsets = normalize(source.raw)
    docs = []
    for a, b in (part for seg in _segments(text) for part in _parts(text, *seg)):
        doc = _document(source, text, offsets, a, b, len(docs))
        doc.meta = extract_metadata(doc)
        docs.append(doc)
    _link_issued(docs)
    if not docs:
        docs.append(Document(source=source, text="", offsets=[len(source.raw)], index=0))
    return docs
