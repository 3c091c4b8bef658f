"""The spaCy pipeline: a blank Chinese language over our jieba tokenizer, and
edumine's registered components.

Each component wraps one plain, separately tested stage function and declares
what it assigns. The ``Doc`` text is the clean text, unchanged, so the
character offsets every stage reports index ``documents.text`` directly.
Results live on ``doc._.edumine`` (an :class:`Extraction`) and as span groups
(``doc.spans["figures"]``, ``["measures"]``, ``["entities"]``) for spaCy users.

| component                   | assigns                                              |
|-----------------------------|------------------------------------------------------|
| ``edumine_sentences_v1``    | ``Token.is_sent_start``, ``Extraction.sentences``     |
| ``edumine_figures_v1``      | ``doc.spans["figures"]``, ``Extraction.figures``      |
| ``edumine_gazetteer_ruler_v1`` | ``doc.spans["gazetteer"]``: spaCy's SpanRuler over every gazetteer name (GPE, id = division code); for spaCy users only (``FOR_SPACY_USERS``) |
| ``edumine_entities_v1``     | ``doc.spans["entities"]``, ``doc.ents``, ``Extraction.entities``, ``.region`` |
| ``edumine_measures_v1``     | ``doc.spans["measures"]``, ``Extraction.measures``    |
| ``edumine_attribution_v1``  | ``Figure.metric/year_*/modality/region_code``, ``Extraction.as_of_year`` |

The span groups, ``doc.ents`` and sentence starts are views of the Extraction for
spaCy users; ``run(..., views=False)`` (what :func:`pipeline.extract.extract` and
ingest ask for) leaves them out, since the Doc is dropped once the Extraction is
taken (0.5 ms a page: a ``char_span`` per figure, entity and measure).
"""
from __future__ import annotations

import bisect
import datetime as dt
import gc
import time
from collections.abc import Collection, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from functools import lru_cache
from typing import Any, NamedTuple

import numpy
import spacy
from spacy.attrs import IDX, SENT_START
from spacy.language import Language
from spacy.pipeline import SpanRuler
from spacy.tokens import Doc, Span
from spacy.util import filter_spans

from . import attribution, figures, measures, periods, regions
from .model import Extraction, Figure
from .segment import JiebaSpacyTokenizer, split_sentences

if not Doc.has_extension("edumine"):
    Doc.set_extension("edumine", default=None)
if not Doc.has_extension("meta"):
    Doc.set_extension("meta", default=None)
if not Span.has_extension("record"):
    Span.set_extension("record", default=None)

COMPONENTS = (
    "edumine_sentences_v1",
    "edumine_figures_v1",
    "edumine_gazetteer_ruler_v1",
    "edumine_entities_v1",
    "edumine_measures_v1",
    "edumine_attribution_v1",
)
# components whose results the Extraction (so the warehouse) does not hold: spaCy users get
# them from run(); extract() and ingest leave them out (0.3 ms a page)
FOR_SPACY_USERS = ("edumine_gazetteer_ruler_v1",)


def _extraction(doc: Doc) -> Extraction:
    if doc._.edumine is None:
        doc._.edumine = Extraction()
    return doc._.edumine


def _meta(doc: Doc) -> dict[str, Any]:
    return doc._.meta or {}


def _text(doc: Doc) -> str:
    """The doc's text, joined once: spaCy rebuilds ``Doc.text`` from every token on each access."""
    text = doc.user_data.get("edumine_text")
    if text is None:
        text = doc.user_data["edumine_text"] = doc.text
    return text


def _views(doc: Doc) -> bool:
    """Whether the components set their spaCy views (spans, ents, sentence starts): not
    when the caller wants the Extraction only (``run(..., views=False)``)."""
    return doc.user_data.get("edumine_views", True)


def _span(doc: Doc, start: int, end: int, label: str, record: object) -> Span | None:
    span = doc.char_span(start, end, label=label, alignment_mode="expand")
    if span is not None:
        span._.record = record
    return span


def _spans(doc: Doc, key: str, items: list, label_of) -> None:
    group = []
    for item in items:
        span = _span(doc, item.start, item.end, label_of(item), item)
        if span is not None:
            group.append(span)
    doc.spans[key] = group


@Language.component("edumine_sentences_v1", assigns=["token.is_sent_start"])
def sentences_component(doc: Doc) -> Doc:
    ext = _extraction(doc)
    ext.sentences = split_sentences(_text(doc))
    if not len(doc) or not _views(doc):
        return doc
    # array reads and writes: Token objects per token, or token.is_sent_start set one by
    # one (quadratic in spaCy), cost more than all of our own stages
    idx = doc.to_array([IDX]).reshape(-1).astype(numpy.int64)
    starts = numpy.fromiter((s for s, _ in ext.sentences), dtype=numpy.int64, count=len(ext.sentences))
    flags = numpy.where(numpy.isin(idx, starts), 1, -1)
    flags[0] = 1
    doc.from_array([SENT_START], flags.astype(numpy.uint64).reshape(-1, 1))
    return doc


