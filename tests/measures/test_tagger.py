"""tag_measures: sentence spans, cue offsets, one row per (sentence, measure), exclusions."""
from __future__ import annotations

from pathlib import Path

import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from pipeline import measures as M
from pipeline.model import Measure
from pipeline.segment import split_sentences

TEXT = "全县组建教育集团8个。\n新建寄宿制学校3所，改善寄宿条件；寄宿制学校达41所。"


def test_rows_carry_sentence_span_cue_and_rule() -> None:
    got = M.tag_measures(TEXT, split_sentences(TEXT))
    assert [m.as_dict() for m in got] == [
        Measure("group_schooling", 0, 11, "教育集团", 4, 8, "group_schooling:terms[1]").as_dict(),
        Measure("school_construction", 12, 39, "新建寄宿制学校", 12, 19, "school_construction:patterns[0]").as_dict(),
        Measure("boarding_schools", 12, 39, "寄宿制学校", 14, 19, "boarding_schools:terms[0]").as_dict(),
    ]
    for m in got:
        assert TEXT[m.cue_start:m.cue_end] == m.cue


def test_several_measures_in_one_sentence_in_cue_order() -> None:
    s = "实施营养改善计划，落实家庭经济困难学生资助，开展校园足球。"
    assert list(M.tag_sentence(s)) == ["nutrition_meals", "student_aid", "arts_sports_labor"]


CITED = [
    ("依据《关于全面推行县管校聘的指导意见》开展调研。", []),
    ("县里研究出台《关于推行县管校聘的实施方案》。", ["county_managed_teachers"]),
    ("印发了《教师交流轮岗办法》。", ["teacher_rotation"]),
]


def test_cited_titles_are_not_local_measures() -> None:
    for text, expected in CITED:
        assert list(M.tag_sentence(text)) == expected, text


def test_longer_term_of_another_measure_wins() -> None:
    assert list(M.tag_sentence("设立捐资助学基金。")) == ["social_participation"]
    assert list(M.tag_sentence("开展师徒结对活动。")) == ["teacher_training"]


def test_weak_cue_needs_support_in_its_sentence() -> None:
    assert "boarding_schools" not in M.tag_sentence("全校寄宿生320人。")
    assert "boarding_schools" in M.tag_sentence("为寄宿生更换新床铺。")


def test_patterns_stay_inside_a_clause() -> None:
    assert "teacher_rotation" in M.tag_sentence("教师到乡村学校交流任教。")
    assert "teacher_rotation" not in M.tag_sentence("组织教师参观，交流心得。")


def test_phrase_patterns_cover_terms_with_their_measure() -> None:
    pats = M.phrase_patterns()
    assert {"label": "class_size_control", "pattern": "大班额", "id": "class_size_control:terms[0]"} in pats
    shared = [p["label"] for p in pats if p["pattern"] == "生活补贴"]
    assert sorted(shared) == ["boarding_schools", "student_aid"]
    assert all(set(p) == {"label", "pattern", "id"} for p in pats)


def test_measure_info_lists_labels_and_categories() -> None:
    info = {m["id"]: m for m in M.measure_info()}
    assert info["student_aid"]["category"] == "demand"
    assert info["school_construction"]["category"] == "supply"
    assert info["quality_evaluation"]["category"] == "environment"
    assert info["boarding_schools"]["zh"] == "寄宿制学校"


def test_empty_inputs() -> None:
    assert M.tag_measures("", []) == []
    assert M.tag_measures("大班额。", []) == []


PIECES = ["新建学校3所。", "教育集团", "，", "。", "\n", "寄宿生", "学生", "《", "》", "家门口读书", "abc", "体育、美术教师"]


@settings(max_examples=60, deadline=None)
@given(st.lists(st.sampled_from(PIECES), max_size=25))
def test_rows_are_consistent_for_any_text(parts: list[str]) -> None:
    """Cues lie inside their sentence, rows are unique per (sentence, measure), text order holds."""
    text = "".join(parts)
    sents = split_sentences(text)
    got = M.tag_measures(text, sents)
    assert len({(m.start, m.measure) for m in got}) == len(got)
    assert [m.start for m in got] == sorted(m.start for m in got)
    for m in got:
        assert (m.start, m.end) in sents
        assert m.start <= m.cue_start < m.cue_end <= m.end
        assert text[m.cue_start:m.cue_end] == m.cue


