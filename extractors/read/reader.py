"""Find input files and decode them into Sources.

``iter_files`` walks the paths given lazily (sorted, hidden files and folders
skipped); ``read_source`` reads one file. Only one file's text is held at a
time, so a batch of any size runs in the memory of its largest file.

What the offsets count (``Source.raw``):

* .txt and other text: the decoded characters, BOM removed, line breaks as
  in the file (``\\r\\n`` counts two);
* .pdf, .docx, .html: the extracted text (PDF text layer, DOCX paragraphs
  and table cells one per line, HTML visible text one block per line). The
  export's start/end then refer to that text, not to the file's bytes.

Every failure is an ``InputError(path, reason)`` with one plain reason, for
the caller to report and go on with the next file.
"""
from __future__ import annotations

import errno
import os
import stat
from pathlib import Path
from dataclasses import dataclass
from typing import Callable, Iterable, Iterator

from orgkg.graph.errors import InputError

from orgkg.extractors.read.document import Source
from orgkg.extractors.read.formats.text import decode_bytes

TEXT_SUFFIXES = {".txt", ".text", ".md"}
HTML_SUFFIXES = {".html", ".htm", ".xhtml"}
MAX_BYTES = 200 * 1024 * 1024
# offsets keep one integer per character: beyond this a file would need gigabytes
MAX_CHARS = 5_000_000


def iter_files(paths: Iterable) -> Iterator[Path]:
    """Files named, and files below folders named, in sorted order; hidden ones skipped.

    A path that does not exist is yielded as it is, so that ``read_source``
    reports it and the batch goes on.
    """
    for p in map(Path, paths):
        if not p.is_dir():
            yield p
            continue
        yield from _walk(p)


def _walk(folder: Path) -> Iterator[Path]:
    """Entries sorted by name, folders entered where they sort; one listing held per level."""
    try:
        entries = sorted(os.scandir(folder), key=lambda e: e.name)
    except OSError:
        yield folder                 # read_source names the problem
        return
    for entry in entries:
        if entry.name.startswith("."):
            continue
        try:
            # linked folders are not entered: a link to a parent would loop forever
            if entry.is_dir(follow_symlinks=False):
                yield from _walk(Path(entry.path))
            elif entry.is_file() or (entry.is_symlink() and not os.path.isdir(entry.path)):
                yield Path(entry.path)   # a broken or looping link: read_source says which
        except OSError:
            yield Path(entry.path)       # a link loop: read_source names it


def read_source(path) -> Source:
    """One file as a Source; raises InputError when it cannot be read."""
    path = Path(path)
    data = _read_bytes(path)
    suffix = path.suffix.lower()
    fmt = _format_of(suffix, data)
    if fmt:
        return _source(path, fmt.read(path, data), fmt.name, fmt.name)
    if suffix in UNSUPPORTED:
        raise InputError(path, f"unsupported file type ({suffix}); convert it to .docx, .pdf or .txt")
    try:
        text, encoding = decode_bytes(data, path)
    except InputError:
        if suffix in TEXT_SUFFIXES:
            raise
        raise InputError(path, "unsupported file type (not text, PDF, DOCX or HTML)") from None
    return _source(path, text, "txt", encoding)


def _format_of(suffix: str, data: bytes):
    """The format a file's suffix names, else (a suffix that says nothing) the one its
    first bytes show; None for text."""
    named = next((f for f in FORMATS.values() if suffix in f.suffixes), None)
    if named or suffix in TEXT_SUFFIXES:
        return named
    return next((f for f in FORMATS.values() if f.sniff and f.sniff(data)), None)


def _read_pdf(path: Path, data: bytes) -> str:
    from orgkg.extractors.read.formats.pdf import read_pdf      # pypdf only when a PDF comes
    return read_pdf(path)


def _read_docx(path: Path, data: bytes) -> str:
    from orgkg.extractors.read.formats.docx import read_docx
    return read_docx(path)


def _read_html(path: Path, data: bytes) -> str:
    from orgkg.extractors.read.formats.html import decode_html, html_to_text
    return html_to_text(decode_html(data, path))


def _is_pdf(data: bytes) -> bool:
    return data.startswith(b"%PDF-")


@dataclass(frozen=True)
class Format:
    """A file format other than plain text: the suffixes that name it, how to recognise it
    from its first bytes (None: by suffix only), and how to get its text."""
    name: str
    suffixes: tuple
    sniff: Callable | None
    read: Callable


FORMATS = {f.name: f for f in (
    Format("pdf", (".pdf",), _is_pdf, _read_pdf),
    Format("docx", (".docx",), lambda data: _is_docx(data), _read_docx),
    Format("html", tuple(sorted(HTML_SUFFIXES)), None, _read_html),
)}
# office and layout formats with no reader here: said so, with what to convert to
UNSUPPORTED = (".doc", ".xls", ".xlsx", ".ppt", ".pptx", ".wps", ".ofd")


def _stat(path: Path) -> os.stat_result:
    try:
        return os.stat(path)
    except FileNotFoundError:
        reason = "broken symbolic link" if os.path.islink(path) else "no such file or folder"
        raise InputError(path, reason) from None
    except OSError as exc:
        if exc.errno == errno.ELOOP:
            raise InputError(path, "symbolic link loop") from None
        raise


def _read_bytes(path: Path) -> bytes:
    try:
        st = _stat(path)
        if not stat.S_ISREG(st.st_mode):
            raise InputError(path, "not a regular file")
        if st.st_size > MAX_BYTES:
            raise InputError(path, f"file larger than {MAX_BYTES // 2**20} MB")
        data = path.read_bytes()
    except PermissionError:
        raise InputError(path, "permission denied") from None
    except OSError as exc:
        raise InputError(path, f"cannot read ({exc.strerror or exc})") from None
    if not data.strip():
        raise InputError(path, "empty file")
    return data


def _is_docx(data: bytes) -> bool:
    return data.startswith(b"PK\x03\x04") and b"word/" in data[:4096]


def _source(path: Path, text: str, fmt: str, encoding: str) -> Source:
    if not text.strip():
        raise InputError(path, "no text in file")
    if len(text) > MAX_CHARS:
        raise InputError(path, f"{len(text):,} characters of text, over the limit of {MAX_CHARS:,}; "
                               "split the file into smaller ones")
    return Source(path=path, raw=text, encoding=encoding, format=fmt)
