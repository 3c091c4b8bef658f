"""edumine: figures and policy measures from Chinese education reports, into DuckDB.

The library is as useful from Python or Jupyter as the ``edumine`` command::

    from pipeline import Warehouse, extract_text, ingest_paths
    info = ingest_paths(["reports/"], db="w.duckdb")      # an IngestInfo
    ext = extract_text("2023年全区教育经费投入9.64亿元。")  # an Extraction
    wh = Warehouse("w.duckdb", read_only=True)

Names are imported lazily so that ``import pipeline`` stays cheap. None of them
is also the name of a submodule: importing ``pipeline.ingest`` would otherwise
replace the exported function with the module.
"""
from __future__ import annotations

from importlib import import_module
from typing import Any

__version__ = "0.1.0"

_EXPORTS = {
    "ingest_paths": ("pipeline.ingest", "ingest"),
    "IngestInfo": ("pipeline.ingest", "IngestInfo"),
    "reextract_warehouse": ("pipeline.reextract", "reextract"),
    "Warehouse": ("pipeline.store", "Warehouse"),
    "extract_document": ("pipeline.extract", "extract"),
    "extract_text": ("pipeline.extract", "extract_text"),
    "clean_input": ("pipeline.clean", "clean"),
    "find_figures": ("pipeline.figures", "find_figures"),
    "get_nlp": ("pipeline.nlp", "get_nlp"),
    "compare_regions": ("pipeline.compare", "compare"),
    "render_compare": ("pipeline.formats", "render_compare"),
    "show_document": ("pipeline.show", "show_document"),
    "render_report": ("pipeline.report", "render_report"),
}

__all__ = ["__version__", *_EXPORTS]


def __getattr__(name: str) -> Any:
    if name in _EXPORTS:
        module, attr = _EXPORTS[name]
        return getattr(import_module(module), attr)
    raise AttributeError(f"module 'pipeline' has no attribute {name!r}")
