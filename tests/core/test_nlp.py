"""The spaCy pipeline: registered components, Doc text equal to input, results on doc._.edumine."""
import datetime as dt

from pipeline.nlp import COMPONENTS, FOR_SPACY_USERS, get_nlp, run
from pipeline.segment import split_sentences

TEXT = ("晋安区教育局：2023年全区财政性教育经费投入9.64亿元，较上年增长23.65%。"
        "“我们新建学校3所。”他说。\n二是推进集团化办学，组建教育集团19个。")


def test_pipeline_has_versioned_components_in_order():
    assert get_nlp().pipe_names == list(COMPONENTS)
    assert all(name.endswith("_v1") for name in COMPONENTS)


def test_gazetteer_span_ruler_finds_divisions_with_their_codes():
    doc = run("福建省福州市晋安区教育局召开会议，宜昌市夷陵区派员参加。")
    found = [(s.text, s.label_, s.id_) for s in doc.spans["gazetteer"]]
    assert ("晋安区", "GPE", "350111") in found and ("夷陵区", "GPE", "420506") in found
    trie = {(e.start, e.end) for e in doc._.edumine.entities if e.label == "GPE"}
    assert {(s.start_char, s.end_char) for s in doc.spans["gazetteer"]} <= trie


def test_doc_text_equals_input_and_sentences_agree():
    doc = run(TEXT, title="晋安区教育工作", published=dt.date(2024, 7, 8))
    assert doc.text == TEXT
    assert [(s.start_char, s.end_char) for s in doc.sents if s.text.strip()] == \
        [(a, b) for a, b in split_sentences(TEXT)] or \
        [s.text.strip() for s in doc.sents] == [TEXT[a:b] for a, b in split_sentences(TEXT)]
    ext = doc._.edumine
    assert ext.sentences == split_sentences(TEXT)


def test_components_fill_span_groups_and_extraction():
    doc = run(TEXT, title="晋安区教育工作", published=dt.date(2024, 7, 8))
    ext = doc._.edumine
    surfaces = [f.surface for f in ext.figures]
    assert surfaces == ["9.64亿元", "23.65%", "3所", "19个"]
    assert [s.label_ for s in doc.spans["figures"]] == ["MONEY", "PERCENT", "COUNT", "COUNT"]
    for f in ext.figures:
        assert TEXT[f.start:f.end] == f.surface
        assert f.sent_start <= f.start < f.end <= f.sent_end
    money = ext.figures[0]
    assert (money.kind, money.value, money.metric, money.year_start, money.modality) == \
        ("money", 964000000.0, "edu_spending", 2023, "actual")
    assert ext.region.code == "350111"
    assert "group_schooling" in {m.measure for m in ext.measures}
    assert doc.spans["measures"] and doc.spans["entities"]
    assert [(e.text, e.label_) for e in doc.ents] == [("晋安区教育局", "ORG")]
    assert ("晋安区", "GPE") in [(s.text, s.label_) for s in doc.spans["entities"]]


def test_vocabulary_growth_is_bounded_by_a_rebuild(monkeypatch):
    """Every new word stays in spaCy's vocabulary; past the limit the pipeline is rebuilt."""
    from pipeline import nlp as nlp_mod
    from pipeline.extract import extract_text

    first = nlp_mod.get_nlp()
    base = len(first.vocab.strings)
    monkeypatch.setattr(nlp_mod, "VOCAB_LIMIT", base + 5)
    extract_text("某某县2031年新建学校917所，投入资金8.7654亿元，代号QX81726354。")
    assert len(first.vocab.strings) > base + 5  # this page's new words went past the limit
    ext = extract_text("2031年新建学校918所。")
    rebuilt = nlp_mod.get_nlp()
    assert rebuilt is not first and len(rebuilt.vocab.strings) <= base + 5
    assert [(f.kind, f.value) for f in ext.figures] == [("count", 918.0)]


def test_rebuild_under_a_frozen_heap_frees_the_old_pipeline() -> None:
    """batch_mode (command-line runs) must not keep a rebuilt pipeline's predecessor alive."""
    import gc
    import weakref

    from pipeline import nlp as N

    before = gc.get_threshold()
    N.batch_mode()
    try:
        assert gc.get_threshold() == N.BATCH_GC_THRESHOLDS
        old = weakref.ref(N.get_nlp())
        assert gc.get_freeze_count() > 0
        new = N.bounded_nlp(limit=1)  # any vocabulary is over the limit: rebuilt
        assert old() is None and new is N.get_nlp()
        assert gc.get_freeze_count() > 0  # frozen again after the rebuild
    finally:
        gc.unfreeze()
        gc.set_threshold(*before)


