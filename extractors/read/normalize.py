"""Normalise PDF-extracted text for matching, keeping a map back to the raw offsets.

Text extracted from PDFs breaks lines where the page did, sometimes in the
middle of a word (重\\n庆), sometimes with a blank line after every line, and
carries page numbers and running headers. ``normalize`` rebuilds paragraphs:

* a line break stays (as one "\\n") where a paragraph, heading, title or
  block ends: the line ends with 。！？；：, the next line is a heading
  (一、 （一） 1. ① ——), a date or a number line, or the line is clearly
  shorter than the lines around it;
* it is dropped where the sentence goes on: the line is as wide as its
  neighbours, ends with ， or 的, leaves 《 or “ open, or the next line starts
  with 的/和/、;
* blank lines count as paragraph breaks only in files that do not put a
  blank line after nearly every line;
* spaces between CJK characters, digits and CJK punctuation are dropped
  ("2022 年 3 月" -> "2022年3月"); a space between two Latin words stays;
* full-width letters, digits and ASCII punctuation fold to half-width;
  Chinese punctuation (，。、：；（）《》“”！？) stays as it is.

``offsets[i]`` is the index in ``raw`` of ``text[i]``; the list has
``len(text) + 1`` entries (the last one is one past the final character).

>>> text, offsets = normalize("会议，在重\\n庆召开 2022 年")
>>> text, offsets[3:7]
('会议，在重庆召开2022年', [3, 4, 6, 7])
"""
from __future__ import annotations

import re
import unicodedata
from bisect import bisect_left, bisect_right, insort
from collections import Counter
from functools import lru_cache
from types import SimpleNamespace

from orgkg.extractors.read import lines as L

_SPACE = set(" \t\r\u3000\u00a0\u200b\ufeff\x0c\x0b")
_KEEP_FULL = set("（），：；！？")


def fold(ch: str) -> str:
    """Full-width letters, digits and ASCII punctuation -> half-width (one character)."""
    if "\uff01" <= ch <= "\uff5e" and ch not in _KEEP_FULL:
        return unicodedata.normalize("NFKC", ch)
    return ch


@lru_cache(maxsize=None)
def _words() -> SimpleNamespace:
    """What read.yaml says about joining lines: the words a line that goes on ends or
    starts with, and the words that open a title (关于) or a speech title (在)."""
    w = L.layout("normalize")
    return SimpleNamespace(join_end=tuple(w["join_end"]), join_start=tuple(w["join_start"]),
                           title_opener=w["title_opener"], speech_opener=w["speech_opener"],
                           roster_separator=w["roster_separator"], roster_max_chars=w["roster_max_chars"])


# Half-width punctuation typed in Chinese text (",", ":", "(" …) is read as the Chinese
# mark: rules, sentence ends and line joining only know the Chinese ones. Same length, so
# offsets hold; "10:30", "1,000", "2.5" and "(a)" stay as they are.
_WIDE = {",": "，", ":": "：", ";": "；", "(": "（", ")": "）", "!": "！", "?": "？", ".": "。"}
_HALF_PUNCT = re.compile(r"(?<=[\u4e00-\u9fff）》”])[,:;!?.)]|[,:;!?](?=[\u4e00-\u9fff])|\((?=[\u4e00-\u9fff])"
                         r"|(?<=[\u4e00-\u9fff])\(|\)(?=[\u4e00-\u9fff，。、：；])")


def widen(s: str) -> str:
    """Half-width punctuation next to Chinese characters -> the Chinese mark.

    >>> widen("各区、县(市)人民政府,市政府各部门:请落实.")
    '各区、县（市）人民政府，市政府各部门：请落实。'
    """
    if s.isascii() or not _HALF_CHARS.search(s):      # most lines: nothing to widen
        return s
    return _HALF_PUNCT.sub(lambda m: _WIDE[m.group()], s)


_HALF_CHARS = re.compile("[" + re.escape("".join(_WIDE)) + "]")


