"""Modality: did a figure happen (actual), is it aimed at (target), or fixed by a rule (standard)?

The cue words live in ``rules/modality.yaml``; the order of decision is fixed
here and documented there. Cues are read where an analyst reads them: rule
words in the figure's own clause, goal words earlier in its sentence, a goal
date that governs it, or a goal section (行动目标) around it.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from .rulefiles import compile_regex, load_yaml, need, no_unknown_keys, str_list
from .segment import CLAUSE_BREAK

MODALITY_RULES = "modality.yaml"
_KEYS = ("standard", "actual", "target", "target_heading", "standard_bound", "rule_context")


@dataclass(frozen=True)
class ModalityRules:
    standard: re.Pattern[str]
    actual: re.Pattern[str]
    target: re.Pattern[str]
    target_heading: re.Pattern[str]
    standard_bound: re.Pattern[str]
    rule_context: re.Pattern[str]


def _alternation(data: dict, key: str, path: str) -> re.Pattern[str]:
    items = str_list(data, key, path, "<file>")
    for i, item in enumerate(items):
        compile_regex(item, path, f"{key}[{i}]")  # name the bad entry, not the joined whole
    return re.compile("|".join(f"(?:{item})" for item in items))


@lru_cache(maxsize=4)
def load_modality_rules(path: str | None = None) -> ModalityRules:
    """``rules/modality.yaml``, validated and compiled once per process."""
    data, shown = load_yaml(path or MODALITY_RULES)
    no_unknown_keys(data, _KEYS, shown, "<file>")

    def rx(key: str) -> re.Pattern[str]:
        return compile_regex(need(data, key, str, shown, "<file>"), shown, key)

    return ModalityRules(
        standard=_alternation(data, "standard", shown),
        actual=_alternation(data, "actual", shown),
        target=_alternation(data, "target", shown),
        target_heading=rx("target_heading"),
        standard_bound=rx("standard_bound"),
        rule_context=rx("rule_context"),
    )


def is_target_heading(heading: str) -> bool:
    """A heading that announces goals (四、行动目标) makes its section target."""
    return bool(load_modality_rules().target_heading.search(heading))


def _previous_clause_start(text: str, sent_start: int, clause_start: int) -> int:
    """Start of the clause before the figure's: goal words reach one clause forward
    (…发展目标，即用3年时间投入3个亿), not across a whole long sentence."""
    breaks = list(CLAUSE_BREAK.finditer(text, sent_start, max(sent_start, clause_start - 1)))
    return breaks[-1].end() if breaks else sent_start


def classify(text: str, sentence: tuple[int, int], clause: tuple[int, int], figure: tuple[int, int],
             target_time: bool = False, target_section: bool = False) -> tuple[str, str]:
    """(modality, reason) of the figure at ``figure`` (start, end) in ``text``.

    ``clause`` and ``sentence`` are the spans around it; ``target_time`` says a
    goal date (到2025年) governs it, ``target_section`` that it stands in a goal
    section. The reason names the cue that decided, for ``metric_rule``-style
    provenance and for debugging rules.
    """
    r = load_modality_rules()
    c0, c1 = clause
    f0, f1 = figure
    local = text[c0:f0] + "#" + text[f1:c1]
    m = r.standard.search(local)
    if m:
        return "standard", f"standard:{m.group()}"
    m = r.actual.search(local)
    if m:
        return "actual", f"actual:{m.group()}"
    m = r.target.search(text, _previous_clause_start(text, sentence[0], c0), c1)
    if m:
        return "target", f"target:{m.group()}"
    if target_time:
        return "target", "target:date"
    if target_section:
        return "target", "target:section"
    sent = text[sentence[0]:sentence[1]]
    if r.standard_bound.search(local) and r.rule_context.search(sent):
        return "standard", "standard:bound"
    return "actual", "actual"
