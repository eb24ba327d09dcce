"""The text layer of a PDF (pypdf). Pages are joined with one line break.

A PDF encrypted with only an owner password (AES included, through pypdf's
crypto extra) opens with the empty user password. pypdf's own warnings about
a damaged file are passed on with the file's name, not left anonymous.
"""
from __future__ import annotations

import logging
import warnings
from contextlib import contextmanager

from orgkg.graph.errors import InputError

log = logging.getLogger("orgkg.read")
MAX_WARNINGS = 5          # per file: a damaged PDF can warn once per object


class _Collect(logging.Handler):
    def __init__(self):
        super().__init__(logging.WARNING)
        self.messages = []

    def emit(self, record):
        self.messages.append(record.getMessage())


@contextmanager
def _named_warnings(name: str):
    """pypdf's log warnings and Python warnings, re-issued once each as ``name: pypdf: …``."""
    pypdf_log = logging.getLogger("pypdf")
    handler, propagate = _Collect(), pypdf_log.propagate
    pypdf_log.addHandler(handler)
    pypdf_log.propagate = False
    try:
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always")
            yield
    finally:
        pypdf_log.removeHandler(handler)
        pypdf_log.propagate = propagate
    messages = list(dict.fromkeys(handler.messages + [str(w.message) for w in caught]))
    for message in messages[:MAX_WARNINGS]:
        log.warning("%s: pypdf: %s", name, message.strip())
    if len(messages) > MAX_WARNINGS:
        log.warning("%s: pypdf: %d more warnings", name, len(messages) - MAX_WARNINGS)


def read_pdf(path) -> str:
    import pypdf
    from orgkg.graph.printable import file_name

    with _named_warnings(file_name(path)):
        pages = _pages(pypdf, path)
    text = "\n".join(p.rstrip("\n") for p in pages)
    if not text.strip():
        raise InputError(path, "no text layer (scanned PDF?)")
    return text


def _pages(pypdf, path) -> list:
    try:
        reader = pypdf.PdfReader(str(path))
        if reader.is_encrypted and not reader.decrypt(""):
            raise InputError(path, "encrypted PDF (needs a password)")
        return [page.extract_text() or "" for page in reader.pages]
    except InputError:
        raise
    except pypdf.errors.DependencyError as exc:
        raise InputError(path, f"encrypted PDF that needs the cryptography package "
                               f"(pip install 'pypdf[crypto]'): {exc}") from None
    except Exception as exc:          # pypdf raises many types on damaged files
        raise InputError(path, f"damaged PDF ({type(exc).__name__}: {str(exc)[:160]})") from None
