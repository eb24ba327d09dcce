"""Official-document elements (公文要素) of one Document -> ``Document.meta``.

Keys (absent when the text does not have them); every ``*_span`` is a
(start, end) pair in ``Document.text``, ready for ``doc.mention(start, end)``:

    number, number_parts {code, year, serial}   发文字号: 渝科协党组发〔2022〕35号
    title, title_span, kind                      kind: notice | opinion | plan |
                                                 resolution | speech | report | news | other
    issuer, issuer_spans                         title prefix (X关于… / X印发…) or signature
                                                 (joint issuers signing one under the other:
                                                 their lines joined, one span each)
    date, date_span                              ISO date of signature / byline / 通过
    speaker, speaker_span                        speeches: the name under the dated byline
    addressees, addressee_spans                  主送: the line after the title ending in ：
    copies, copy_spans                           分送 / 抄送 / 报送
    printer, printed, printer_span               版记: X办公室 2022年3月8日印发
    publisher, publisher_span                    a web page's 发布机构：X
    source_line                                  摘自《重庆日报》… / 来源：…
    jurisdiction_hints                           provinces named by the number's prefix,
                                                 the issuer or the header
    adopted_by                                   resolutions: （…全体会议通过） -> the meeting
    issued_by                                    index of the notice in the same file that
                                                 issues this document (set by split; the
                                                 issuer, date and even the title may then be
                                                 inherited from it, without spans)
"""
from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path
from types import SimpleNamespace

from orgkg.extractors.read import lines as L
from orgkg.extractors.read.document import DocumentMeta

_DATA = Path(__file__).resolve().parent.parent / "data"
_SEP = "，,；;"
_PERSON = re.compile(r"^[\u4e00-\u9fff]{2,4}$")


@lru_cache(maxsize=1)
def provinces() -> tuple:
    """(abbrev, name, short) rows of data/province_abbrev.tsv."""
    rows = []
    for line in (_DATA / "province_abbrev.tsv").read_text(encoding="utf-8").splitlines():
        if line and not line.startswith("#"):
            rows.append(tuple(line.split("\t")[:3]))
    return tuple(rows)


@lru_cache(maxsize=None)
def _words() -> SimpleNamespace:
    """The words of read.yaml's metadata section: numerals, the last characters of a
    body's name, and the fixed words of 公文 lines."""
    w = L.layout("metadata")
    digits = {c: i for i, c in enumerate(w["cn_digits"])} | {w["cn_zero"]: 0}
    return SimpleNamespace(digits=digits, ten=w["cn_ten"], org_end=set(w["org_end"]),
                           comrade=w["comrade"], header_end=w["header_end"],
                           adopted=w["adopted_word"], number_format=w["number_format"], each=w["each"])


def cn_int(s: str) -> int:
    """'二十五' -> 25, '十' -> 10, '〇八' -> 8, '2023' -> 2023."""
    if s.isdigit():
        return int(s)
    digits, ten = _words().digits, _words().ten
    if ten in s:
        tens, _, ones = s.partition(ten)
        return (digits.get(tens, 1) if tens else 1) * 10 + (digits.get(ones, 0) if ones else 0)
    return int("".join(str(digits[c]) for c in s))


def parse_date(s: str):
    """ISO date of the first date in s: 2022 年 3 月 8 日, 二〇二三年七月七日."""
    m = L.pattern("date").search(s)
    if not m:
        return None
    parts = L.pattern("date_parts").split(m.group(0))
    try:
        y, mo, d = (cn_int(p) for p in parts[:3])
    except (KeyError, ValueError):
        return None
    if not (1 <= mo <= 12 and 1 <= d <= 31):
        return None
    return f"{y:04d}-{mo:02d}-{d:02d}"


def parse_number(s: str):
    """'渝科协党组发[2022] 35号' -> ('渝科协党组发〔2022〕35号', {code, year, serial})."""
    m = L.pattern("number_parts").search(s)
    if not m:
        return None
    code, year, serial = m.group(1), int(m.group(2)), int(m.group(3))
    standard = _words().number_format.format(code=code, year=year, serial=serial)
    return standard, {"code": code, "year": year, "serial": serial}


