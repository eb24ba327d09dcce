"""Extract data/samples, score against the gold, print the table (and misses with -v).

    .venv/bin/python benchmarks/extract_quality.py [-v] [--gold DIR] [--out FILE]
"""
import argparse
import json
import time
from pathlib import Path

from orgkg.extractors.extract import extract_paths
from orgkg.graph.evaluate import evaluate, format_report


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("paths", nargs="*", default=["data/samples"])
    ap.add_argument("--gold", default=str(Path(__file__).resolve().parents[1] / "data" / "gold"))
    ap.add_argument("--out", default="/tmp/orgkg-extract/out.json")
    ap.add_argument("-v", action="store_true", help="print false positives and negatives")
    args = ap.parse_args()
    t = time.perf_counter()
    result = extract_paths(args.paths)
    took = time.perf_counter() - t
    result.kg.write_json(args.out)
    report = evaluate(args.gold, args.out)
    print(f"{len(result.files)} files in {took:.1f}s, {result.kg.counts()}")
    print(format_report(report))
    if args.v:
        print(json.dumps(report.misses, ensure_ascii=False, indent=1))


if __name__ == "__main__":
    main()
