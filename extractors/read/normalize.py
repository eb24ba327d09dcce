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
from collections import Counter

from orgkg.extractors.read import lines as L

_SPACE = set(" \t\r\u3000\u00a0\u200b\ufeff\x0c\x0b")
_KEEP_FULL = set("（），：；！？")
_PAGE_NO = re.compile(r"^[-—–－~〜·\s]*(?:第\s*)?\d{1,4}(?:\s*页)?(?:\s*(?:/|共)\s*\d{1,4}\s*页?)?[-—–－~〜·\s]*$")
_JOIN_END = ("的", "和", "与", "及", "暨", "之", "关于", "、", "，", ",", "或", "对", "把", "将", "为")
_JOIN_START = tuple("的和与及暨之、，。；：》”）)")
_NO_JOIN_START = re.compile(r"^(?:关于|在.{0,40}的(?:讲话|致辞|发言))")


def fold(ch: str) -> str:
    """Full-width letters, digits and ASCII punctuation -> half-width (one character)."""
    if "\uff01" <= ch <= "\uff5e" and ch not in _KEEP_FULL:
        return unicodedata.normalize("NFKC", ch)
    return ch


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
    return s if s.isascii() else _HALF_PUNCT.sub(lambda m: _WIDE[m.group()], s)


_FOLD = {c: fold(chr(c)) for c in range(0xFF01, 0xFF5F) if chr(c) not in _KEEP_FULL}
_FOLD_DROP_SPACE = _FOLD | {ord(c): None for c in _SPACE}
_WIDE_SPACES = [c for c in _SPACE if not c.isascii()]
_RUNS = re.compile(r"[^\s\u200b\ufeff]+")
_NEWLINE = re.compile(r"\r\n?|\n")


def _is_cjkish(ch: str) -> bool:
    return not (ch.isascii() and (ch.isalnum() or ch in "-_/.%&+'\""))


def width(s: str) -> float:
    """Printed width in CJK cells: ASCII characters and spaces count half."""
    narrow = len(s.encode("ascii", "ignore")) + sum(s.count(c) for c in _WIDE_SPACES)
    return len(s) - narrow / 2


class _Seg:
    """One line (or part of a line after 。+space) of the raw text."""
    __slots__ = ("a", "b", "text", "blank", "inline", "w")

    def __init__(self, raw, a, b, blank, inline):
        self.a, self.b, self.blank, self.inline = a, b, blank, inline
        self.text = widen(raw[a:b].translate(_FOLD_DROP_SPACE))
        self.w = width(raw[a:b])


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
            for m in re.finditer(r"[。！？；](?:[”’」』）)]?)([ \t\u3000]+)(?=\S)", raw[line_a:b]):
                cut = line_a + m.start(1)
                segs.append(_Seg(raw, a, cut, blank, inline))
                a, blank, inline = line_a + m.end(1), 0, True
            last = _Seg(raw, a, b, blank, inline)
            last.w = width(raw[line_a:b])   # the line's right edge decides wrapping
            segs.append(last)
            blank = 0
        pos = after
    return segs


def _drop_furniture(segs: list) -> list:
    """Page numbers, and running headers: the same short line three times or more,
    or twice when each time it stands next to a page number or the file's edge."""
    page_no = [not s.inline and bool(_PAGE_NO.match(s.text)) for s in segs]
    counts = Counter(s.text for s in segs if not s.inline and len(s.text) <= 40)
    near_edge = Counter()
    for i, s in enumerate(segs):
        if i <= 1 or i >= len(segs) - 2 or any(page_no[max(0, i - 2): i + 3]):
            near_edge[s.text] += 1
    # a short notice names its issuer above the title and again over the closing date:
    # a line standing over a date line is a signature, never a running header
    signed = {s.text for s, nxt in zip(segs, segs[1:]) if L.DATE_LINE.match(nxt.text)}
    keep = []
    for i, s in enumerate(segs):
        if page_no[i]:
            continue
        repeated = counts[s.text] >= 3 or (counts[s.text] == 2 and near_edge[s.text] == 2
                                           and s.text not in signed)
        if (repeated and not s.inline and not L.HEADING.match(s.text)
                and not any(c in s.text for c in "。：:，")):
            continue
        keep.append(s)
    return keep


