"""Outputs written whole or not at all: a temporary file beside the target, then a rename.

A run killed half-way leaves the previous file as it was (and at worst a hidden
``.NAME.*.tmp`` beside it, which a later write of that file removes).
"""
from __future__ import annotations

import os
import tempfile
import time
from contextlib import contextmanager
from pathlib import Path

STALE_AFTER = 600  # seconds: a temporary file this old belongs to no live writer


def write_text_atomic(path, text: str, encoding: str = "utf-8") -> Path:
    """Write ``text`` to ``path`` so that readers see the old file or the new one, never a part."""
    with atomic_open(path, encoding) as fh:
        fh.write(text)
    return Path(path)


@contextmanager
def atomic_open(path, encoding: str = "utf-8", durable: bool = True):
    """A text handle whose content replaces ``path`` only when the block ends without error.
    ``durable=False`` skips the fsync: the file survives a killed process, not a power cut
    (enough for a cache whose reader checks what it reads)."""
    with atomic_path(path, durable) as tmp, open(tmp, "w", encoding=encoding) as fh:
        yield fh


@contextmanager
def atomic_path(path, durable: bool = True):
    """The name of a temporary file beside ``path`` for a writer that wants a file name (a
    workbook's save); it replaces ``path`` only when the block ends without error."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    _remove_stale(path)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    os.close(fd)
    try:
        yield tmp
        if durable:
            with open(tmp, "rb") as fh:
                os.fsync(fh.fileno())
        os.chmod(tmp, 0o666 & ~_UMASK)   # mkstemp makes 0600; the output is an ordinary file
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def _remove_stale(path: Path) -> None:
    # left by a run that was killed between writing and renaming
    for old in path.parent.glob(f".{path.name}.*.tmp"):
        try:
            if time.time() - old.stat().st_mtime > STALE_AFTER:
                old.unlink()
        except OSError:
            pass


def _read_umask() -> int:
    # read once at import: os.umask can only be read by setting it
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


_UMASK = _read_umask()
