"""Find input files and decode them into Sources.

Minimal first version: UTF-8 text files. The document layer extends it.
"""
from __future__ import annotations

from pathlib import Path
from typing import Iterable, Iterator

from orgkg.graph.errors import InputError

from .document import Source

TEXT_SUFFIXES = {".txt", ".text", ".md"}


def iter_files(paths: Iterable) -> Iterator[Path]:
    """Files named, and files below folders named, in sorted order; hidden ones skipped."""
    for p in map(Path, paths):
        if not p.exists():
            raise InputError(p, "no such file or folder")
        if p.is_dir():
            for child in sorted(p.rglob("*")):
                rel = child.relative_to(p)
                if child.is_file() and not any(part.startswith(".") for part in rel.parts):
                    yield child
        else:
            yield p


def read_source(path: Path) -> Source:
    path = Path(path)
    data = path.read_bytes()
    if not data.strip():
        raise InputError(path, "empty file")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise InputError(path, "cannot decode as UTF-8") from None
    return Source(path=path, raw=text)
