"""Rebuild counties.tsv and former_places.tsv from JioNLP's administrative-division
dictionary (Apache License 2.0), so the county-level list follows a maintained
source instead of a hand list.

    pip download --no-deps jionlp==1.5.31 -d DIR
    python extractors/data/build_counties.py DIR/jionlp-1.5.31-py2.py3-none-any.whl

Why JioNLP: it lists every county-level division with its prefecture and province
(dictionary dated 2025-11) and, unlike the adcode tables of cpca and its forks
(MIT, no history), a dated list of renamed and merged divisions (户县 -> 鄠邑区),
which documents written before a change still use.
"""
from __future__ import annotations

import io
import sys
import zipfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
LOCATIONS = "jionlp/dictionary/china_location.zip"
CHANGES = "jionlp/dictionary/china_location_change.txt"
HEADER = ("# County-level divisions: name<TAB>prefecture<TAB>province. Built by build_counties.py from\n"
          "# JioNLP's administrative-division dictionary (jionlp {version}, Apache License 2.0).\n")
FORMER_HEADER = ("# Former county-level names and what they became: former<TAB>current<TAB>prefecture<TAB>province<TAB>date.\n"
                 "# Built by build_counties.py from JioNLP's list of changes (jionlp {version}, Apache License 2.0).\n")


def _locations(wheel: zipfile.ZipFile) -> str:
    inner = zipfile.ZipFile(io.BytesIO(wheel.read(LOCATIONS)))
    return inner.read(inner.namelist()[0]).decode("utf-8")


def counties(text: str) -> list:
    """(county, prefecture, province) for each line three levels deep."""
    rows, province, city = [], "", ""
    for line in text.splitlines():
        depth = len(line) - len(line.lstrip("\t"))
        name = line.strip().split("\t")[0] if line.strip() else ""
        if depth == 0:
            province = name
        elif depth == 1:
            city = name
        elif depth == 2 and name:
            rows.append((name, city, province))
    return sorted(set(rows), key=lambda r: (r[2], r[1], r[0]))


def former_names(text: str) -> list:
    """(former, current, prefecture, province, date) for county-level renames."""
    rows = []
    for line in text.splitlines():
        if "=>" not in line:
            continue
        before, after = line.split("=>")
        old, new = before.split("\t"), after.split("\t")
        if len(old) >= 8 and len(new) >= 3 and old[6] != new[2]:
            rows.append((old[6], new[2], new[1], new[0], old[0]))
    return sorted(set(rows), key=lambda r: (r[3], r[0]))


def main(wheel_path: str) -> None:
    version = Path(wheel_path).name.split("-")[1]
    with zipfile.ZipFile(wheel_path) as wheel:
        rows = counties(_locations(wheel))
        changes = former_names(wheel.read(CHANGES).decode("utf-8"))
    (HERE / "counties.tsv").write_text(HEADER.format(version=version) + "".join("\t".join(r) + "\n" for r in rows),
                                       encoding="utf-8")
    (HERE / "former_places.tsv").write_text(FORMER_HEADER.format(version=version)
                                            + "".join("\t".join(r) + "\n" for r in changes), encoding="utf-8")
    print(f"{len(rows)} county-level divisions, {len(changes)} former names")


if __name__ == "__main__":
    main(sys.argv[1])