def split_names(text: str, base: int = 0) -> list:
    """Names in a list line, as (name, start, end): split on ，；, and on 、 when
    every piece is a body of its own (各省、自治区、直辖市科协 stays whole)."""
    out = []
    for part, start in _split_top(text, _SEP + "。", base):
        pieces = _split_top(part, "、", start)
        if len(pieces) > 1 and all(_org_like(p) for p, _ in pieces):
            out.extend((p, s, s + len(p)) for p, s in pieces)
        else:
            out.append((part, start, start + len(part)))
    return [(n, s, e) for n, s, e in out if n]


def _split_top(text: str, seps: str, base: int) -> list:
    """Split at separators outside brackets; pieces trimmed, with their start."""
    pieces, depth, start = [], 0, 0
    for i, ch in enumerate(text + seps[0]):
        if ch in "（(《":
            depth += 1
        elif ch in "）)》":
            depth = max(0, depth - 1)
        elif (ch in seps and depth == 0) or i == len(text):
            piece = text[start:i]
            lead = len(piece) - len(piece.lstrip())
            piece = piece.strip().rstrip("：:。")
            if piece:
                pieces.append((piece, base + start + lead))
            start = i + 1
    return pieces


def _org_like(name: str) -> bool:
    core = re.sub(r"[（(][^）)]*[）)]$", "", name)
    return bool(core) and (core[-1] in _words().org_end or core.endswith(_words().comrade))


def _lines(text: str) -> list:
    out, pos = [], 0
    for line in text.split("\n"):
        out.append((pos, line))
        pos += len(line) + 1
    return out


def _title(lines: list):
    """Index of the title line: a title in the head of the document, a line over a
    dated byline, a bare first line (a headline), or a bare last line (a news
    headline printed after its story)."""
    for find in (_title_in_head, _headline_first, _headline_last):
        k = find(lines)
        if k is not None:
            return k
    return None


def _title_in_head(lines: list):
    head = lines[:8]
    for k, (pos, line) in enumerate(head):
        nxt = head[k + 1][1] if k + 1 < len(head) else ""
        if L.is_title(line) or (_dated(nxt) and _bare(line, 80)):
            return k
    return None


def _dated(line: str) -> bool:
    """A dated byline: （2023年9月8日）."""
    return bool(L.is_wrapped(line) and L.pattern("date").search(line))


def _bare(line: str, longest: int) -> bool:
    """Short enough for a title, and neither a sentence nor a heading."""
    return (len(line) <= longest and not L.ends_terminal(line)
            and not L.pattern("heading").match(line))


def _headline_first(lines: list):
    first = lines[0][1] if lines else ""
    if (first and _bare(first, 40) and not L.pattern("number_line").match(first)
            and not L.pattern("dateline").match(first)
            and not first.endswith(_words().header_end)):
        return 0
    return None


def _headline_last(lines: list):
    last = lines[-1][1] if lines else ""
    if (last and len(last) <= 40 and not L.ends_terminal(last)
            and not L.pattern("printed_line").match(last)
            and not L.pattern("date_line").match(last) and len(lines) > 2):
        return len(lines) - 1
    return None


