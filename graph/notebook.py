"""A thin convenience for notebooks over orgkg.graph.queries: open the
configured store once and get named queries back as pandas DataFrames.

The queries run through the same code as ``orgkg query -f NAME -p k=v``
(``queries.run_named`` and ``queries.to_dataframe``); nothing here knows any
Cypher.

>>> with open_session() as s:                          # doctest: +SKIP
...     s.build()
...     s.q("who_directs", name="重庆市科学技术协会")
"""
from __future__ import annotations

import os
from pathlib import Path

from . import queries


def repo_root(start=None) -> Path:
    """The checkout this package runs from: the first folder at or above
    ``start`` (default: the working directory, then this file) holding setup.cfg.
    Notebooks run with cwd = notebooks/, so relative paths cannot be trusted."""
    starts = [Path(start)] if start else [Path.cwd(), Path(__file__).resolve().parent]
    for origin in starts:
        for folder in [origin.resolve(), *origin.resolve().parents]:
            if (folder / "setup.cfg").is_file() and (folder / "graph").is_dir():
                return folder
    raise FileNotFoundError(f"no orgkg checkout (a folder with setup.cfg) above {starts[0]}")


def samples_dir() -> Path:
    return repo_root() / "data" / "samples"


def engine_home() -> Path | None:
    """None when ORGKG_HOME is set (open_store reads it), else the checkout's
    data/engine: the engine the CLI uses from the repo root, not notebooks/data/engine."""
    return None if os.environ.get("ORGKG_HOME") else repo_root() / "data" / "engine"


CJK_FONTS = ["WenQuanYi Zen Hei", "Noto Sans CJK SC", "DejaVu Sans"]


def use_cjk_font() -> None:
    """Draw Chinese labels with the first CJK font installed (fonts-wqy-zenhei
    on Debian); without one, labels show boxes instead of flooding warnings."""
    import logging
    import warnings

    import matplotlib
    from matplotlib import font_manager

    known = {f.name for f in font_manager.fontManager.ttflist}
    if not known & set(CJK_FONTS[:-1]):
        # matplotlib caches the font list once; a CJK font installed after that is not in it
        for path in font_manager.findSystemFonts():
            if any(tag in Path(path).name.lower() for tag in ("wqy", "notosanscjk")):
                font_manager.fontManager.addfont(path)
    matplotlib.rcParams["font.sans-serif"] = CJK_FONTS
    matplotlib.rcParams["font.family"] = "sans-serif"
    matplotlib.rcParams["axes.unicode_minus"] = False
    logging.getLogger("matplotlib.font_manager").setLevel(logging.ERROR)
    warnings.filterwarnings("ignore", message=r"Glyph .* missing from")


class Session:
    """One open store plus the queries as DataFrames. Close it (or use it as a
    context manager) so that an engine it started is stopped."""

    def __init__(self, store, out_dir=None):
        self.store = store
        self.out_dir = Path(out_dir) if out_dir else repo_root() / "out"

    @property
    def name(self) -> str:
        return getattr(self.store, "name", type(self.store).__name__)

    def build(self, paths=None, out_dir=None):
        """Extract ``paths`` (default: the sample corpus), load them into this
        session's store and write the export and page to out/ (as `orgkg build`)."""
        from .build import build
        paths = [str(p) for p in (paths or [samples_dir()])]
        return build(paths, out_dir or self.out_dir, store=self.store)

    def q(self, query, /, **params):
        """Run the named query (cypher/queries/QUERY.cypher) with ``params``;
        positional-only, so a query's own $name can be passed as name=…"""
        return queries.to_dataframe(queries.run_named(query, params, store=self.store))

    def evidence(self, name, /, type=None, as_of=None, every=False):
        """One row per sentence behind ``name``'s relations (of ``type``), as
        `orgkg evidence NAME --type TYPE --as-of DATE`."""
        params = {"name": name, "type": queries.relation_type(type), "as_of": queries.as_of_date(as_of)}
        return queries.to_dataframe(queries.run_named("evidence", params, store=self.store, every=every))

    def cypher(self, text, /, **params):
        """A read-only ad-hoc query; values go in as $parameters, never into the text."""
        return queries.to_dataframe(queries.run_query(text, params, store=self.store))

    def counts(self):
        return self.store.counts()

    def close(self):
        self.store.close()

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()


def open_session(out_dir=None) -> Session:
    """Open whichever store is configured (Neo4j when NEO4J_URI is set, else
    the embedded engine, started on demand and stopped on close)."""
    from .store import open_store
    return Session(open_store(home=engine_home()), out_dir=out_dir)
