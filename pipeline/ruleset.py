"""Load and validate every rule file at once, before any input is read.

Each stage loads its own rules lazily and caches them; calling them all here
means a malformed file stops the run at start with a RuleError naming file and
entry, instead of turning every document into a stage error, and it warms the
caches before worker processes fork (they share the loaded rules).
"""
from __future__ import annotations

from typing import Callable

from . import attribution, clean, figures, gazetteer, measures, modality, normalize, periods, regions, standards
from .rulefiles import rules_dir, rules_version
from .segment import make_segmenter

# name shown to users -> loader; each returns the loaded, validated rules
LOADERS: dict[str, Callable[[], object]] = {
    "boilerplate.yaml + spam.txt": clean.load_rules,
    "units.yaml + figures.yaml": figures.load_rules,
    "metrics.yaml": attribution.load_metric_rules,
    "time.yaml": periods.load_time_rules,
    "modality.yaml": modality.load_modality_rules,
    "measures.yaml": measures.load_rules,
    "regions/ (gazetteer)": gazetteer.load_gazetteer,
    "regions/names.yaml": gazetteer.load_name_rules,
    "regions/orgs.yaml": regions.load_org_rules,
    "standards.yaml": standards.reference,
    "userdict.txt (segmenter)": make_segmenter,
    "jieba dictionary (regions' word lists)": regions.lexicon,
}


# caches built from the libraries, not from rule files: warmed with the rules so
# that worker processes forked after load_all share them
WARM: tuple[Callable[[], object], ...] = (normalize.traditional_chars, regions.warm_caches)


def load_all() -> dict[str, object]:
    """Every rule set, loaded and validated; the first error raises (nothing half-loaded is used)."""
    loaded = {name: loader() for name, loader in LOADERS.items()}
    for warm in WARM:
        warm()
    return loaded


def describe() -> list[tuple[str, str]]:
    """(rule set, a short size note) for ``edumine rules``."""
    out = []
    for name, loaded in load_all().items():
        size = None
        for attr in ("rows", "metrics", "measures", "standards", "units", "lines"):
            value = getattr(loaded, attr, None)
            if value is not None:
                size = len(value()) if callable(value) else len(value)
                break
        out.append((name, f"{size} entries" if size is not None else "ok"))
    out.append(("rules folder", str(rules_dir())))
    out.append(("rules version", rules_version()))
    return out
