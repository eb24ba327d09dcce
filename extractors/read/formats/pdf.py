"""The text layer of a PDF (pypdf). Pages are joined with one line break."""
from __future__ import annotations

from orgkg.graph.errors import InputError


def read_pdf(path) -> str:
    import pypdf

    try:
        reader = pypdf.PdfReader(str(path))
        if reader.is_encrypted and not reader.decrypt(""):
            raise InputError(path, "encrypted PDF (needs a password)")
        pages = [page.extract_text() or "" for page in reader.pages]
    except InputError:
        raise
    except Exception as exc:          # pypdf raises many types on damaged files
        raise InputError(path, f"damaged PDF ({type(exc).__name__}: {exc})") from None
    text = "\n".join(p.rstrip("\n") for p in pages)
    if not text.strip():
        raise InputError(path, "no text layer (scanned PDF?)")
    return text
