"""Plain data passed between the stages.

Each stage is a function taking and returning these records (trafilatura's
habit: data in, data out), so every stage can be called and tested alone, from
Python or Jupyter, without a warehouse. ``as_dict()`` gives the warehouse row.
"""
from __future__ import annotations

import dataclasses
import datetime as dt
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any


@lru_cache(maxsize=None)
def _field_names(cls: type) -> tuple[str, ...]:
    return tuple(f.name for f in dataclasses.fields(cls))


def _as_dict(obj: Any) -> dict[str, Any]:
    """The dataclass's fields as a flat dict (``dataclasses.asdict`` copies deeply: slower)."""
    return {name: getattr(obj, name) for name in _field_names(type(obj))}


@dataclass
class RawInput:
    """One input as read from disk, stdin, a URL or a JSON Lines record.

    ``data`` holds the bytes as crawled (HTML or text); JSON Lines records whose
    page is already a string carry it in ``text`` instead.
    """

    source_path: str
    fmt: str  # "html" | "text"
    data: bytes | None = None
    text: str | None = None
    url: str | None = None
    fetched_at: str | None = None
    http_charset: str | None = None  # charset from an HTTP header, when known


@dataclass
class Reject:
    """An input that could not become a document, and why (goes to ``rejects``)."""

    source_path: str
    reason: str  # a short code, e.g. "empty", "binary", "undecodable"
    detail: str = ""
    stage: str = "read"


@dataclass
class CleanDoc:
    """A cleaned, normalized document: what the extraction stages read."""

    source_path: str
    text: str
    title: str | None = None
    published: dt.date | None = None
    source_name: str | None = None
    url: str | None = None
    fetched_at: str | None = None
    encoding: str | None = None
    fmt: str = "text"
    traditional: bool = False  # the source was written in traditional characters
    censored: int = 0  # count of censoring asterisks (区*) kept in the text
    raw: bytes | None = None  # the source as read, for re-cleaning


@dataclass
class Figure:
    """A quantity found in the clean text; offsets index ``documents.text``."""

    start: int
    end: int
    surface: str
    kind: str  # money | percent | pp | count | area | number
    value: float
    value_max: float | None = None
    unit: str | None = None
    qualifier: str | None = None  # nearly | about | over | at_least | at_most
    relation: str | None = None  # None (a level) | change | from | to | multiple
    rule: str = ""  # the grammar rule that read it
    sent_start: int = 0
    sent_end: int = 0
    # filled by attribution
    metric: str | None = None
    metric_rule: str | None = None
    year_start: int | None = None
    year_end: int | None = None
    modality: str = "actual"  # actual | target | standard
    region_code: str | None = None

    def as_dict(self) -> dict[str, Any]:
        return _as_dict(self)


@dataclass
class Measure:
    """A policy measure a sentence describes, with its evidence span."""

    measure: str
    start: int  # the sentence span
    end: int
    cue: str = ""  # the cue term that matched
    cue_start: int = 0
    cue_end: int = 0
    rule: str = ""

    def as_dict(self) -> dict[str, Any]:
        return _as_dict(self)


@dataclass
class Entity:
    """A named entity: GPE (an administrative division) or ORG (school, bureau)."""

    label: str
    start: int
    end: int
    text: str
    norm: str | None = None  # normalized form, e.g. the full region name
    region_code: str | None = None
    rule: str = ""

    def as_dict(self) -> dict[str, Any]:
        return _as_dict(self)


@dataclass
class RegionGuess:
    """The region a document is about, with the evidence weighed for it."""

    code: str | None
    name: str | None
    level: str | None  # province | city | county | national | None
    confidence: float = 0.0
    evidence: str = ""


@dataclass
class Extraction:
    """Everything the extraction stages find in one clean document."""

    sentences: list[tuple[int, int]] = field(default_factory=list)
    figures: list[Figure] = field(default_factory=list)
    measures: list[Measure] = field(default_factory=list)
    entities: list[Entity] = field(default_factory=list)
    region: RegionGuess | None = None
    as_of_year: int | None = None
