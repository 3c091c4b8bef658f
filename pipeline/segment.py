"""Segmentation: a jieba tokenizer owned by edumine, and a Chinese sentence splitter.

jieba's module-level functions share one global dictionary; we own a
``jieba.Tokenizer`` instance loaded with the domain user dictionary in
``rules/userdict.txt`` so two pipelines never disturb each other. The spaCy
tokenizer built on it keeps the ``Doc`` text equal to the input, so character
offsets from any stage hold in the ``Doc``.
"""
from __future__ import annotations

import logging
import os
import re
from functools import lru_cache
from pathlib import Path
from typing import Protocol

import jieba
from spacy.tokens import Doc
from spacy.vocab import Vocab

from .errors import RuleError
from .rulefiles import display, load_lines, rule_path

jieba.setLogLevel(logging.WARNING)

USERDICT = "userdict.txt"


def _userdict_entries(path: Path) -> list[tuple[str, int | None, str | None]]:
    lines, shown = load_lines(path)
    out = []
    for lineno, line in lines:
        parts = line.split()
        if len(parts) > 3:
            raise RuleError(shown, f"line {lineno}", "expected 'word [freq] [tag]'")
        word = parts[0]
        freq = None
        tag = None
        for extra in parts[1:]:
            if extra.isdigit():
                freq = int(extra)
            else:
                tag = extra
        out.append((word, freq, tag))
    return out


@lru_cache(maxsize=2)
def make_tokenizer(userdict: str | None = None) -> jieba.Tokenizer:
    """One jieba Tokenizer per process and dictionary, with our user dictionary added."""
    tk = jieba.Tokenizer()
    tk.initialize()
    path = Path(userdict) if userdict else rule_path(USERDICT)
    if path.exists():
        for word, freq, tag in _userdict_entries(path):
            tk.add_word(word, freq, tag)
    return tk


class Segmenter(Protocol):
    name: str

    def cut(self, text: str) -> list[str]: ...


class JiebaSegmenter:
    """Python jieba over our owned Tokenizer (the reference implementation)."""

    name = "jieba"

    def __init__(self, userdict: str | None = None):
        self.tk = make_tokenizer(userdict)

    def cut(self, text: str) -> list[str]:
        return list(self.tk.cut(text, HMM=True))


_ASCII_PIECES = re.compile(r"[a-zA-Z0-9]+(?:\.\d+)?%?|.", re.S)


class RJiebaSegmenter:
    r"""jieba-rs (``rjieba``): the same dictionary and algorithm, about 20x faster.

    jieba-rs keeps runs like ``2023-05-14`` or ``www.moe.gov.cn`` whole where
    Python jieba splits them at punctuation (its HMM pass keeps only
    ``[a-zA-Z0-9]+(\.\d+)?%?`` together); we split them the same way, so the
    output equals jieba's (tests/core/test_segment.py checks it).
    """

    name = "rjieba"

    def __init__(self, userdict: str | None = None):
        import rjieba

        self.rj = rjieba.Jieba()
        path = Path(userdict) if userdict else rule_path(USERDICT)
        if path.exists():
            for word, freq, tag in _userdict_entries(path):
                self.rj.add_word(word, freq, tag)

    def cut(self, text: str) -> list[str]:
        out: list[str] = []
        for w in self.rj.cut(text, True):
            if len(w) > 1 and w.isascii() and not w.isalnum():
                out.extend(_ASCII_PIECES.findall(w))
            else:
                out.append(w)
        return out


SEGMENTERS = {"jieba": JiebaSegmenter, "rjieba": RJiebaSegmenter}


@lru_cache(maxsize=4)
def make_segmenter(backend: str | None = None, userdict: str | None = None) -> Segmenter:
    """The word segmenter: ``$EDUMINE_SEGMENTER`` (``rjieba``, the default, or ``jieba``)."""
    name = backend or os.environ.get("EDUMINE_SEGMENTER", "rjieba")
    if name not in SEGMENTERS:
        raise RuleError("EDUMINE_SEGMENTER", name, f"unknown segmenter; use one of {', '.join(SEGMENTERS)}")
    return SEGMENTERS[name](userdict)


def words(text: str, segmenter: Segmenter | None = None) -> list[str]:
    """Words of ``text``; their concatenation is ``text`` exactly."""
    return (segmenter or make_segmenter()).cut(text)


class JiebaSpacyTokenizer:
    """A spaCy tokenizer over our segmenter (spaCy's own jieba mode cannot take a user dictionary)."""

    def __init__(self, vocab: Vocab, segmenter: Segmenter | None = None):
        self.vocab = vocab
        self.segmenter = segmenter or make_segmenter()

    def __call__(self, text: str) -> Doc:
        ws = [w for w in self.segmenter.cut(text) if w]
        return Doc(self.vocab, words=ws, spaces=[False] * len(ws))

    # spaCy serialization hooks: the tokenizer holds no state worth saving
    def to_bytes(self, **_: object) -> bytes:
        return b""

    def from_bytes(self, _data: bytes, **_: object) -> "JiebaSpacyTokenizer":
        return self

    def to_disk(self, _path: object, **_: object) -> None:
        return None

    def from_disk(self, _path: object, **_: object) -> "JiebaSpacyTokenizer":
        return self


# -- sentences ---------------------------------------------------------------

_TERMINAL = "。！？!?"
_CLOSERS = "”’」』）)】"
_OPEN_QUOTES = "“‘「『"
_CLOSE_QUOTES = "”’」』"
_LIST_ITEM = re.compile(
    r"(?:[一二三四五六七八九十]+是|[（(][一二三四五六七八九十\d]+[)）]|[一二三四五六七八九十]+、|\d{1,2}[、.．](?!\d))"
)


def split_sentences(text: str) -> list[tuple[int, int]]:
    """Sentence spans (start, end) over ``text``, covering every non-blank character.

    A sentence ends at 。！？!? (with any closing quotes or brackets after it),
    and at a line break. Terminal punctuation inside open quotes does not end
    the sentence unless the quote closes right after it. Leading and trailing
    whitespace is left out of the spans.
    """
    spans: list[tuple[int, int]] = []
    n = len(text)
    start = 0
    depth = 0
    i = 0

    def push(a: int, b: int) -> None:
        while a < b and text[a].isspace():
            a += 1
        while b > a and text[b - 1].isspace():
            b -= 1
        if b > a:
            spans.append((a, b))

    while i < n:
        ch = text[i]
        if ch in _OPEN_QUOTES:
            depth += 1
        elif ch in _CLOSE_QUOTES and depth:
            depth -= 1
        if ch == "\n":
            push(start, i)
            start = i + 1
            depth = 0
        elif ch in _TERMINAL:
            j = i + 1
            while j < n and text[j] in _TERMINAL:
                j += 1
            closes = 0
            while j < n and text[j] in _CLOSERS:
                if text[j] in _CLOSE_QUOTES:
                    closes += 1
                j += 1
            if depth == 0 or closes >= depth:
                depth = 0
                push(start, j)
                start = j
            i = j
            continue
        i += 1
    push(start, n)
    return spans


def clauses(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Clause spans inside a sentence: split at ，；：, and 、 is left to callers."""
    out = []
    a = start
    for m in re.finditer(r"[，；：,;:]", text[start:end]):
        b = start + m.start()
        if b > a:
            out.append((a, b))
        a = b + 1
    if end > a:
        out.append((a, end))
    return out
