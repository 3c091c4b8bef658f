"""Loading rule files from ``rules/``: location, YAML parsing, validation helpers.

Rules are data. Every loader in the package reads its file through here so that
a malformed file fails the same way: a :class:`RuleError` naming the file, the
entry and the reason (``[rules/units.yaml -> units[3].name] missing``), raised
before anything is used, so a rule set is never half loaded.
"""
from __future__ import annotations

import hashlib
import os
import re
from functools import lru_cache
from pathlib import Path
from typing import Any, Iterable

import yaml

from .errors import RuleError

_PACKAGE_RULES = Path(__file__).resolve().parent.parent / "rules"


def rules_dir() -> Path:
    """The rules folder: ``$EDUMINE_RULES`` if set, else ``rules/`` beside the package."""
    env = os.environ.get("EDUMINE_RULES")
    return Path(env) if env else _PACKAGE_RULES


def rule_path(name: str) -> Path:
    return rules_dir() / name


def display(path: Path) -> str:
    """A short path for messages: relative to the rules folder's parent when possible."""
    try:
        return str(path.resolve().relative_to(rules_dir().resolve().parent))
    except ValueError:
        return str(path)


# libyaml's safe loader (in PyYAML's wheels) reads our rule files 8x faster than the
# pure-Python one, with the same data; a PyYAML built without libyaml uses the latter
_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def load_yaml(name: str | Path) -> tuple[Any, str]:
    """Parse one YAML rule file; return (data, display path). Bad YAML is a RuleError."""
    path = Path(name) if isinstance(name, Path) else rule_path(name)
    shown = display(path)
    try:
        with open(path, encoding="utf-8") as fh:
            data = yaml.load(fh, Loader=_LOADER)  # noqa: S506 - a safe loader
    except FileNotFoundError:
        raise RuleError(shown, "<file>", "rule file not found") from None
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        loc = f"line {mark.line + 1}" if mark else "<file>"
        raise RuleError(shown, loc, f"invalid YAML: {getattr(exc, 'problem', exc)}") from None
    if data is None:
        raise RuleError(shown, "<file>", "file is empty")
    return data, shown


def load_lines(name: str | Path) -> tuple[list[tuple[int, str]], str]:
    """A plain-text rule list: (line number, line) without comments and blanks."""
    path = Path(name) if isinstance(name, Path) else rule_path(name)
    shown = display(path)
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise RuleError(shown, "<file>", "rule file not found") from None
    out = []
    for i, line in enumerate(text.splitlines(), 1):
        line = line.strip()
        if line and not line.startswith("#"):
            out.append((i, line))
    return out, shown


# -- validation helpers -------------------------------------------------------

def need(entry: Any, key: str, typ: type | tuple[type, ...], path: str, loc: str,
         default: Any = ..., ) -> Any:
    """Fetch ``entry[key]`` checking its type; missing without a default is an error."""
    if not isinstance(entry, dict):
        raise RuleError(path, loc, f"expected a mapping, got {type(entry).__name__}")
    if key not in entry or entry[key] is None:
        if default is ...:
            raise RuleError(path, f"{loc}.{key}", "missing")
        return default
    value = entry[key]
    if not isinstance(value, typ):
        want = typ.__name__ if isinstance(typ, type) else "/".join(t.__name__ for t in typ)
        raise RuleError(path, f"{loc}.{key}", f"expected {want}, got {type(value).__name__}")
    return value


def str_list(entry: dict, key: str, path: str, loc: str, default: Any = ...) -> list[str]:
    """A list of non-empty strings (a single string is accepted as a one-item list)."""
    value = need(entry, key, (list, str), path, loc, default)
    if isinstance(value, str):
        value = [value]
    for i, item in enumerate(value):
        if not isinstance(item, str) or not item:
            raise RuleError(path, f"{loc}.{key}[{i}]", "expected a non-empty string")
    return list(value)


def no_unknown_keys(entry: dict, allowed: Iterable[str], path: str, loc: str) -> None:
    extra = set(entry) - set(allowed)
    if extra:
        raise RuleError(path, loc, f"unknown key(s): {', '.join(sorted(extra))}")


def compile_regex(pattern: str, path: str, loc: str, flags: int = 0) -> re.Pattern[str]:
    try:
        return re.compile(pattern, flags)
    except re.error as exc:
        raise RuleError(path, loc, f"regex does not compile: {exc}") from None


def one_of(value: Any, allowed: Iterable[str], path: str, loc: str) -> Any:
    allowed = list(allowed)
    if value not in allowed:
        raise RuleError(path, loc, f"{value!r} is not one of {', '.join(map(str, allowed))}")
    return value


def no_duplicates(items: Iterable[tuple[str, str]], path: str, what: str) -> None:
    """``items`` are (key, loc) pairs; a key seen twice is an error naming both places."""
    seen: dict[str, str] = {}
    for key, loc in items:
        if key in seen:
            raise RuleError(path, loc, f"duplicate {what} {key!r} (first at {seen[key]})")
        seen[key] = loc


@lru_cache(maxsize=4)
def _version_of(folder: str) -> str:
    h = hashlib.sha256()
    for p in sorted(Path(folder).rglob("*")):
        if p.is_file() and not p.name.endswith((".pyc",)) and "cases" not in p.parts:
            h.update(str(p.relative_to(folder)).encode())
            h.update(p.read_bytes())
    return h.hexdigest()[:12]


def rules_version() -> str:
    """A short hash of every rule file: recorded on each extracted row."""
    return _version_of(str(rules_dir()))
