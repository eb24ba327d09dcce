"""Stream N synthetic files through the document layer; print files/s and memory.

    .venv/bin/python benchmarks/bench_read.py [N] [--keep DIR]

The files are the samples (data/samples) written N times over with a new
document number each, in a temporary folder. Each file is read, normalised,
split and given its metadata, then dropped. Resident memory is printed at
checkpoints: it should stay flat as N grows, since only one file's text is
held at a time.
"""
from __future__ import annotations

import argparse
import resource
import tempfile
import time
from pathlib import Path

from orgkg.extractors.read.reader import iter_files, read_source
from orgkg.extractors.read.split import split_documents

SAMPLES = Path(__file__).resolve().parent.parent / "data" / "samples"


def write_corpus(folder: Path, n: int) -> int:
    templates = [p.read_text(encoding="utf-8") for p in sorted(SAMPLES.glob("*.txt"))]
    total = 0
    for i in range(n):
        text = f"渝科协发〔2024〕{i + 1}号\n\n" + templates[i % len(templates)]
        sub = folder / f"{i // 1000:04d}"
        sub.mkdir(exist_ok=True)
        data = text.encode("gb18030" if i % 3 == 0 else "utf-8")
        (sub / f"{i:06d}.txt").write_bytes(data)
        total += len(data)
    return total


def rss() -> int:
    """Resident memory now (Linux /proc), in bytes."""
    pages = int(Path("/proc/self/statm").read_text().split()[1])
    return pages * resource.getpagesize()


def mib(n: float) -> str:
    return f"{n / 2**20:.1f} MiB"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("n", type=int, nargs="?", default=2000)
    parser.add_argument("--keep", type=Path, help="write the corpus here and keep it")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        folder = args.keep or Path(tmp)
        folder.mkdir(parents=True, exist_ok=True)
        size = write_corpus(folder, args.n)
        print(f"corpus: {args.n} files, {mib(size)} in {folder}")
        checkpoints = {max(1, args.n * k // 10) for k in (1, 2, 5, 10)}
        start = time.perf_counter()
        files = docs = sentences = chars = 0
        for path in iter_files([folder]):
            for doc in split_documents(read_source(path)):
                docs += 1
                sentences += len(doc.sentences)
                chars += len(doc.text)
            files += 1
            if files in checkpoints:
                rate = files / (time.perf_counter() - start)
                print(f"{files:>7} files  {rate:7.1f} files/s  rss {mib(rss())}")
        elapsed = time.perf_counter() - start
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024
    print(f"done: {files} files, {docs} documents, {sentences} sentences, {chars} characters "
          f"in {elapsed:.1f} s = {files / elapsed:.1f} files/s, {mib(size / elapsed)}/s; "
          f"peak rss {mib(peak)}")


if __name__ == "__main__":
    main()