def extract_metadata(doc) -> DocumentMeta:
    """Meta of one Document (see the module docstring for the keys)."""
    lines = _lines(doc.text)
    meta = {}
    _number(lines, meta)
    k = _title(lines)
    if k is not None:
        pos, line = lines[k]
        _addressees(lines, k, meta)
        # a notice names the document it issues: 中国科协印发《T》的通知 is the title, not T
        for p2, l2 in lines:
            if l2 != line and L.is_title(l2) and f"《{line}》" in l2:
                pos, line, k = p2, l2, lines.index((p2, l2))
        dateline = L.pattern("title_dateline").match(line)
        if dateline:      # 新华社北京10月12日电 某某公报: the agency's dateline is no part of the title
            pos, line = pos + dateline.end(), line[dateline.end():]
        meta["title"], meta["title_span"] = line, (pos, pos + len(line))
        meta["kind"] = L.kind_of(line)
        _byline(lines, k, meta)
        if "addressees" not in meta:
            _addressees(lines, k, meta)
    if "addressees" not in meta:
        _untitled_addressees(lines, meta)
    _kind_fallback(lines, meta)
    _signature(lines, meta)
    _issuer_from_title(meta)
    _issuer_from_header(lines, meta)
    _copies(lines, meta)
    _printer(lines, meta)
    _publisher(lines, meta)
    for pos, line in lines:
        if L.pattern("source_line").match(line):
            meta.setdefault("source_line", line.strip("（）()"))
    _jurisdiction(lines, meta)
    return DocumentMeta(**meta)


def _number(lines, meta):
    """A 发文字号 on a line of its own anywhere (PDFs move it), else in the header lines
    (渝科协发〔2022〕35号 签发人：…)."""
    candidates = [line for _, line in lines if L.pattern("number_line").match(line)]
    candidates += [line for _, line in lines[:4] if L.pattern("number").search(line)]
    for line in candidates:
        parsed = parse_number(line)
        if parsed:
            meta["number"], meta["number_parts"] = parsed
            return


def _byline(lines, k, meta):
    """（2023年9月8日） and a speaker's name under a title; （…会议通过） under a resolution."""
    for j in range(k + 1, min(k + 3, len(lines))):
        pos, line = lines[j]
        if L.is_wrapped(line) and L.pattern("date").search(line):
            m = L.pattern("date").search(line)
            meta["date"], meta["date_span"] = parse_date(line), (pos + m.start(), pos + m.end())
            if L.pattern("adopted").search(line):
                meta["adopted_by"] = line[m.end():].strip("（）()").removesuffix(_words().adopted)
            if j + 1 < len(lines) and _PERSON.match(lines[j + 1][1]):
                p2, name = lines[j + 1]
                meta["speaker"], meta["speaker_span"] = name, (p2, p2 + len(name))
                if meta.get("kind") in (None, "other", "report"):
                    meta["kind"] = "speech"
            return


def _addressees(lines, k, meta):
    for j in range(k + 1, min(k + 4, len(lines))):
        pos, line = lines[j]
        # (an article or an item that opens a list, 第三条某部设下列内设机构：, addresses no one)
        if line.endswith(("：", ":")) and "。" not in line and not line.startswith(_words().comrade) \
                and not L.pattern("heading").match(line) and not L.pattern("opens_list").search(line):
            names = split_names(line[:-1], pos)
            if not any(_org_like(n) or _words().each in n for n, _, _ in names):
                continue      # 决定任命：heads a list of appointments, no addressee
            meta["addressees"] = [n for n, _, _ in names]
            meta["addressee_spans"] = [(s, e) for _, s, e in names]
            return


def _untitled_addressees(lines, meta):
    """A copy that starts at the addressee line (云南某园区管委会，各乡镇人民政府，市级各部门：):
    the first line, when it ends with ：and lists nothing but bodies."""
    if not lines:
        return
    pos, line = lines[0]
    names = split_names(line[:-1], pos) if line.endswith(("：", ":")) and "。" not in line else []
    if names and all(_org_like(n) or _words().each in n for n, _, _ in names):
        meta["addressees"] = [n for n, _, _ in names]
        meta["addressee_spans"] = [(s, e) for _, s, e in names]


def _kind_fallback(lines, meta):
    if "kind" in meta and meta["kind"] != "other":
        return
    first = lines[0][1] if lines else ""
    if L.pattern("note").match(first):
        meta["kind"] = "other"
        return
    head = "".join(line for _, line in lines[:4])
    m = L.pattern("as_kind").search(head)
    if m:
        meta["kind"] = L.kind_of(m.group(1))
    elif any(L.pattern("dateline").search(line) or L.pattern("source_line").match(line)
             for _, line in lines):
        meta["kind"] = "news"
    elif meta.get("addressees"):
        meta["kind"] = "notice"      # addressed to bodies with no title: a notice's body
    else:
        meta.setdefault("kind", "other")