def _local_widths(segs: list, radius: int = 8, max_width: float = 80) -> list:
    """The wrap width around each line: the widest width shared by 3 nearby lines.

    Lines wrapped by the page share one width (12 cells at least); titles, captions and
    paragraph ends do not. Without such a width (one paragraph per line),
    no line counts as full and only punctuation decides.
    """
    ws = [s.w for s in segs]
    out = []
    for i in range(len(segs)):
        window = sorted((w for w in ws[max(0, i - radius): i + radius + 1] if w <= max_width),
                        reverse=True)
        wide = float("inf")
        for v in window:
            if v >= 12 and sum(1 for w in window if v - 1.5 <= w <= v) >= 3:
                wide = v
                break
        out.append(wide)
    return out


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
        for k, (a, b) in enumerate((("《", "》"), ("“", "”"), ("（(", "）)"))):
            opened = self.depth[k] + sum(text.count(c) for c in a) - sum(text.count(c) for c in b)
            self.depth[k] = max(0, opened)     # a stray closer does not cancel a later opener

    @property
    def open(self) -> bool:
        return any(d > 0 for d in self.depth)


def _standalone(t: str) -> bool:
    return bool(L.DATE_LINE.match(t) or L.NUMBER_LINE.match(t) or L.is_wrapped(t)
                or L.PRINTED_LINE.match(t) or L.SOURCE_LINE.match(t))


def _hard_break(para: "_Para", prev, nxt, wide: float, blank_breaks: bool) -> bool:
    """Whether the line break between prev and nxt ends a paragraph.

    ``para`` is the paragraph built so far (prev joined to the lines before it).
    """
    cur = para.head
    p, n = prev.text, nxt.text
    if nxt.inline or L.ends_terminal(p):
        return True
    if L.HEADING.match(n) or L.BLOCK_START.match(n) or _standalone(n) or L.DATELINE.match(n):
        return True
    if para.open or p.endswith(_JOIN_END) or n.startswith(_JOIN_START):
        return False
    if _standalone(p):
        return True
    # body text (it has punctuation) may end a line a little early, and its first
    # line is indented two cells; a line without punctuation must fill the width
    body = any(c in p for c in "，。；、：,“”（）")
    indent = 2 if para.lines == 1 and any(c in p for c in "，。；、,") else 0
    short = prev.w + indent < (0.75 if body else 0.9) * wide - 1
    next_short = nxt.w < 0.8 * wide - 1 and not L.ends_terminal(n)
    if (n.startswith("关于") and not _NO_JOIN_START.match(p) and short and len(p) <= 30
            and not L.HEADING.match(p)):
        return False      # 中共X委员会 / 关于…的通知: one title
    if not para.long and L.is_title(cur) and (
            short or n.endswith(("：", ":")) or "关于" in re.sub(r"《[^》]*》", "", cur)):
        return True
    if blank_breaks and nxt.blank:
        return True
    if L.HEADING.match(cur) and not any(c in cur for c in "。；！？"):
        # a heading wraps onto a short second line; a list item runs on at full width
        return not (next_short or prev.w >= 0.95 * wide - 0.5)
    if cur.startswith("在") and short and next_short:
        return False      # 在…上的讲话 wrapped over short lines
    if wide == float("inf"):
        # no wrap width to go by (one paragraph per line): a sentence that has
        # started (punctuation, or long) goes on; a short bare line is a block
        return not (indent or para.long or len(cur) >= 24)
    return short


def normalize(raw: str, start: int = 0, end: int | None = None) -> tuple:
    """Return (text, offsets) for raw[start:end]; offsets has len(text) + 1 entries."""
    end = len(raw) if end is None else end
    segs = _drop_furniture(_segments(raw, start, end))
    full_lines = [s for s in segs[1:] if not s.inline]
    blank_breaks = sum(1 for s in full_lines if s.blank) < 0.5 * max(1, len(full_lines))
    wides = _local_widths(segs)
    out, offsets = [], []
    para = _Para()
    for i, seg in enumerate(segs):
        if i:
            prev = segs[i - 1]
            if _hard_break(para, prev, seg, wides[i - 1], blank_breaks):
                out.append("\n")
                offsets.append(prev.b)
                para = _Para()
            elif out and out[-1][-1].isascii() and out[-1][-1].isalnum() \
                    and seg.text[:1].isascii() and seg.text[:1].isalnum():
                out.append(" ")
                offsets.append(prev.b)
        para.add(seg.text)
        _emit(raw, seg.a, seg.b, out, offsets)
    offsets.append(offsets[-1] + 1 if offsets else end)
    return "".join(out), offsets


def _emit(raw: str, a: int, b: int, out: list, offsets: list) -> None:
    """Copy raw[a:b], folding full-width forms; keep one space only between Latin words."""
    last = out[-1][-1] if out else ""
    for m in _RUNS.finditer(raw, a, b):
        run = widen(m.group(0).translate(_FOLD))
        if last and m.start() > a and not _is_cjkish(last) and not _is_cjkish(run[0]):
            out.append(" ")
            offsets.append(m.start() - 1)
        out.append(run)
        offsets.extend(range(m.start(), m.end()))
        last = run[-1]