def test_extract_leaves_out_only_what_the_extraction_does_not_hold():
    """extract() skips the spaCy-users-only components and returns the same Extraction as run()."""
    from pipeline.extract import extract
    from pipeline.model import CleanDoc
    from pipeline.nlp import FOR_SPACY_USERS

    assert FOR_SPACY_USERS == ("edumine_gazetteer_ruler_v1",)
    clean = CleanDoc(source_path="t.txt", text=TEXT, title="晋安区教育工作", published=dt.date(2024, 7, 8))
    timings: dict[str, float] = {}
    got = extract(clean, timings)
    full = run(TEXT, title="晋安区教育工作", published=dt.date(2024, 7, 8))
    want = full._.edumine
    assert [f.as_dict() for f in got.figures] == [f.as_dict() for f in want.figures] and got.figures
    assert [m.as_dict() for m in got.measures] == [m.as_dict() for m in want.measures]
    assert [e.as_dict() for e in got.entities] == [e.as_dict() for e in want.entities]
    assert (got.region, got.as_of_year, got.sentences) == (want.region, want.as_of_year, want.sentences)
    assert "gazetteer_ruler" not in timings and "attribution" in timings
    assert "gazetteer" in full.spans and full.user_data["timings"].keys() >= {"gazetteer_ruler"}


def test_views_off_sets_no_spans_and_the_same_extraction():
    """run(views=False), as extract() asks: no span groups, ents or sentence starts; the
    Extraction (sentences, figures with their sentences, entities, region) is the same."""
    full = run(TEXT, title="晋安区教育工作", published=dt.date(2024, 7, 8))
    bare = run(TEXT, title="晋安区教育工作", published=dt.date(2024, 7, 8), views=False,
               skip=FOR_SPACY_USERS)
    assert {"figures", "entities", "measures"} <= set(full.spans) and full.ents
    assert len(list(full.sents)) == len(full._.edumine.sentences) > 1
    assert not bare.spans and not bare.ents and not bare.has_annotation("SENT_START")
    a, b = full._.edumine, bare._.edumine
    assert [f.as_dict() for f in a.figures] == [f.as_dict() for f in b.figures] and a.figures
    assert [m.as_dict() for m in a.measures] == [m.as_dict() for m in b.measures]
    assert [e.as_dict() for e in a.entities] == [e.as_dict() for e in b.entities] and a.entities
    assert (a.region, a.as_of_year, a.sentences) == (b.region, b.as_of_year, b.sentences)


def test_gazetteer_ruler_is_built_on_its_first_document():
    """Start-up does not pay for the ruler's 6,600 phrase docs; extract() never builds it."""
    from pipeline.extract import extract
    from pipeline.model import CleanDoc

    get_nlp.cache_clear()
    lazy = get_nlp().get_pipe("edumine_gazetteer_ruler_v1")
    extract(CleanDoc(source_path="t.txt", text=TEXT))
    assert not lazy.built
    doc = run("晋安区教育局召开会议。")
    assert lazy.built and [s.id_ for s in doc.spans["gazetteer"]] == ["350111"]


OTHER = "宜昌市夷陵区2022年新建幼儿园5所，新增学位1350个。教师交流轮岗218人次。"


def _as_rows(ext) -> tuple:
    return ([f.as_dict() for f in ext.figures], [m.as_dict() for m in ext.measures],
            [e.as_dict() for e in ext.entities], ext.region, ext.as_of_year, ext.sentences)


def test_run_many_equals_run_one_by_one():
    """Step by step over a batch, each Doc's Extraction and text are those of run() alone."""
    from pipeline.nlp import Item, run_many

    items = [Item(TEXT, "晋安区教育工作", dt.date(2024, 7, 8)), Item(OTHER), Item("无数字的一句话。")]
    batch = run_many(items, skip=FOR_SPACY_USERS, views=False)
    assert len(batch) == 3
    for item, doc in zip(items, batch):
        alone = run(item.text, title=item.title, published=item.published, skip=FOR_SPACY_USERS, views=False)
        assert doc.text == item.text
        assert _as_rows(doc._.edumine) == _as_rows(alone._.edumine)
        assert doc.user_data["timings"].keys() == alone.user_data["timings"].keys() >= {"segment", "attribution"}
    assert batch[0]._.edumine.figures and batch[1]._.edumine.figures and not batch[2]._.edumine.figures


def test_a_step_that_fails_on_one_document_spares_the_others(figures_fail_on):
    """run_many hands back the failing document as a StepFailure naming its step, runs no
    later step on it, and extracts the others as if alone; run() raises the error itself."""
    import pytest

    from pipeline.nlp import Item, StepFailure, run_many

    figures_fail_on("新建幼儿园")
    batch = run_many([Item(TEXT), Item(OTHER), Item("教师交流轮岗。")], skip=FOR_SPACY_USERS, views=False)
    assert isinstance(batch[1], StepFailure) and batch[1].step == "figures"
    assert str(batch[1].error) == "boom"
    assert [f.surface for f in batch[0]._.edumine.figures] == ["9.64亿元", "23.65%", "3所", "19个"]
    assert [m.measure for m in batch[2]._.edumine.measures] == ["teacher_rotation"]
    with pytest.raises(ValueError, match="boom"):
        run(OTHER)