def _signature(lines, meta):
    """A body name on its own line right before the closing date line."""
    for j in range(len(lines) - 1, 0, -1):
        pos, line = lines[j]
        if L.pattern("date_line").match(line) and line[0] not in "（(":
            # joint issuers sign one under the other: 中共某县委 / 某县人民政府
            k = j
            while k > max(0, j - 3) and _signature_line(lines[k - 1][1]):
                k -= 1
            if k < j:
                meta["issuer"] = "".join(name for _, name in lines[k:j])
                meta.setdefault("issuer_spans", []).extend((p0, p0 + len(name)) for p0, name in lines[k:j])
            m = L.pattern("date").search(line)
            if "date" not in meta:
                meta["date"], meta["date_span"] = parse_date(line), (pos + m.start(), pos + m.end())
            return


def _signature_line(name: str) -> bool:
    # a labelled line (联系人：…，电话：…) above the signature is no part of it
    return 2 <= len(name) <= 40 and not L.ends_terminal(name) and not any(c in name for c in "：:") \
        and _org_like_issuer(name)


def _org_like_issuer(name: str) -> bool:
    return _org_like(name) and not L.pattern("heading").match(name) and "《" not in name


def _issuer_from_header(lines, meta):
    """The 红头 of a 公文: 'X文件' on a line of its own at the top."""
    for pos, line in lines[:3]:
        m = L.pattern("header_issuer").match(line)
        if m and _org_like_issuer(m.group(1)):
            meta.setdefault("issuer", m.group(1))
            meta.setdefault("issuer_spans", []).append((pos, pos + len(m.group(1))))
            return


def _issuer_from_title(meta):
    title = meta.get("title")
    if not title:
        return
    m = L.pattern("title_issuer").match(title)
    if not m or "《" in m.group(1):
        return
    name = m.group(1)
    if not _org_like_issuer(name):
        return
    start = meta["title_span"][0]
    meta.setdefault("issuer", name)
    spans = meta.setdefault("issuer_spans", [])
    spans.insert(0, (start, start + len(name)))


def _copies(lines, meta):
    for j, (pos, line) in enumerate(lines):
        m = L.pattern("copy_head").match(line)
        if not m:
            continue
        names = split_names(line[m.end():], pos + m.end())
        for p2, more in lines[j + 1:]:
            if (len(more) > 60 or L.pattern("copy_head").match(more)
                    or L.pattern("printed_line").match(more)):
                break
            names += split_names(more, p2)
        meta["copies"] = [n for n, _, _ in names]
        meta["copy_spans"] = [(s, e) for _, s, e in names]
        return


def _printer(lines, meta):
    for pos, line in lines:
        m = L.pattern("printed_line").match(line)
        if m:
            meta["printer"] = m.group("body").strip()
            meta["printed"] = parse_date(m.group("date"))
            meta["printer_span"] = (pos + m.start("body"), pos + m.start("body") + len(meta["printer"]))
            return


def _publisher(lines, meta):
    for pos, line in lines[:6]:
        m = L.pattern("publisher_line").search(line)
        if m:
            meta["publisher"] = m.group("body")
            meta["publisher_span"] = (pos + m.start("body"), pos + m.end("body"))
            return


def _jurisdiction(lines, meta):
    hints = []
    code = meta.get("number_parts", {}).get("code", "")
    header = " ".join(filter(None, [meta.get("issuer"), meta.get("title"), meta.get("source_line")]))
    for abbrev, name, short in provinces():
        if code.startswith(abbrev) and name not in hints:
            hints.append(name)
    for abbrev, name, short in provinces():
        if (short in header or name in header) and name not in hints:
            hints.append(name)
    if hints:
        meta["jurisdiction_hints"] = hints