_FOLD = {c: fold(chr(c)) for c in range(0xFF01, 0xFF5F) if chr(c) not in _KEEP_FULL}
_FOLD_DROP_SPACE = _FOLD | {ord(c): None for c in _SPACE}
_WIDE_SPACES = [c for c in _SPACE if not c.isascii()]
_RUNS = re.compile(r"[^\s\u200b\ufeff]+")
_RUN_BREAK = re.compile(r"[\s\u200b\ufeff]")
_NEWLINE = re.compile(r"\r\n?|\n")
# a character that folding, widening or _emit changes or leaves out
_TO_CHANGE = re.compile("[" + re.escape("".join(map(chr, _FOLD_DROP_SPACE)) + "".join(_WIDE)) + r"\s\u200b\ufeff]")
_GAP_AFTER_STOP = re.compile(r"[。！？；](?:[”’」』）)]?)([ \t\u3000]+)(?=\S)")


def _is_cjkish(ch: str) -> bool:
    return not (ch.isascii() and (ch.isalnum() or ch in "-_/.%&+'\""))


def width(s: str) -> float:
    """Printed width in CJK cells: ASCII characters and spaces count half."""
    narrow = len(s.encode("ascii", "ignore")) + sum(map(s.count, _WIDE_SPACES))
    return len(s) - narrow / 2


class _Seg:
    """One line (or part of a line after 。+space) of the raw text."""
    __slots__ = ("a", "b", "text", "blank", "inline", "w", "gapped", "whole", "_alone")

    def __init__(self, raw, a, b, blank, inline, w=None):
        self.a, self.b, self.blank, self.inline = a, b, blank, inline
        line = raw[a:b]
        self.w = width(line) if w is None else w
        self._alone = None
        if not _TO_CHANGE.search(line):      # most lines: nothing to fold, widen or leave out
            self.text, self.gapped, self.whole = line, False, True
            return
        self.text = widen(line.translate(_FOLD_DROP_SPACE))
        self.gapped = len(self.text) < b - a     # spaces inside the line (张三　市委书记)
        # one run of characters, nothing between them that _emit leaves out: its text as is
        self.whole = not self.gapped and not _RUN_BREAK.search(raw, a, b)

    def standalone(self) -> bool:
        """Whether the line stands alone (a date, a number …); asked of it as the next
        line and again as the last one, worked out once."""
        if self._alone is None:
            self._alone = _standalone(self.text)
        return self._alone


def _segments(raw: str, start: int, end: int) -> list:
    segs, blank, pos = [], 0, start
    while pos < end:
        nl = _NEWLINE.search(raw, pos, end)          # \n, \r\n, or a lone \r (old Mac files)
        stop, after = (end, end) if nl is None else (nl.start(), nl.end())
        a, b = pos, stop
        while a < b and raw[a] in _SPACE:
            a += 1
        while b > a and raw[b - 1] in _SPACE:
            b -= 1
        line_a = a
        if a == b:
            blank += 1
        else:
            inline = False
            # "…落实。 中国科协": a gap after a full stop inside one line is a break
            for m in _GAP_AFTER_STOP.finditer(raw, line_a, b):
                segs.append(_Seg(raw, a, m.start(1), blank, inline))
                a, blank, inline = m.end(1), 0, True
            # the line's right edge decides wrapping
            segs.append(_Seg(raw, a, b, blank, inline, width(raw[line_a:b])))
            blank = 0
        pos = after
    return segs


def _drop_furniture(segs: list) -> list:
    """Page numbers, and running headers: the same short line three times or more,
    or twice when each time it stands next to a page number or the file's edge."""
    page_no = [not s.inline and bool(L.pattern("page_number").match(s.text)) for s in segs]
    repeated = _repeated_lines(segs, page_no)
    return [s for i, s in enumerate(segs) if not page_no[i] and not _running_header(s, repeated)]


def _repeated_lines(segs: list, page_no: list) -> set:
    counts = Counter(s.text for s in segs if not s.inline and len(s.text) <= 40)
    near_edge = _near_edge_counts(segs, page_no)
    signed = _signatures(segs)
    return {text for text, n in counts.items()
            if n >= 3 or (n == 2 and near_edge[text] == 2 and text not in signed)}


