"""extract.warm builds what the extraction needs before the first file: its text covers
every kind of entity and relation, and after it no large pattern is compiled."""
import json
import re
from pathlib import Path

from orgkg.extractors import extract

SAMPLES = Path(__file__).resolve().parents[1] / "data" / "samples"


def test_the_warm_text_reaches_every_stage():
    graph = extract.extract_file(extract.WARM_TEXT)["graph"]
    labels = {n["label"] for n in graph["nodes"]}
    types = {e["type"] for e in graph["edges"]}
    assert labels == {"Organization", "Person", "Event", "Initiative", "Document"}
    assert {"ISSUED", "LEADS", "SUPERVISES", "REQUIRES", "ADOPTED", "PART_OF", "PRESIDED"} <= types


def test_after_warm_no_large_pattern_is_compiled(monkeypatch):
    extract.warm()
    compiled = []
    original = re._compiler.compile

    def counting(p, flags=0):
        compiled.append(p if isinstance(p, str) else str(p))
        return original(p, flags)
    monkeypatch.setattr(re._compiler, "compile", counting)
    re.purge()      # patterns compiled through re's own cache count too
    result = extract.extract_paths([SAMPLES])
    assert result.files and json.dumps(result.kg.to_dict(), ensure_ascii=False)
    # the tries of places and bodies run to tens of thousands of characters each
    assert sum(len(p) for p in compiled) < 20_000, sorted(compiled, key=len)[-1][:200]
