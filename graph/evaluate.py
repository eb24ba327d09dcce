"""Score an export against the gold annotations (see gold/GUIDELINES.md).

Per source file, an extracted entity matches a gold entity when the types are
equal and the match key of its name or any alias equals the match key of the
gold name or any gold alias. A relation matches when its type is equal and
both ends match, in the same direction. Matching is one-to-one, so duplicates
count as false positives. Counts are summed over files, per type and overall,
with and without collective organisations.

>>> report = evaluate("data/gold", "out.json")   # doctest: +SKIP
>>> print(format_report(report))                           # doctest: +SKIP
"""
from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path

from .errors import InputError
from .ids import match_key


@dataclass
class Score:
    tp: int = 0
    fp: int = 0
    fn: int = 0

    def add(self, other: "Score") -> None:
        self.tp, self.fp, self.fn = self.tp + other.tp, self.fp + other.fp, self.fn + other.fn

    @property
    def p(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0

    @property
    def r(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0

    @property
    def f1(self) -> float:
        return 2 * self.p * self.r / (self.p + self.r) if self.p + self.r else 0.0

    def as_dict(self) -> dict:
        return {"tp": self.tp, "fp": self.fp, "fn": self.fn,
                "p": round(self.p, 4), "r": round(self.r, 4), "f1": round(self.f1, 4)}


@dataclass
class Report:
    """Scores keyed by (scope, kind, type): scope 'all' or 'no_collective', kind 'entity'/'relation'."""
    totals: dict = field(default_factory=dict)
    files: dict = field(default_factory=dict)        # file -> {"entity": Score, "relation": Score}
    misses: dict = field(default_factory=dict)       # file -> {"fp": [...], "fn": [...]}

    def score(self, scope: str, kind: str, typ: str = "ALL") -> Score:
        return self.totals.setdefault((scope, kind, typ), Score())

    def as_dict(self) -> dict:
        totals: dict = {}
        for (scope, kind, typ), s in sorted(self.totals.items()):
            totals.setdefault(scope, {}).setdefault(kind, {})[typ] = s.as_dict()
        return {"totals": totals,
                "files": {f: {k: s.as_dict() for k, s in v.items()} for f, v in sorted(self.files.items())},
                "misses": self.misses}


def _keys(name: str, aliases) -> set:
    return {k for k in (match_key(x) for x in [name, *aliases]) if k}


def _match(extracted: list, gold: list, same) -> tuple:
    """Greedy one-to-one matching; returns (matched pairs, unmatched extracted, unmatched gold)."""
    used, pairs, fps = set(), [], []
    for x in extracted:
        for j, g in enumerate(gold):
            if j not in used and same(x, g):
                used.add(j)
                pairs.append((x, g))
                break
        else:
            fps.append(x)
    return pairs, fps, [g for j, g in enumerate(gold) if j not in used]


def _read_json(path: Path, what: str):
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise InputError(path, "no such file") from None
    except OSError as exc:
        raise InputError(path, f"cannot read ({exc.strerror or exc})") from None
    except UnicodeDecodeError:
        raise InputError(path, f"not {what} (not UTF-8 text)") from None
    except (ValueError, RecursionError) as exc:
        raise InputError(path, f"not {what} (invalid JSON: {str(exc)[:200]})") from None


def _load_export(export) -> dict:
    from .validate import problems, summary
    path = "<export>" if isinstance(export, dict) else Path(export)
    data = export if isinstance(export, dict) else _read_json(path, "an orgkg export")
    found = problems(data, None)      # shapes only: a relation the wrong way round is scored, not refused
    if found:
        raise InputError(path, summary(found))
    return data


def _texts(value) -> bool:
    return isinstance(value, list) and all(isinstance(v, str) for v in value)


def _gold_problem(data) -> str | None:
    """What is wrong with a gold file's data, or None (fields as in gold/GUIDELINES.md)."""
    if not isinstance(data, dict):
        return "the top level is not an object"
    if not isinstance(data.get("source", ""), str):
        return "source is not a file name"
    for key, fields in (("entities", ("type", "name")), ("relations", ("head", "type", "tail"))):
        items = data.get(key, [])
        if not isinstance(items, list):
            return f"{key} is not a list"
        for i, item in enumerate(items):
            if not isinstance(item, dict):
                return f"{key} #{i} is not an object"
            missing = [f for f in fields if not isinstance(item.get(f), str) or not item[f]]
            if missing:
                return f"{key} #{i}: {', '.join(missing)} missing or not text"
            if not _texts(item.get("aliases", [])):
                return f"{key} #{i}: aliases is not a list of names"
    return None


def _export_by_file(data: dict) -> tuple:
    nodes = {n["id"]: n for n in data.get("nodes", [])}
    ents, rels = {}, {}
    for n in nodes.values():
        item = {"type": n["label"], "name": n["name"], "keys": _keys(n["name"], n.get("aliases", [])),
                "collective": bool(n.get("collective"))}
        for f in sorted({m["file"] for m in n.get("mentions", []) if "file" in m}):
            ents.setdefault(f, []).append(item)
    for e in data.get("edges", []):
        s, t = nodes.get(e["source"]), nodes.get(e["target"])
        if s is None or t is None:
            continue
        item = {"type": e["type"], "head": s["name"], "tail": t["name"],
                "hkeys": _keys(s["name"], s.get("aliases", [])), "tkeys": _keys(t["name"], t.get("aliases", [])),
                "collective": bool(s.get("collective") or t.get("collective"))}
        for f in sorted({ev["file"] for ev in e.get("evidence", []) if "file" in ev}):
            rels.setdefault(f, []).append(item)
    return ents, rels


def _gold_file(path: Path) -> tuple:
    data = _read_json(path, "a gold file")
    problem = _gold_problem(data)
    if problem:
        raise InputError(path, f"not a valid gold file: {problem}")
    ents, by_name = [], {}
    for e in data.get("entities", []):
        item = {"type": e["type"], "name": e["name"], "keys": _keys(e["name"], e.get("aliases", [])),
                "collective": bool(e.get("collective"))}
        ents.append(item)
        by_name[e["name"]] = item
    rels = []
    for r in data.get("relations", []):
        h, t = by_name.get(r["head"]), by_name.get(r["tail"])
        rels.append({"type": r["type"], "head": r["head"], "tail": r["tail"],
                     "hkeys": h["keys"] if h else _keys(r["head"], []),
                     "tkeys": t["keys"] if t else _keys(r["tail"], []),
                     "collective": bool((h and h["collective"]) or (t and t["collective"]))})
    return data.get("source", path.with_suffix(".txt").name), ents, rels


def _same_entity(x, g) -> bool:
    return x["type"] == g["type"] and bool(x["keys"] & g["keys"])


def _same_relation(x, g) -> bool:
    return x["type"] == g["type"] and bool(x["hkeys"] & g["hkeys"]) and bool(x["tkeys"] & g["tkeys"])


def _tally(report: Report, kind: str, pairs, fps, fns) -> Score:
    file_score = Score()
    for bucket, items in (("tp", [g for _, g in pairs]), ("fp", fps), ("fn", fns)):
        for it in items:
            for scope in ("all", "no_collective"):
                if scope == "no_collective" and it["collective"]:
                    continue
                for typ in ("ALL", it["type"]):
                    s = report.score(scope, kind, typ)
                    setattr(s, bucket, getattr(s, bucket) + 1)
            setattr(file_score, bucket, getattr(file_score, bucket) + 1)
    return file_score


def evaluate(gold_dir, export) -> Report:
    """Compare an export (dict or JSON path) with every gold file in ``gold_dir``."""
    gold_dir = Path(gold_dir)
    gold_files = sorted(gold_dir.glob("*.json"))
    if not gold_files:
        raise InputError(gold_dir, "no gold *.json files")
    ents, rels = _export_by_file(_load_export(export))
    report = Report()
    for path in gold_files:
        source, gents, grels = _gold_file(path)
        # Match the most specific extracted items first so a short alias does not steal a gold item.
        xents = sorted(ents.get(source, []), key=lambda x: -len(x["keys"]))
        epairs, efp, efn = _match(xents, gents, _same_entity)
        rpairs, rfp, rfn = _match(rels.get(source, []), grels, _same_relation)
        report.files[source] = {"entity": _tally(report, "entity", epairs, efp, efn),
                                "relation": _tally(report, "relation", rpairs, rfp, rfn)}
        report.misses[source] = {
            "entity_fp": [f"{x['type']}:{x['name']}" for x in efp],
            "entity_fn": [f"{g['type']}:{g['name']}" for g in efn],
            "relation_fp": [f"{x['head']} -{x['type']}-> {x['tail']}" for x in rfp],
            "relation_fn": [f"{g['head']} -{g['type']}-> {g['tail']}" for g in rfn]}
    for scope in ("all", "no_collective"):
        for kind in ("entity", "relation"):
            report.score(scope, kind)
    return report


def format_report(report: Report) -> str:
    """A plain table: per type and overall, then per file."""
    lines = [f"{'scope':<14}{'kind':<10}{'type':<14}{'tp':>5}{'fp':>5}{'fn':>5}{'P':>8}{'R':>8}{'F1':>8}"]
    for (scope, kind, typ), s in sorted(report.totals.items(), key=lambda kv: (kv[0][0], kv[0][1], kv[0][2] != "ALL", kv[0][2])):
        lines.append(f"{scope:<14}{kind:<10}{typ:<14}{s.tp:>5}{s.fp:>5}{s.fn:>5}{s.p:>8.3f}{s.r:>8.3f}{s.f1:>8.3f}")
    lines.append("")
    lines.append(f"{'file':<30}{'kind':<10}{'tp':>5}{'fp':>5}{'fn':>5}{'P':>8}{'R':>8}{'F1':>8}")
    for f, kinds in sorted(report.files.items()):
        for kind, s in kinds.items():
            lines.append(f"{f:<30}{kind:<10}{s.tp:>5}{s.fp:>5}{s.fn:>5}{s.p:>8.3f}{s.r:>8.3f}{s.f1:>8.3f}")
    return "\n".join(lines)
