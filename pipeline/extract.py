"""The extraction stage: clean document in, :class:`Extraction` out."""
from __future__ import annotations

from collections.abc import Sequence

from .model import CleanDoc, Extraction
from .nlp import FOR_SPACY_USERS, Item, StepFailure, run, run_many


def extract(doc: CleanDoc, timings: dict[str, float] | None = None) -> Extraction:
    """Figures, measures, entities, region and as-of year of one clean document.

    Pipeline components whose results an :class:`Extraction` does not hold
    (``nlp.FOR_SPACY_USERS``: the gazetteer ruler's spans) are not run, and the
    components set no spaCy views (spans, ents, sentence starts): the Doc is dropped.

    ``timings``, when given, receives the seconds spent in each pipeline step.
    """
    (ext,) = extract_many([doc], None if timings is None else [timings])
    if isinstance(ext, StepFailure):
        raise ext.error
    return ext


def extract_many(docs: Sequence[CleanDoc],
                 timings: Sequence[dict[str, float]] | None = None) -> list[Extraction | StepFailure]:
    """:func:`extract` over a batch, step by step (``nlp.run_many``: a fifth cheaper on
    text reports than one at a time). A document whose step raised comes back as a
    ``StepFailure`` naming the step; the others are extracted as alone.

    ``timings``, when given, has one dict per document for its seconds per step.
    """
    out: list[Extraction | StepFailure] = []
    sdocs = run_many([Item(d.text, d.title, d.published, d.source_name) for d in docs],
                     skip=FOR_SPACY_USERS, views=False)
    for i, sdoc in enumerate(sdocs):
        if isinstance(sdoc, StepFailure):
            out.append(sdoc)
            continue
        if timings is not None:
            timings[i].update(sdoc.user_data.get("timings", {}))
        out.append(sdoc._.edumine)
    return out


def extract_text(text: str, **meta: object) -> Extraction:
    """Convenience for notebooks: extraction over a bare text (meta: title, published, source_name)."""
    return run(text, **meta)._.edumine  # type: ignore[arg-type]
