"""Reading rules/cases/figures.yaml: each expected figure is one compact line."""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from pipeline.figures import KINDS

CASES = Path(__file__).resolve().parents[2] / "rules" / "cases" / "figures.yaml"
_KEYS = {"q": "qualifier", "max": "value_max", "rel": "relation"}


@dataclass(frozen=True)
class Expected:
    surface: str
    kind: str
    value: float
    unit: str | None
    qualifier: str | None = None
    value_max: float | None = None
    relation: str | None = None


def parse_expected(line: str) -> Expected:
    """'surface kind value unit [q=..] [max=..] [rel=..]'; the surface may hold spaces."""
    tokens = line.split(" ")
    i = next(i for i, t in enumerate(tokens) if t in KINDS and i > 0)
    fields: dict[str, Any] = {"surface": " ".join(tokens[:i]), "kind": tokens[i],
                              "value": float(tokens[i + 1]),
                              "unit": None if tokens[i + 2] == "-" else tokens[i + 2]}
    for extra in tokens[i + 3:]:
        key, _, val = extra.partition("=")
        name = _KEYS[key]
        fields[name] = float(val) if name == "value_max" else val
    return Expected(**fields)


def load_cases() -> list[dict[str, Any]]:
    data = yaml.safe_load(CASES.read_text(encoding="utf-8"))
    return data["cases"]