def _near_edge_counts(segs: list, page_no: list) -> Counter:
    """How often each line stands within two lines of a page number or of the file's edge."""
    near_edge = Counter()
    for i, s in enumerate(segs):
        if i <= 1 or i >= len(segs) - 2 or any(page_no[max(0, i - 2): i + 3]):
            near_edge[s.text] += 1
    return near_edge


def _signatures(segs: list) -> set:
    """A short notice names its issuer above the title and again over the closing date:
    a line standing over a date line is a signature, never a running header."""
    return {s.text for s, nxt in zip(segs, segs[1:]) if L.pattern("date_line").match(nxt.text)}


def _running_header(seg, repeated: set) -> bool:
    # a repeated heading or sentence is the text's own, not the page's
    return (seg.text in repeated and not seg.inline and not L.pattern("heading").match(seg.text)
            and not any(c in seg.text for c in "。：:，"))


def _local_widths(segs: list, radius: int = 8, max_width: float = 80) -> list:
    """The wrap width around each line: the widest width shared by 3 nearby lines.

    Lines wrapped by the page share one width (12 cells at least); titles, captions and
    paragraph ends do not. Without such a width (one paragraph per line),
    no line counts as full and only punctuation decides.
    """
    ws = [s.w if s.w <= max_width else None for s in segs]
    # the widths of lines i - radius … i + radius, kept sorted as the window slides
    window = sorted(w for w in ws[:radius] if w is not None)
    out = []
    for i in range(len(segs)):
        if i + radius < len(ws) and ws[i + radius] is not None:
            insort(window, ws[i + radius])
        if i - radius - 1 >= 0 and ws[i - radius - 1] is not None:
            del window[bisect_left(window, ws[i - radius - 1])]
        out.append(_shared_width(window))
    return out


def _shared_width(window: list) -> float:
    """The widest width (12 cells at least) that 3 widths of the ascending ``window`` share
    within 1.5 cells below it; inf when there is none."""
    for k in range(len(window) - 1, -1, -1):
        v = window[k]
        if v < 12:
            break
        if bisect_right(window, v) - bisect_left(window, v - 1.5) >= 3:
            return v
    return float("inf")


_PAIRS = (("《", "》"), ("“", "”"), ("（(", "）)"))
_BRACKET = re.compile("[" + re.escape("".join(a + b for a, b in _PAIRS)) + "]")


class _Para:
    """The paragraph being built: its head (rules look at how it starts), its
    line count, and whether a 《 “ （ it opened is still open. Kept small so
    that long paragraphs cost linear time."""
    __slots__ = ("head", "lines", "long", "depth")
    HEAD = 120

    def __init__(self):
        self.head, self.lines, self.long = "", 0, False
        self.depth = [0, 0, 0]

    def add(self, text: str) -> None:
        self.lines += 1
        if not self.long:
            self.head += text
            self.long = len(self.head) > self.HEAD
            self.head = self.head[: self.HEAD + 1]
        if not _BRACKET.search(text):
            return
        for k, (a, b) in enumerate(_PAIRS):
            opened = self.depth[k] + sum(map(text.count, a)) - sum(map(text.count, b))
            self.depth[k] = max(0, opened)     # a stray closer does not cancel a later opener

    @property
    def open(self) -> bool:
        return any(self.depth)      # never below 0


# lines that stand alone whatever the layout: a date, a document number, a printer's
# line, a source, a contact; (or fully bracketed: lines.is_wrapped)
STANDALONE_LINES = ("date_line", "number_line", "printed_line", "source_line", "contact_line")


def _standalone(t: str) -> bool:
    return bool(_any_of(STANDALONE_LINES).match(t)) or L.is_wrapped(t)


@lru_cache(maxsize=None)
def _any_of(names: tuple) -> re.Pattern:
    """Patterns ``names`` of read.yaml as one: a line is tried once, not once per pattern."""
    return re.compile("|".join(f"(?:{L.regex(name)})" for name in names))


