"""Paragraphs and table cells of a .docx (python-docx), in document order."""
from __future__ import annotations

import zipfile

from orgkg.graph.errors import InputError


def read_docx(path) -> str:
    import docx
    from docx.opc.exceptions import PackageNotFoundError
    from docx.table import Table
    from docx.text.paragraph import Paragraph

    try:
        document = docx.Document(str(path))
    except (PackageNotFoundError, zipfile.BadZipFile, KeyError, ValueError) as exc:
        raise InputError(path, f"damaged or not a .docx file ({type(exc).__name__})") from None
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
