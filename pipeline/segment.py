"""Segmentation: the word segmenters, jieba's dictionary as regions reads it, and a Chinese
sentence splitter.

jieba's module-level functions share one global dictionary; we own our segmenter instances,
loaded with the domain user dictionary in ``rules/userdict.txt``, so two pipelines never disturb
each other. The spaCy tokenizer built on them keeps the ``Doc`` text equal to the input, so
character offsets from any stage hold in the ``Doc``. Python jieba (``make_tokenizer``, 0.6 s to
load) is the reference; the run uses rjieba and :func:`load_lexicon`, which reads from jieba's
dictionary file only the word lists regions asks about.
"""
from __future__ import annotations

import importlib.util
import logging
import os
import re
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache
from itertools import compress, count
from pathlib import Path
from typing import TYPE_CHECKING, Callable, NamedTuple, Protocol

from spacy.tokens import Doc
from spacy.vocab import Vocab

from .errors import RuleError
from .rulefiles import load_lines, rule_path

if TYPE_CHECKING:
    import jieba

USERDICT = "userdict.txt"
JIEBA_DICT = "dict.txt"  # jieba's packaged dictionary (jieba.DEFAULT_DICT_NAME): "word freq tag" a line


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
    """One jieba Tokenizer per process and dictionary, with our user dictionary added.

    The reference segmenter (``EDUMINE_SEGMENTER=jieba``) and the tests' yardstick; jieba is
    imported here, not with this module, as the default run never needs it (70 ms of imports).
    """
    import jieba

    jieba.setLogLevel(logging.WARNING)
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


class UserWord(NamedTuple):
    """A user-dictionary word as a segmenter added it."""

    word: str
    freq: int | None  # as written; None: jieba suggests one from ``cut``
    cut: tuple[str, ...]  # the words the dictionary cut it into (no HMM) just before it was added


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
        self.user_words: list[UserWord] = []
        path = Path(userdict) if userdict else rule_path(USERDICT)
        if path.exists():
            for word, freq, tag in _userdict_entries(path):
                self.user_words.append(UserWord(word, freq, tuple(self.rj.cut(word, False))))
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
    return rjieba_segmenter(userdict) if name == "rjieba" else SEGMENTERS[name](userdict)


@lru_cache(maxsize=4)
def rjieba_segmenter(userdict: str | None = None) -> RJiebaSegmenter:
    """The rjieba segmenter, one per process and user dictionary: the default segmenter and the
    source of :func:`load_lexicon`'s user words share it (its dictionary takes 70 ms to build)."""
    return RJiebaSegmenter(userdict)


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


# -- jieba's dictionary, read lean ------------------------------------------------

@dataclass(frozen=True)
class Lexicon:
    """Word lists from jieba's dictionary, as its Python Tokenizer (with our user words) has them.

    The Tokenizer takes 0.6 s to load every word's frequency, and reading every word's tag 0.2 s
    more; regions only asks whether a word is frequent and whether its tag is one of a few, so
    these sets are read straight from the dictionary file (about 0.15 s).
    """

    common: frozenset[str]  # words whose frequency (``Tokenizer.FREQ``) is at least min_freq
    tagged: frozenset[str]  # packaged-dictionary words whose tag begins with one of tag_initials
    user_freq: dict[str, int]  # the frequency the Tokenizer gives each user-dictionary word


def jieba_dictionary_path() -> Path:
    """jieba's packaged dictionary file, found without importing jieba."""
    spec = importlib.util.find_spec("jieba")
    if spec is None or not spec.submodule_search_locations:
        raise ModuleNotFoundError("jieba is not installed", name="jieba")
    return Path(spec.submodule_search_locations[0]) / JIEBA_DICT


