"""The extraction stage: clean document in, :class:`Extraction` out."""
from __future__ import annotations

from .model import CleanDoc, Extraction
from .nlp import get_nlp, run


def extract(doc: CleanDoc, timings: dict[str, float] | None = None) -> Extraction:
    """Figures, measures, entities, region and as-of year of one clean document.

    ``timings``, when given, receives the seconds spent in each pipeline step.
    The spaCy ``Doc`` lives in a memory zone: the strings and lexemes its new
    words added to the vocabulary are freed with it, so a long ingest does not
    grow the vocabulary by every number and name it has seen. Only the
    :class:`Extraction` (plain Python objects) leaves the zone.
    """
    with get_nlp().memory_zone():
        sdoc = run(doc.text, title=doc.title, published=doc.published, source_name=doc.source_name)
        if timings is not None:
            timings.update(sdoc.user_data.get("timings", {}))
        return sdoc._.edumine


def extract_text(text: str, **meta: object) -> Extraction:
    """Convenience for notebooks: extraction over a bare text (meta: title, published, source_name)."""
    with get_nlp().memory_zone():
        return run(text, **meta)._.edumine  # type: ignore[arg-type]