def _place_in_sentences(items: list[Figure], sentences: list[tuple[int, int]]) -> None:
    starts = [s for s, _ in sentences]
    for fig in items:
        i = bisect.bisect_right(starts, fig.start) - 1
        if i >= 0 and fig.start < sentences[i][1]:
            fig.sent_start, fig.sent_end = sentences[i]
        else:  # a figure outside every sentence (whitespace only around it): its own span
            fig.sent_start, fig.sent_end = fig.start, fig.end


@Language.component("edumine_figures_v1", assigns=["doc.spans"], requires=["token.is_sent_start"])
def figures_component(doc: Doc) -> Doc:
    ext = _extraction(doc)
    ext.figures = figures.find_figures(_text(doc))
    _place_in_sentences(ext.figures, ext.sentences)
    if _views(doc):
        _spans(doc, "figures", ext.figures, lambda f: f.kind.upper())
    return doc


@Language.component("edumine_entities_v1", assigns=["doc.spans", "doc.ents"])
def entities_component(doc: Doc) -> Doc:
    ext = _extraction(doc)
    meta = _meta(doc)
    ext.entities = regions.find_entities(_text(doc))
    ext.region = regions.infer_region(meta.get("title"), _text(doc), meta.get("source_name"), ext.entities)
    if _views(doc):
        _spans(doc, "entities", ext.entities, lambda e: e.label)
        doc.ents = filter_spans(doc.spans["entities"])  # longest, non-overlapping: spaCy's doc.ents
    return doc


@Language.component("edumine_measures_v1", assigns=["doc.spans"], requires=["token.is_sent_start"])
def measures_component(doc: Doc) -> Doc:
    ext = _extraction(doc)
    ext.measures = measures.tag_measures(_text(doc), ext.sentences)
    if _views(doc):
        _spans(doc, "measures", ext.measures, lambda m: m.measure)
    return doc


@Language.component("edumine_attribution_v1", requires=["doc.spans"])
def attribution_component(doc: Doc) -> Doc:
    ext = _extraction(doc)
    published = _meta(doc).get("published")
    ext.as_of_year = periods.infer_as_of_year(_text(doc), published)
    attribution.attribute(_text(doc), ext.sentences, ext.figures, ext.as_of_year)
    if ext.region is not None:
        regions.assign_figure_regions(_text(doc), ext.sentences, ext.figures, ext.entities, ext.region)
    return doc


@lru_cache(maxsize=1)
def get_nlp() -> Language:
    """The edumine pipeline, built once per process, with every rule file loaded and validated."""
    from .ruleset import load_all

    with _collector_paused():
        load_all()
        nlp = spacy.blank("zh")
        nlp.tokenizer = JiebaSpacyTokenizer(nlp.vocab)
        nlp.max_length = 10_000_000  # no parser or NER model: the limit guards memory we do not use
        for name in COMPONENTS:
            nlp.add_pipe(name)
    return nlp


@contextmanager
def _collector_paused() -> Iterator[None]:
    """No cyclic garbage collection while the rules load: the build allocates hundreds of
    thousands of long-lived objects, and the full collections they set off cost 0.1 s."""
    was = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was:
            gc.enable()


@Language.factory("edumine_gazetteer_ruler_v1", assigns=["doc.spans"])
def make_gazetteer_ruler(nlp: Language, name: str) -> "GazetteerRuler":
    return GazetteerRuler(nlp, name)


class GazetteerRuler:
    """spaCy's SpanRuler with the gazetteer's names as phrase patterns (0.15 ms a page),
    built on its first document: its 6,600 phrase docs cost 0.2 s, which ``extract()``
    and ingest, never running it (``FOR_SPACY_USERS``), should not pay at start-up.

    It sees names whose edges fall on token boundaries; ``regions.find_entities``
    (the trie pass of ``edumine_entities_v1``) sees them all and is what the
    extraction uses. The ORG token patterns are left out here: they cost 3 ms a page.
    """

    def __init__(self, nlp: Language, name: str):
        self.nlp, self.name = nlp, name
        self._ruler: SpanRuler | None = None

    def __call__(self, doc: Doc) -> Doc:
        return self.ruler(doc)

    @property
    def built(self) -> bool:
        return self._ruler is not None

    @property
    def ruler(self) -> SpanRuler:
        """The SpanRuler itself (built now if it was not yet)."""
        if self._ruler is None:
            ruler = SpanRuler(self.nlp, self.name, spans_key="gazetteer", annotate_ents=False, overwrite=True)
            patterns = [p for p in regions.entity_ruler_patterns() if isinstance(p["pattern"], str)]
            # the ruler makes its phrase docs with nlp.pipe, which would run our components
            # over every one of the 6,600 names: only the tokenizer is wanted
            with self.nlp.select_pipes(enable=[]):
                ruler.add_patterns(patterns)
            self._ruler = ruler
        return self._ruler


