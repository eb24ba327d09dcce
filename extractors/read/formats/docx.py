"""Paragraphs and table cells of a .docx (python-docx), in document order.

A .docx is a zip: a small file may inflate to gigabytes (a zip bomb), so the
sizes its members inflate to are checked before anything is decompressed.
"""
from __future__ import annotations

import zipfile

from orgkg.graph.errors import InputError

MAX_INFLATED = 256 * 2**20      # far above any real document's XML, far below a bomb


def check_inflated_size(path, limit: int = MAX_INFLATED) -> None:
    """Refuse a zip whose members inflate to more than ``limit`` bytes. The sizes come
    from the zip's directory; a member that lies about its size fails its CRC check
    when it is read, since Python's zipfile stops at the size declared."""
    try:
        with zipfile.ZipFile(path) as archive:
            total = sum(info.file_size for info in archive.infolist())
    except (zipfile.BadZipFile, OSError, ValueError, EOFError) as exc:
        raise InputError(path, f"damaged or not a .docx file ({type(exc).__name__})") from None
    if total > limit:
        raise InputError(path, f"a .docx that inflates to {total // 2**20} MB (over {limit // 2**20} MB): "
                               "a zip bomb or not a document")


def read_docx(path) -> str:
    check_inflated_size(path)
    try:
        return _read(path)
    except InputError:
        raise
    except Exception as exc:          # damaged XML, missing parts: python-docx and lxml raise many types
        raise InputError(path, f"damaged or not a .docx file ({type(exc).__name__}: {str(exc)[:120]})") from None


def _read(path) -> str:
    import docx
    from docx.table import Table
    from docx.text.paragraph import Paragraph

    document = docx.Document(str(path))
    out = []
    for child in document.element.body.iterchildren():
        tag = child.tag.rsplit("}", 1)[-1]
        if tag == "p":
            out.append(Paragraph(child, document).text)
        elif tag == "tbl":
            _table(Table(child, document), out)
    return "\n".join(out)


def _table(table, out: list) -> None:
    seen = set()
    for row in table.rows:
        for cell in row.cells:
            if cell._tc in seen:          # a merged cell appears once per grid column
                continue
            seen.add(cell._tc)
            out.extend(p.text for p in cell.paragraphs)
            for inner in cell.tables:
                _table(inner, out)
