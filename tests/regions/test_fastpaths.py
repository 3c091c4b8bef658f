"""The regions pass's fast paths give exactly what the plain computations give.

References here are the straightforward versions (walk every position, one ``findall`` per
pattern, clauses for every figure) over the case file's texts, the bundled corpus and the dev set.
"""
from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from pipeline import regions
from pipeline.extract import extract_text
from pipeline.gazetteer import _public, load_gazetteer
from pipeline.model import RegionGuess
from pipeline.segment import clauses

ROOT = Path(__file__).resolve().parents[2]


def _texts() -> list[tuple[str | None, str]]:
    """(title, text) pairs: every regions case, the bundled corpus, the dev set's text documents."""
    cases = yaml.safe_load((ROOT / "rules" / "cases" / "regions.yaml").read_text(encoding="utf-8"))
    out = [(c.get("title"), c["text"]) for section in ("entities", "documents", "figures")
           for c in cases[section]]
    files = sorted((ROOT / "corpora").glob("*.txt")) + sorted((ROOT / "tests" / "devset" / "docs").glob("*.txt"))
    out += [(None, p.read_text(encoding="utf-8")) for p in files]
    return out


TEXTS = _texts()


def test_sample_is_large_enough():
    assert len(TEXTS) > 100 and sum(len(t) for _, t in TEXTS) > 10_000


def test_form_heads_are_every_position_a_form_may_begin():
    _, heads = regions._form_starts()
    for _, text in TEXTS:
        want = [k for k in range(len(text)) if text[k:k + 2] in heads or text[k] in heads]
        assert regions._form_heads(text) == want, text[:40]


def test_head_finder_sees_one_character_forms():
    starts, heads = regions._head_finder(["京", "北京", "晋安区"])
    assert regions._heads_in("进京后到北京市晋安区，京", starts, heads) == [1, 4, 5, 7, 11]
    assert regions._heads_in("北京", *regions._head_finder([])) == []


def _scan_every_position(text: str) -> list:
    """The GPE scan trying the trie at every position."""
    out: list = []
    i = 0
    while i < len(text):
        for j, surfaces in regions._forms_at(text, i):
            kept = regions._accept(text, i, j, surfaces, out[-1] if out else None)
            if kept:
                out.append(regions._gpe_entity(text, i, j, kept))
                i = j
                break
        else:
            i += 1
    return out


def test_gpe_scan_equals_trying_every_position():
    for _, text in TEXTS:
        got = [e.as_dict() for e in regions._scan_gpe(text)]
        assert got == [e.as_dict() for e in _scan_every_position(text)], text[:40]


def test_self_cues_count_what_findall_counts():
    for title, text in TEXTS:
        want = {level: sum(w * (len(rx.findall(text)) + 2 * len(rx.findall(title or ""))) for rx, w in pats)
                for level, pats in regions._SELF.items()}
        assert regions._self_cues(title, text) == want, text[:40]


def _figure_regions_reference(text, sentences, figures, entities, own) -> list[tuple[str | None, str]]:
    """Each figure's region as the straightforward rule computes it (clauses for every figure),
    with the way it was found."""
    gz = load_gazetteer()
    schools = [e for e in entities if e.rule == "org:school"]
    gpes = []
    for e in entities:
        if e.label == "GPE" and not any(s.start <= e.start and e.end <= s.end for s in schools):
            codes = [c for c in regions.candidate_codes(e) if not own or own in gz.ancestors(c)]
            if len(codes) == 1:
                gpes.append((e, codes[0]))
    towns = regions._town_matcher(own) if own and gz.by_code(own)["level"] != "county" else None
    out = []
    for fig in figures:
        a, b = regions._sentence_of(fig, sentences)
        named = regions._named_in(text, a, b, gpes, towns)
        before = [c for e, c in named if e.end <= fig.start]
        _, cb = next(((x, y) for x, y in clauses(text, a, b) if x <= fig.start < y), (a, b))
        after = [c for e, c in named if fig.end <= e.start and e.end <= cb]
        out.append((before[-1], "before") if before else (after[0], "after") if after else (own, "own"))
    return out


# a division named after the figure, in its clause or beyond it, in a city's report
AFTER = ["全市新建学校30所夷陵区占5所。", "全市新增学位2000个，夷陵区占一半。", "全市投入3亿元西陵区、夷陵区各半。"]


def test_figure_regions_equal_the_reference():
    ways: dict[str, int] = {}
    for title, text in TEXTS + [("宜昌市教育局工作报告", t) for t in AFTER]:
        ext = extract_text(text, title=title)
        own = ext.region.code
        for code in dict.fromkeys([own, *load_gazetteer().ancestors(own), None]):
            regions.assign_figure_regions(text, ext.sentences, ext.figures, ext.entities,
                                          RegionGuess(code, None, None, 1.0))
            want = _figure_regions_reference(text, ext.sentences, ext.figures, ext.entities, code)
            assert [f.region_code for f in ext.figures] == [c for c, _ in want], text[:40]
            for _, way in want:
                ways[way] = ways.get(way, 0) + 1
    assert ways["before"] > 20 and ways["after"] >= 3 and ways["own"] > 100, ways


@pytest.mark.parametrize("code", ["350000", "350100", "350111", "999999", None])
def test_by_code_is_a_fresh_public_row(code):
    gz = load_gazetteer()
    raw = gz._by_code.get(code or "")
    got = gz.by_code(code)
    assert got == (_public(raw) if raw is not None else None)
    if got is not None:
        got["name"] = "changed"
        assert gz.by_code(code)["name"] != "changed"