def _brute_scan(rules: M.MeasureRules, sent: str) -> list[tuple[int, int, str]]:
    """Every position tried: the longest term there, then every pattern that matches there."""
    out = []
    for p in range(len(sent)):
        terms = [t for t in rules.terms if sent.startswith(t, p)]
        if terms:
            longest = max(terms, key=len)
            out += [(p, p + len(longest), c.rule) for c in rules.terms[longest]]
        for cue, rx in [*rules.starts.get(sent[p], ()), *rules.any_start]:
            if (m := rx.match(sent, p)) is not None:
                out.append((p, m.end(), cue.rule))
    return out


def _case_and_corpus_sentences() -> list[str]:
    """The measure case file's sentences and the bundled corpus': hundreds of real cue uses."""
    root = Path(__file__).resolve().parents[2]
    cases = yaml.safe_load((root / "rules" / "cases" / "measures.yaml").read_text(encoding="utf-8"))
    texts = []
    for entry in cases["measures"].values():
        for kind in ("positive", "negative"):
            texts += [c["text"] if isinstance(c, dict) else c for c in entry.get(kind, [])]
    texts += [c["text"] if isinstance(c, dict) else c for c in cases.get("exact", [])]
    texts += [p.read_text(encoding="utf-8") for p in sorted((root / "corpora").glob("*.txt"))]
    return [t[a:b] for t in texts for a, b in split_sentences(t)]


def test_scan_finds_what_trying_every_position_finds() -> None:
    """The scanner's stops (terms and literal prefixes, in C) miss no cue start."""
    rules = M.load_rules()
    sents = _case_and_corpus_sentences()
    assert len(sents) > 300
    used = set()
    for sent in sents:
        got = [(h.start, h.end, h.cue.rule) for h in M._scan(rules, sent)]
        assert got == _brute_scan(rules, sent), sent
        used |= {rule for *_, rule in got}
    assert len([r for r in used if ":patterns[" in r]) >= 40  # most patterns were exercised


def _every_verdict_first(rules: M.MeasureRules, sent: str, hits: list) -> dict[str, tuple[int, int, str]]:
    """The plain form: judge every hit, then take each measure's first survivor in (start, -end) order."""
    terms = [h for h in hits if h.cue.is_term]
    blocked = M._spans(rules.exclude, sent) + M._cited_titles(rules, sent)
    kept = [h for h in hits
            if (h.cue.near is None or h.cue.near.search(sent))
            and not (M._overlaps(h, blocked) or M._overlaps(h, M._spans(rules.measures[h.cue.measure].exclude, sent))
                     or M._shadowed(h, terms))]
    out: dict[str, tuple[int, int, str]] = {}
    for h in sorted(kept, key=lambda h: (h.start, -h.end)):
        out.setdefault(h.cue.measure, (h.start, h.end, h.cue.rule))
    return out


def test_first_kept_equals_judging_every_cue() -> None:
    """Stopping at each measure's first surviving cue gives what judging every cue gives,
    in the same order, on hundreds of real cue uses."""
    rules = M.load_rules()
    decided = 0
    for sent in _case_and_corpus_sentences():
        hits = M._scan(rules, sent)
        got = {mid: (h.start, h.end, h.cue.rule) for mid, h in M._first_kept(rules, sent, hits).items()}
        want = _every_verdict_first(rules, sent, hits)
        assert list(got.items()) == list(want.items()), sent
        decided += len(got)
    assert decided > 250


def test_phrase_patterns_load_into_a_span_ruler() -> None:
    import spacy
    from spacy.tokens import Doc

    nlp = spacy.blank("xx")
    ruler = nlp.add_pipe("span_ruler", config={"spans_key": "measures"})
    ruler.add_patterns(M.phrase_patterns())
    doc = ruler(Doc(nlp.vocab, words=["全面", "消除", "大班额", "。"], spaces=[False] * 4))
    assert [(s.text, s.label_) for s in doc.spans["measures"]] == [("大班额", "class_size_control")]