_BODY_MARKS = re.compile("[，。；、：,“”（）]")
_INDENT_MARKS = re.compile("[，。；、,]")


class _Gap:
    """The line break between prev and nxt, and what the rules look at around it.

    ``para`` is the paragraph built so far (prev joined to the lines before it);
    ``wide`` is the wrap width there (inf when the lines share none).
    """

    def __init__(self, para: "_Para", prev, nxt, wide: float, blank_breaks: bool):
        self.para, self.prev, self.nxt = para, prev, nxt
        self.wide, self.blank_breaks = wide, blank_breaks
        self.cur, self.p, self.n = para.head, prev.text, nxt.text
        # body text (it has punctuation) may end a line a little early, and its first
        # line is indented two cells; a line without punctuation must fill the width
        body = bool(_BODY_MARKS.search(self.p))
        self.indent = 2 if para.lines == 1 and _INDENT_MARKS.search(self.p) else 0
        self.short = prev.w + self.indent < (0.75 if body else 0.9) * wide - 1

    @property
    def next_short(self) -> bool:
        # asked by two late rules only: not worked out for every gap
        return self.nxt.w < 0.8 * self.wide - 1 and not L.ends_terminal(self.n)


# Each rule says True (the paragraph ends), False (it goes on) or None (no say);
# the first one with a say decides, so their order matters.

def _sentence_ended(g: _Gap):
    if g.nxt.inline or L.ends_terminal(g.p):
        return True
    return None


def _block_follows(g: _Gap):
    if _any_of(BLOCK_OPENINGS).match(g.n) or g.nxt.standalone():
        return True
    return None


# a heading, a 抄送/附件 line or a news dateline opens the next line
BLOCK_OPENINGS = ("heading", "block_start", "dateline")


def _lede_after_headline(g: _Gap):
    """A bare line (a headline: no punctuation) before a news lede that opens with its date
    (4月10日，…) ends there, whatever the layout of the rest of the file."""
    if L.pattern("lede").match(g.n) and not any(c in g.p for c in "，。；、：,;:"):
        return True
    return None


def _sentence_goes_on(g: _Gap):
    """An open 《 “ （, a line ending with ，/的, or the next one starting with 的/、."""
    if g.para.open or g.p.endswith(_words().join_end) or g.n.startswith(_words().join_start):
        return False
    return None


def _after_standalone(g: _Gap):
    return True if g.prev.standalone() else None


def _title_goes_on(g: _Gap):
    """中共X委员会 / 关于…的通知: one title over two lines."""
    p = g.p
    if (g.n.startswith(_words().title_opener) and not L.pattern("no_join_start").match(p)
            and g.short and len(p) <= 30 and not L.pattern("heading").match(p)):
        return False
    return None


def _title_ended(g: _Gap):
    cur = g.cur
    if not g.para.long and L.is_title(cur) and (
            g.short or g.n.endswith(("：", ":"))
            or _words().title_opener in re.sub(r"《[^》]*》", "", cur)):
        return True
    return None


def _blank_line(g: _Gap):
    """Only in files that do not put a blank line after nearly every line."""
    return True if g.blank_breaks and g.nxt.blank else None


def _heading_ended(g: _Gap):
    """A heading wraps onto a short second line; a list item runs on at full width."""
    cur = g.cur
    if L.pattern("heading").match(cur) and not any(c in cur for c in "。；！？"):
        return not (g.next_short or g.prev.w >= 0.95 * g.wide - 0.5)
    return None


def _speech_title_goes_on(g: _Gap):
    """在…上的讲话 wrapped over short lines."""
    if g.cur.startswith(_words().speech_opener) and g.short and g.next_short:
        return False
    return None


def _without_wrap_width(g: _Gap):
    """No wrap width to go by (one paragraph per line): a sentence that has started
    (punctuation, or long) goes on; a short bare line is a block."""
    if g.wide == float("inf"):
        return not (g.indent or g.para.long or len(g.cur) >= 24)
    return None


