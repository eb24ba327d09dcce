"""The schema, loaded once from schema.yaml.

>>> schema = load_schema()
>>> schema.relation("LEADS").allows("Person", "Organization")
True
"""
from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

import yaml

from .errors import SchemaError

SCHEMA_PATH = Path(__file__).with_name("schema.yaml")


@dataclass(frozen=True)
class EntityType:
    name: str
    zh: str
    en: str
    properties: tuple
    draw: dict
    draw_collective: dict | None = None


@dataclass(frozen=True)
class RelationType:
    name: str
    zh: str
    en: str
    source: tuple
    target: tuple
    properties: tuple = ()
    draw: dict = field(default_factory=dict)

    def allows(self, source_label: str, target_label: str) -> bool:
        return source_label in self.source and target_label in self.target


@dataclass(frozen=True)
class Schema:
    entities: dict
    relations: dict

    def entity(self, name: str) -> EntityType:
        try:
            return self.entities[name]
        except KeyError:
            raise SchemaError(f"unknown entity type {name!r}; known: {', '.join(self.entities)}") from None

    def relation(self, name: str) -> RelationType:
        try:
            return self.relations[name]
        except KeyError:
            raise SchemaError(f"unknown relation type {name!r}; known: {', '.join(self.relations)}") from None

    def check_edge(self, rel: str, source_label: str, target_label: str) -> None:
        if not self.relation(rel).allows(source_label, target_label):
            raise SchemaError(f"{rel} does not go from {source_label} to {target_label}")


@lru_cache(maxsize=None)
def load_schema(path: str | Path = SCHEMA_PATH) -> Schema:
    raw = yaml.safe_load(Path(path).read_text(encoding="utf-8"))
    entities = {
        name: EntityType(
            name=name, zh=spec["zh"], en=spec["en"],
            properties=tuple(spec.get("properties", ())),
            draw=dict(spec.get("draw", {})),
            draw_collective=spec.get("draw_collective"),
        )
        for name, spec in raw["entities"].items()
    }
    relations = {}
    for name, spec in raw["relations"].items():
        for end in spec["source"] + spec["target"]:
            if end not in entities:
                raise SchemaError(f"{path}: relation {name} names unknown entity type {end}")
        relations[name] = RelationType(
            name=name, zh=spec["zh"], en=spec["en"],
            source=tuple(spec["source"]), target=tuple(spec["target"]),
            properties=tuple(spec.get("properties", ())),
            draw=dict(spec.get("draw", {})),
        )
    return Schema(entities=entities, relations=relations)
