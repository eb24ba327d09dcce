"""Progress of an extraction on a terminal: files, characters per second and ETA.

Drawn with click's progress bar on stderr, and only when stderr is a terminal:
piped or redirected output, and ``-q``, get nothing.
"""
from __future__ import annotations

import sys
import time

import click


class FileBar:
    """A progress callback for extract_paths; the bar is created at the first file,
    when the number of files is known. Use as a context manager."""

    def __init__(self, stream=None, enabled=True):
        self.stream = stream or sys.stderr
        self.enabled = enabled
        self.bar = None
        self.rate = ""
        self.started = time.monotonic()

    def __call__(self, progress) -> None:
        if not self.enabled:
            return
        if self.bar is None:
            self.bar = click.progressbar(length=progress.files_total, file=self.stream, label="extracting",
                                         show_pos=True, show_eta=True, item_show_func=lambda _: self.rate)
            self.bar.__enter__()
        elapsed = max(time.monotonic() - self.started, 1e-6)
        self.rate = f"{progress.chars_done / elapsed:,.0f} chars/s"
        self.bar.update(progress.files_done - self.bar.pos, progress.name)

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        if self.bar is not None:
            self.bar.__exit__(*exc)


def file_bar(quiet: bool, stream=None) -> FileBar:
    """A FileBar that draws only when not quiet and ``stream`` (stderr) is a terminal."""
    stream = stream or sys.stderr
    return FileBar(stream, enabled=not quiet and stream.isatty())