_BREAK_RULES = (_sentence_ended, _block_follows, _lede_after_headline, _sentence_goes_on, _after_standalone,
                _title_goes_on, _title_ended, _blank_line, _heading_ended,
                _speech_title_goes_on, _without_wrap_width)


def _hard_break(para: "_Para", prev, nxt, wide: float, blank_breaks: bool) -> bool:
    """Whether the line break between prev and nxt ends a paragraph.

    ``para`` is the paragraph built so far (prev joined to the lines before it).
    Failing every rule, a line clearly shorter than the wrap width ends it.
    """
    gap = _Gap(para, prev, nxt, wide, blank_breaks)
    for rule in _BREAK_RULES:
        decided = rule(gap)
        if decided is not None:
            return decided
    return gap.short


def normalize(raw: str, start: int = 0, end: int | None = None) -> tuple:
    """Return (text, offsets) for raw[start:end]; offsets has len(text) + 1 entries."""
    end = len(raw) if end is None else end
    segs = _drop_furniture(_segments(raw, start, end))
    full_lines = [s for s in segs[1:] if not s.inline]
    blank_breaks = sum(1 for s in full_lines if s.blank) < 0.5 * max(1, len(full_lines))
    wides = _local_widths(segs)
    out, offsets = [], []
    para, roster = _Para(), False
    for i, seg in enumerate(segs):
        roster = _roster_line(seg, roster)
        if i:
            prev = segs[i - 1]
            if roster or _hard_break(para, prev, seg, wides[i - 1], blank_breaks):
                out.append("\n")
                offsets.append(prev.b)
                para = _Para()
            elif out and _latin_word_ends(out[-1][-1]) and _latin_word_ends(seg.text[:1]):
                out.append(" ")
                offsets.append(prev.b)
        para.add(seg.text)
        _emit_seg(raw, seg, out, offsets, roster)
    offsets.append(offsets[-1] + 1 if offsets else end)
    return "".join(out), offsets


def _latin_word_ends(ch: str) -> bool:
    """Two Latin words across a line break keep one space between them."""
    return ch.isascii() and ch.isalnum()


def _roster_line(seg, in_roster: bool) -> bool:
    """A member's line of a roster (组　长：张三　市委书记, or the next member under it):
    each stays a line of its own, its name apart from its posts."""
    if len(seg.text) > _words().roster_max_chars:
        return False
    if L.pattern("roster_line").match(seg.text):
        return True
    return in_roster and seg.gapped and not L.ends_terminal(seg.text)


def _padding(before: str, after: str) -> bool:
    """Spaces that pad a label or a two-character name to three cells (组　长, 王　芳)."""
    return len(before.rsplit("：", 1)[-1]) == 1 and len(after.split("：", 1)[0]) == 1


def _emit_seg(raw: str, seg: _Seg, out: list, offsets: list, roster: bool) -> None:
    if seg.whole:       # one run of characters: its text as the segment already reads it
        out.append(seg.text)
        offsets.extend(range(seg.a, seg.b))
    else:
        _emit(raw, seg.a, seg.b, out, offsets, _words().roster_separator if roster else "")


def _emit(raw: str, a: int, b: int, out: list, offsets: list, separator: str = "") -> None:
    """Copy raw[a:b], folding full-width forms; keep one space only between Latin words, and
    put ``separator`` where spaces part the fields of a roster line."""
    last = out[-1][-1] if out else ""
    prev = ""
    for m in _RUNS.finditer(raw, a, b):
        run = widen(m.group(0).translate(_FOLD))
        if separator and prev and not _padding(prev, run):
            out.append(separator)
            offsets.append(m.start() - 1)
        elif last and m.start() > a and not _is_cjkish(last) and not _is_cjkish(run[0]):
            out.append(" ")
            offsets.append(m.start() - 1)
        prev = run
        out.append(run)
        offsets.extend(range(m.start(), m.end()))
        last = run[-1]
