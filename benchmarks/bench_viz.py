"""How long the offline page takes to build and to reach its first draw in headless chromium.

    .venv/bin/python benchmarks/bench_viz.py [--nodes 5000 --edges 10000]

Prints figures; asserts nothing. Needs chromium (`make test` installs it).
"""
from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests"))
from test_viz_browser import Chromium, big_graph, chromium_path, sample_graph  # noqa: E402

from orgkg.graph.viz import write_page  # noqa: E402
from orgkg.graph.viz_layout import positions  # noqa: E402


def measure(browser, kg, out: Path, label: str, **options) -> None:
    t0 = time.perf_counter()
    if not options.get("physics_threshold", 500) >= kg.g.number_of_nodes():
        positions(kg.g, options.get("layout", "spring"))
    t_layout = time.perf_counter() - t0
    t0 = time.perf_counter()
    write_page(kg, out, **options)
    t_page = time.perf_counter() - t0
    page = browser.open(out.as_uri())
    try:
        first = page.wait_for("window.orgkg && window.orgkg.firstDraw", timeout=120)
        script = page.eval("orgkg.scriptStart")
        problems = page.problems()
    finally:
        page.close()
    print(f"{label}: {kg.g.number_of_nodes()} nodes, {kg.g.number_of_edges()} edges | "
          f"layout {t_layout:.2f} s, page build {t_page:.2f} s (layout included), "
          f"{out.stat().st_size / 1e6:.2f} MB | browser: script starts {script / 1000:.2f} s, "
          f"first draw {first / 1000:.2f} s after navigation start | problems: {len(problems)}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--nodes", type=int, default=5000)
    parser.add_argument("--edges", type=int, default=10000)
    args = parser.parse_args()
    browser = Chromium(chromium_path())
    try:
        with tempfile.TemporaryDirectory(prefix="orgkg-bench-viz-") as tmp:
            measure(browser, sample_graph(), Path(tmp, "sample.html"), "sample (physics)")
            measure(browser, big_graph(400, 800), Path(tmp, "mid.html"), "400 nodes (physics)")
            for layout in ("spring", "circular", "random"):
                measure(browser, big_graph(args.nodes, args.edges), Path(tmp, f"big-{layout}.html"),
                        f"large, layout={layout}", layout=layout)
    finally:
        browser.close()


if __name__ == "__main__":
    main()