# strings in the vocabulary above which the pipeline is rebuilt: every new word a page brings
# (numbers, names) stays in spaCy's vocabulary for good, about 400 bytes each; rebuilding
# (0.3 s) every few tens of thousands of pages keeps a long ingest's memory flat
VOCAB_LIMIT = 300_000


def bounded_nlp(limit: int | None = None) -> Language:
    """:func:`get_nlp`, built afresh once its vocabulary holds more than ``limit`` strings.

    spaCy's memory zones free a document's new words with it, but then every page
    makes its words again (1.2 ms a page on real news pages); a rebuild now and
    then costs a thousand times less.
    """
    nlp = get_nlp()
    if len(nlp.vocab.strings) > (limit or VOCAB_LIMIT):
        frozen = gc.get_freeze_count() > 0
        if frozen:  # the old pipeline holds cycles: let the collector see it again
            gc.unfreeze()
        get_nlp.cache_clear()
        del nlp
        nlp = get_nlp()
        if frozen:
            gc.collect()
            gc.freeze()
    return nlp


# collector thresholds for batch runs: a page allocates hundreds of thousands of short-lived
# objects (lxml proxies, tokens, matches), and Python's default (700, 10, 10) collects the
# youngest generation over a thousand times per 500 pages
BATCH_GC_THRESHOLDS = (20_000, 20, 10)


def batch_mode() -> None:
    """Build the pipeline, put every object alive (pipeline, rules, caches) out of the cyclic
    collector's reach for good, and collect young objects less often.

    A batch run otherwise re-scans those million long-lived objects in each full
    collection and runs young collections every 700 allocations: 0.6 + 0.2 ms a
    news page. Meant for command-line runs, whose process is ours (forked workers
    inherit it); a rebuild in :func:`bounded_nlp` unfreezes first so the old
    pipeline is still freed. A notebook should not call this.
    """
    get_nlp()
    gc.collect()
    gc.freeze()
    gc.set_threshold(*BATCH_GC_THRESHOLDS)


@dataclass(frozen=True)
class Item:
    """One clean text for :func:`run_many`, with the metadata the components read."""

    text: str
    title: str | None = None
    published: dt.date | None = None
    source_name: str | None = None


class StepFailure(NamedTuple):
    """A document of :func:`run_many` whose pipeline step raised: the step and the error."""

    step: str
    error: Exception


def _make_doc(nlp: Language, item: Item, views: bool) -> Doc:
    doc = nlp.make_doc(item.text)
    doc.user_data["edumine_text"] = item.text
    doc.user_data["edumine_views"] = views
    doc._.meta = {"title": item.title, "published": item.published, "source_name": item.source_name}
    return doc


def run_many(items: Sequence[Item], skip: Collection[str] = (), views: bool = True) -> list[Doc | StepFailure]:
    """:func:`run` over a batch of texts, step by step: the tokenizer over every text,
    then each component over every Doc, as spaCy's ``nlp.pipe`` does with batching
    components.

    Why: one step's working set (segmenter dictionary, vocabulary, a component's
    compiled rules and automata) stays in the CPU caches while it runs over the
    batch; one document at a time, each step finds them evicted by the others.
    32 text reports at a time cost a fifth less than one by one (README, Speed).

    A document whose step raises comes back as a :class:`StepFailure` and is left
    out of the later steps; the others go on. Seconds per step are in each Doc's
    ``user_data["timings"]``.
    """
    nlp = bounded_nlp()
    docs: list[Doc | StepFailure] = []
    for item in items:
        t0 = time.perf_counter()
        try:
            doc = _make_doc(nlp, item, views)
        except Exception as exc:  # noqa: BLE001 - handed back with its step, never dropped
            docs.append(StepFailure("segment", exc))
            continue
        doc.user_data["timings"] = {"segment": time.perf_counter() - t0}
        docs.append(doc)
    for name, proc in nlp.pipeline:
        if name in skip:
            continue
        step = name.removeprefix("edumine_").removesuffix("_v1")
        for i, doc in enumerate(docs):
            if isinstance(doc, StepFailure):
                continue
            t0 = time.perf_counter()
            try:
                docs[i] = doc = proc(doc)
            except Exception as exc:  # noqa: BLE001 - handed back with its step, never dropped
                docs[i] = StepFailure(step, exc)
                continue
            doc.user_data["timings"][step] = time.perf_counter() - t0
    return docs


def run(text: str, title: str | None = None, published: dt.date | None = None,
        source_name: str | None = None, skip: Collection[str] = (), views: bool = True) -> Doc:
    """Run the pipeline over one clean text with its metadata; results on ``doc._.edumine``.

    Components named in ``skip`` are left out (e.g. :data:`FOR_SPACY_USERS`);
    ``views=False`` leaves out the spans, ents and sentence starts (the
    Extraction is the same). A step's error is raised as it was.
    Seconds spent per step are left in ``doc.user_data["timings"]`` for the benchmark.
    """
    (doc,) = run_many([Item(text, title, published, source_name)], skip=skip, views=views)
    if isinstance(doc, StepFailure):
        raise doc.error
    return doc