@lru_cache(maxsize=2)
def load_lexicon(min_freq: int, tag_initials: frozenset[str], userdict: str | None = None) -> Lexicon:
    """The words at or above ``min_freq`` and the words tagged ``tag_initials``, for regions'
    boundary checks and school names, without building jieba's Tokenizer.

    Tags come from the packaged dictionary only (user-dictionary tags are not read); user words
    take the frequencies the Tokenizer gives them (:func:`_user_frequencies`).
    """
    path = jieba_dictionary_path()
    text = path.read_bytes().decode("utf-8")
    cols = text.split()
    if len(cols) != 3 * (text.count("\n") + (not text.endswith("\n"))):
        raise ValueError(f"{path}: expected 'word freq tag' on every line")
    words, freqs, tags = cols[0::3], cols[1::3], cols[2::3]
    del cols
    counts = Counter(freqs)  # a few thousand distinct values: convert each once
    value = {f: int(f) for f in counts}
    total = sum(value[f] * n for f, n in counts.items())
    frequent = {f for f, v in value.items() if v >= min_freq}
    common = set(compress(words, map(frequent.__contains__, freqs)))
    cut_tags = {t for t in set(tags) if t[:1] in tag_initials}
    tagged = frozenset(compress(words, map(cut_tags.__contains__, tags)))
    user_words = rjieba_segmenter(userdict).user_words
    needed = {w[a:b] for w, _, _ in user_words for a in range(len(w)) for b in range(a + 1, len(w) + 1)}
    main = {words[i]: value[freqs[i]] for i in compress(count(), map(needed.__contains__, words))}
    user = _user_frequencies(user_words, main, total, lambda s: text.startswith(s) or f"\n{s}" in text)
    common.difference_update(user)
    common.update(w for w, f in user.items() if f >= min_freq)
    return Lexicon(frozenset(common), tagged, user)


def _user_frequencies(user_words: list[UserWord], main: dict[str, int], total: int,
                      begins_entry: Callable[[str], bool]) -> dict[str, int]:
    """The frequency jieba's ``Tokenizer.add_word`` gives each user word, added in order.

    A word written without one gets ``Tokenizer.suggest_freq``'s: the product of the probabilities
    of the words the dictionary cut it into just before, times the total, plus one; at least its
    own frequency. ``main`` holds the packaged dictionary's frequencies of the user words'
    substrings; a word of the cut that is in neither counts 0 if it begins an entry, else 1
    (``FREQ.get(word, 1)`` over the Tokenizer's words and their prefixes).
    """
    added: dict[str, int] = {}
    prefixes: set[str] = set()

    def freq_of(s: str) -> int:
        if s in added:
            return added[s]
        if s in main:
            return main[s]
        return 0 if s in prefixes or begins_entry(s) else 1

    for word, given, cut in user_words:
        if given is None:
            p, ftotal = 1.0, float(total)
            for seg in cut:
                p *= freq_of(seg) / ftotal
            # a new word's own frequency (0 or 1) never beats the suggestion, which is at least 1
            given = max(int(p * total) + 1, added.get(word, main.get(word, 1)))
        added[word] = given
        total += given
        prefixes.update(word[:k] for k in range(1, len(word)))
    return added


# -- sentences ---------------------------------------------------------------

_TERMINAL = "。！？!?"
_CLOSERS = "”’」』）)】"
_OPEN_QUOTES = "“‘「『"
_CLOSE_QUOTES = "”’」』"
_LIST_ITEM = re.compile(
    r"(?:[一二三四五六七八九十]+是|[（(][一二三四五六七八九十\d]+[)）]|[一二三四五六七八九十]+、|\d{1,2}[、.．](?!\d))"
)


# the characters split_sentences acts on: quotes (depth), line breaks, terminal punctuation
_SENTENCE_MARKS = re.compile("[" + re.escape(_OPEN_QUOTES + _CLOSE_QUOTES + _TERMINAL) + "\n]")


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

    stop = _SENTENCE_MARKS.search
    while (m := stop(text, i)) is not None:  # other characters change nothing: skipped in C
        i = m.start()
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


# Where a clause ends: ，；：and their ASCII forms, but not a comma inside a number
# (1,268名: a digit group) nor a colon between digits (16.3:1, 10:30).
CLAUSE_BREAK = re.compile(r"[，；：;∶]|(?<!\d),|,(?!\d{3}(?!\d))|(?<!\d):|:(?!\d)")


def clauses(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Clause spans inside a sentence: split at :data:`CLAUSE_BREAK`; 、 is left to callers."""
    out = []
    a = start
    for m in CLAUSE_BREAK.finditer(text, start, end):
        b = m.start()
        if b > a:
            out.append((a, b))
        a = m.end()
    if end > a:
        out.append((a, end))
    return out
