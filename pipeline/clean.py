"""Cleaning: raw page -> main text without site chrome, normalized, with metadata.

HTML goes through trafilatura (main content, title, date, site name); plain
text goes straight to the line filter. The filter is data: the rules in
``rules/boilerplate.yaml`` (strip spans, drop lines, drop link-list blocks,
spam judged by keyword density, never by one word). Normalization runs before
the filter so rules are written once, in simplified characters.
"""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import trafilatura
from htmldate import find_date
from lxml import etree
from lxml.html import HtmlElement
from trafilatura.metadata import (META_URL, examine_meta, extract_meta_json, extract_sitename,
                                  extract_title, extract_url, set_date_params)

from . import textmeta
from .decode import decode
from .errors import InputError, RuleError
from .htmltree import load_html
from .model import CleanDoc, RawInput
from .normalize import (collapse_space, count_censored, fold_width, normalize, strip_pinyin,
                        to_simplified)
from .rechars import required_chars, starts_anchored
from .rulefiles import (compile_regex, load_lines, load_yaml, need, no_duplicates,
                        no_unknown_keys, rule_path, str_list)

RULES = "boilerplate.yaml"
_SECTIONS = ("strip", "drop", "block", "spam", "qa_page")
_RULE_KEYS = ("id", "pattern", "why", "max_len", "tag")
_SPAM_KEYS = ("keywords", "tiers")
_PROSE = re.compile(r"[。！？；]")
_COUNTED = re.compile(r"[A-Za-z\u3400-\u9fff]+")  # runs: a match per letter costs thrice
# markup that makes lxml drop the rest of a page: an included header's </html>, and
# self-closed non-void elements (<button/>) that swallow everything after them
_DOC_TAG = re.compile(r"<(?:html|body|head)[\s>]", re.I)
_CLOSERS = re.compile(r"</(?:html|body)\s*>", re.I)
_SELF_CLOSED = re.compile(
    r"<(?!(?:area|base|br|col|embed|hr|img|input|link|meta|param|source|track|wbr)\b)"
    r"([a-zA-Z][\w-]*)(\s[^<>]*?)?\s*/>"
)
# a "text" input that is in fact a whole HTML document (a .txt saved from a browser)
_HTML_DOC = re.compile(r"^\ufeff?\s*(?:<!doctype\s+html|<html[\s>])", re.I)
# a trailing run of at least this many link-like lines (related lists, site maps) goes
TAIL_RUN = 3
TAIL_MAX = 60
# hard-wrapped plain text: a line cut mid-sentence continues on the next one
_MARKER = re.compile(r"^(?:[一二三四五六七八九十]+[、.是]|[（(][一二三四五六七八九十\d]+[)）]|\d+[、.．]|第[一二三四五六七八九十\d]+[章节条]|——|—)")
_OPEN_END = re.compile(r"[\u3400-\u9fff0-9A-Za-z，、,]$")
WRAP_MIN = 20
REPEAT_MIN = 15
SITE_NAME_MAX = 15
# lines kept inside a trailing run: bylines, and the signature of an official document
_BYLINE = re.compile(
    r"编辑|责编|作者|记者|来源|通讯员|摄影?[)）]?$|^[(（]?完[)）]?$"
    r"|^\d{4}年\d{1,2}月\d{1,2}日$|^(?![-·•])\S{2,20}(?:局|委员会|厅|政府|办公室)$"
)


@dataclass(frozen=True)
class LineRule:
    id: str
    pattern: re.Pattern[str]
    max_len: int | None = None
    tag: str | None = None
    # characters one of which every match holds, for a rule ``re`` tries at every position
    # of a line: a line holding none of them is not searched (empty: not known)
    need: tuple[str, ...] = ()


@dataclass(frozen=True)
class LineRules:
    """The compiled line filter."""

    strip: tuple[LineRule, ...]
    drop: tuple[LineRule, ...]
    block: tuple[LineRule, ...]
    spam: re.Pattern[str]
    tiers: tuple[tuple[int, float], ...]  # (min_hits, min_density): a line meeting any is spam
    qa_markers: tuple[re.Pattern[str], ...] = ()  # chrome that only Q&A sites show
    qa_min: int = 2
    # one of the characters every strip rule's match needs (None: some rule's are unknown)
    strip_gate: re.Pattern[str] | None = None
    # the drop rules anchored at the line start, as one regex tried once at the start of a
    # line: when it fails, none of them can match, and only ``drop_rest`` is tried
    drop_head: re.Pattern[str] | None = None
    drop_rest: tuple[LineRule, ...] = ()


def _rules_of(data: dict, section: str, shown: str) -> tuple[LineRule, ...]:
    entries = need(data, section, list, shown, "<file>", default=[])
    out = []
    for i, entry in enumerate(entries):
        loc = f"{section}[{i}]"
        rid = need(entry, "id", str, shown, loc)
        no_unknown_keys(entry, _RULE_KEYS, shown, f"{section}.{rid}")
        pattern = compile_regex(need(entry, "pattern", str, shown, loc), shown, f"{section}.{rid}")
        need(entry, "why", str, shown, loc)
        max_len = need(entry, "max_len", int, shown, loc, default=None)
        tag = need(entry, "tag", str, shown, loc, default=None)
        chars = None if starts_anchored(pattern) else required_chars(pattern)
        out.append(LineRule(rid, pattern, max_len, tag, tuple(sorted(chars or ()))))
    return tuple(out)


def _strip_gate(rules: tuple[LineRule, ...]) -> re.Pattern[str] | None:
    """A class of every character some strip rule needs: a line without one is left as it is."""
    needs = [required_chars(r.pattern) for r in rules]
    if not needs or any(n is None for n in needs):
        return None
    chars = sorted(frozenset().union(*needs))  # type: ignore[arg-type]
    return re.compile("[" + "".join(map(re.escape, chars)) + "]")


def _drop_head(rules: tuple[LineRule, ...]) -> tuple[re.Pattern[str] | None, tuple[LineRule, ...]]:
    """The alternation of the drop rules anchored at the line start, and the other rules.

    A line matches the alternation at its start exactly when one of those rules
    matches it (``re`` tries an anchored rule at the start only). A rule joins
    with its global flags scoped to its own alternative; rules with groups
    (their numbers would shift) or verbose syntax are tried on their own.
    """
    head = [r for r in rules if starts_anchored(r.pattern) and not r.pattern.groups
            and not r.pattern.flags & re.VERBOSE]
    if not head:
        return None, rules
    alts = "|".join(_scoped(r.pattern) for r in head)
    return re.compile(alts), tuple(r for r in rules if r not in head)


_GLOBAL_FLAGS = re.compile(r"^(?:\(\?[aiLmsux]+\))+")
_FLAG_LETTERS = ((re.ASCII, "a"), (re.IGNORECASE, "i"), (re.MULTILINE, "m"), (re.DOTALL, "s"))


def _scoped(rx: re.Pattern[str]) -> str:
    """``(?i)^abc`` as ``(?i:^abc)``: a pattern that keeps its flags inside an alternation."""
    letters = "".join(c for flag, c in _FLAG_LETTERS if rx.flags & flag)
    body = _GLOBAL_FLAGS.sub("", rx.pattern)
    return f"(?{letters}:{body})"


def _spam_pattern(name: str, shown: str) -> re.Pattern[str]:
    lines, kw_shown = load_lines(rule_path(name))
    no_duplicates(((w, f"line {n}") for n, w in lines), kw_shown, "keyword")
    if not lines:
        raise RuleError(kw_shown, "<file>", "no keywords")
    words = sorted((w for _, w in lines), key=len, reverse=True)
    return compile_regex("|".join(map(_keyword, words)), shown, "spam.keywords")


def _keyword(word: str) -> str:
    """A keyword's alternative: ASCII words stand alone (``av`` not in ``java``).

    Every alternative opens with its first character, its lookbehind after it
    (``a(?<![A-Za-z]a)v``, the same test as ``(?<![A-Za-z])av``): so ``re``
    skips, in C, every position whose character opens no keyword, instead of
    trying each alternative there.
    """
    if not word.isascii():
        return re.escape(word)
    first = re.escape(word[0])
    return rf"{first}(?<![A-Za-z]{first}){re.escape(word[1:])}(?![A-Za-z])"


def load_rules(path: str | None = None) -> LineRules:
    """Load and validate ``rules/boilerplate.yaml`` once per process and path."""
    return _load_rules(str(path or rule_path(RULES)))


def _qa_page(data: dict, shown: str) -> tuple[tuple[re.Pattern[str], ...], int]:
    qa = need(data, "qa_page", dict, shown, "<file>")
    no_unknown_keys(qa, ("why", "markers", "min_markers"), shown, "qa_page")
    need(qa, "why", str, shown, "qa_page")
    markers = str_list(qa, "markers", shown, "qa_page")
    no_duplicates(((m, f"qa_page.markers[{i}]") for i, m in enumerate(markers)), shown, "marker")
    compiled = tuple(compile_regex(m, shown, f"qa_page.markers[{i}]") for i, m in enumerate(markers))
    return compiled, need(qa, "min_markers", int, shown, "qa_page")


@lru_cache(maxsize=4)
def _load_rules(path: str) -> LineRules:
    data, shown = load_yaml(Path(path))
    if not isinstance(data, dict):
        raise RuleError(shown, "<file>", "expected a mapping of sections")
    no_unknown_keys(data, _SECTIONS, shown, "<file>")
    sections = {s: _rules_of(data, s, shown) for s in ("strip", "drop", "block")}
    no_duplicates(((r.id, f"{s}.{r.id}") for s in sections for r in sections[s]), shown, "rule id")
    spam = need(data, "spam", dict, shown, "<file>")
    no_unknown_keys(spam, _SPAM_KEYS, shown, "spam")
    return LineRules(
        strip=sections["strip"], drop=sections["drop"], block=sections["block"],
        spam=_spam_pattern(need(spam, "keywords", str, shown, "spam"), shown),
        tiers=_spam_tiers(need(spam, "tiers", list, shown, "spam"), shown),
        **dict(zip(("qa_markers", "qa_min"), _qa_page(data, shown))),
        strip_gate=_strip_gate(sections["strip"]),
        **dict(zip(("drop_head", "drop_rest"), _drop_head(sections["drop"]))),
    )


def is_qa_page(text: str, rules: LineRules | None = None) -> bool:
    """True when the page shows enough Q&A-site chrome (我来回答, 热心网友...)."""
    rules = rules or load_rules()
    return sum(1 for m in rules.qa_markers if m.search(text)) >= rules.qa_min


def _spam_tiers(entries: list, shown: str) -> tuple[tuple[int, float], ...]:
    tiers = []
    for i, entry in enumerate(entries):
        loc = f"spam.tiers[{i}]"
        no_unknown_keys(entry if isinstance(entry, dict) else {}, ("min_hits", "min_density"), shown, loc)
        hits = need(entry, "min_hits", int, shown, loc)
        density = need(entry, "min_density", (int, float), shown, loc)
        if hits < 2:
            raise RuleError(shown, f"{loc}.min_hits", "must be at least 2: one word never makes spam")
        if not 0 < density <= 1:
            raise RuleError(shown, f"{loc}.min_density", "must be in (0, 1]")
        tiers.append((hits, float(density)))
    if not tiers:
        raise RuleError(shown, "spam.tiers", "no tiers")
    return tuple(tiers)


def _matches(rule: LineRule, line: str) -> bool:
    return ((rule.max_len is None or len(line) <= rule.max_len)
            and (not rule.need or _holds_any(line, rule.need))
            and rule.pattern.search(line) is not None)


def _holds_any(line: str, chars: tuple[str, ...]) -> bool:
    for c in chars:  # ``in`` scans in C, faster than a class of scattered characters
        if c in line:
            return True
    return False


def _counted(text: str) -> int:
    """The number of letters and CJK characters (what spam density is measured against)."""
    return sum(map(len, _COUNTED.findall(text)))


def is_spam(line: str, rules: LineRules) -> bool:
    """A line whose spam keywords cover a large share of its letters (density, not one word)."""
    hits = [m.group() for m in rules.spam.finditer(line)]
    if len(hits) < 2:
        return False
    counted = _counted(line)
    if not counted:
        return False
    density = sum(len(h) for h in hits) / counted
    return any(len(hits) >= n and density >= d for n, d in rules.tiers)


def strip_spans(line: str, rules: LineRules) -> str:
    """The line without the spans strip rules remove, stripped of outer blanks."""
    if rules.strip_gate is not None and not rules.strip_gate.search(line):
        return line.strip()  # no rule can match, nor after another rule's cut
    for rule in rules.strip:
        line = rule.pattern.sub("", line)
    return line.strip()


_SEGMENT = re.compile(r"[^\s。！？!?]+[。！？!?]*")
_CLOSERS_P = ("。", "！", "？", "!", "?")


def strip_spam_segments(line: str, rules: LineRules) -> str:
    """Cut spam injected into a content line.

    A sentence (closed by 。！？) is judged alone; a run of unpunctuated,
    space-separated pieces that each hold a spam word is judged as a whole.
    """
    if sum(1 for _ in rules.spam.finditer(line)) < 2:
        return line
    spans: list[tuple[int, int]] = []
    run: list[tuple[int, int]] = []
    for m in [*_SEGMENT.finditer(line), None]:
        loose = m is not None and not m.group().endswith(_CLOSERS_P) and rules.spam.search(m.group())
        if loose:
            run.append(m.span())
            continue
        if run and is_spam(line[run[0][0]:run[-1][1]], rules):
            spans.append((run[0][0], run[-1][1]))
        run = []
        if m is not None and is_spam(m.group(), rules):
            spans.append(m.span())
    for a, b in reversed(spans):
        line = line[:a] + line[b:]
    return re.sub(r"\s{2,}", " ", line).strip() if spans else line


def _mostly_cut(line: str, rest: str) -> bool:
    """Spam cut most of the line and no sentence is left: the remainder is spam's glue."""
    before, after = _counted(line), _counted(rest)
    return after < before / 2 and not _PROSE.search(rest)


def _two_spam_words(line: str, rules: LineRules) -> bool:
    """At least two spam keywords: below that no spam rule can cut or drop anything
    (every one needs two hits), and most lines have none, found by one search."""
    m = rules.spam.search(line)
    return m is not None and rules.spam.search(line, m.end()) is not None


def line_verdict(line: str, rules: LineRules) -> LineRule | None:
    """The drop rule a (stripped) line falls under, or None (spam is judged in :func:`classify`).

    Rules go in file order; those anchored at the line start are skipped at
    once when their joint alternation does not match the line's start.
    """
    head = rules.drop_head
    tried = rules.drop if head is None or head.match(line) else rules.drop_rest
    return next((rule for rule in tried if _matches(rule, line)), None)


def classify(lines: list[str], rules: LineRules | None = None) -> list[tuple[str, LineRule | None]]:
    """Each line with its spans stripped and the rule that drops it (None: kept)."""
    rules = rules or load_rules()
    out: list[tuple[str, LineRule | None]] = []
    in_block: LineRule | None = None
    for raw in lines:
        line = strip_spans(raw, rules)
        if not line:
            continue
        verdict = line_verdict(line, rules)
        if verdict is None and _two_spam_words(line, rules):  # spam: cut injected runs, drop
            rest = strip_spam_segments(line, rules)  # the line if nothing honest is left
            if not rest or is_spam(rest, rules) or _mostly_cut(line, rest):
                verdict = LineRule("spam", rules.spam)
            else:
                line = rest
        opener = next((b for b in rules.block if _matches(b, line)), None)
        if opener is not None:
            in_block = verdict = verdict or opener
        elif in_block is not None and verdict is None:
            if _PROSE.search(line) or len(line) > (in_block.max_len or 40):
                in_block = None
            else:
                verdict = in_block
        out.append((line, verdict))
    return out


def filter_text(text: str, rules: LineRules | None = None) -> str:
    """The lines of a normalized text that no rule drops."""
    return "\n".join(line for line, why in classify(text.split("\n"), rules) if why is None)


@dataclass
class Body:
    """The kept lines of a page and what its header lines said."""

    lines: list[str]
    title: str | None
    published: dt.date | None
    source_name: str | None
    qa: bool = False  # a Q&A page: the article inside the answer has its own title


def _qa_start(classified: list[tuple[str, LineRule | None]]) -> int:
    """Index after the last Q&A chrome line of the page head (0 when not a Q&A page).

    The head ends at the first kept line of prose: chrome after it (为你推荐,
    other answers) closes the article, it does not open it.
    """
    last = -1
    for i, (line, why) in enumerate(classified[:30]):
        if why is None and _PROSE.search(line):
            break
        if why is not None and why.tag == "qa":
            last = i
    return last + 1


def read_body(text: str, rules: LineRules | None = None, plain: bool = False) -> Body:
    """Filter a normalized text; read title/date/source from its header lines.

    Date and source lines are dropped from the body; the headline stays first
    (``plain`` text: short lines above it, site names, go).
    On a Q&A page the question above the answer is dropped and the article
    title is the first headline after the answer's chrome.
    """
    classified = classify(text.split("\n"), rules)
    every = [line for line, _ in classified]
    published = textmeta.find_published(every) or textmeta.header_date(every)
    source = textmeta.find_source(every[:40])
    start = _qa_start(classified)
    kept = [(i, line) for i, (line, why) in enumerate(classified) if why is None and i >= start]
    lines = [line for _, line in kept]
    found = textmeta.find_title(lines)
    title = found[0] if found else None
    if plain and found and found[1] > 0 and all(len(l) <= SITE_NAME_MAX for l in lines[:found[1]]):
        lines = lines[found[1]:]  # a site name above the headline of a plain-text crawl
    # date/source lines go from the header (before the first sentence), not from the end,
    # where a bare date is an official document's signature
    first = next((i for i, line in enumerate(lines) if "。" in line), len(lines))
    head = [line for i, line in enumerate(lines)
            if not (i < min(first, 40) and textmeta.is_meta_line(line))]
    return Body(trim_tail(drop_repeats(head)), title, published, source, qa=start > 0)


def repair_html(html: str) -> str:
    """Undo markup that hides the rest of a page from the parser (see _CLOSERS).

    A fragment (``<p>…</p>`` from a crawl dump) is wrapped in a document:
    trafilatura refuses markup that does not look like a page.
    """
    if not _DOC_TAG.search(html[:4096]):
        html = f"<html><body>{html}</body></html>"
    return open_self_closed(_CLOSERS.sub("", html))


def open_self_closed(html: str) -> str:
    """``<button/>`` -> ``<button></button>`` (void elements stay), as ``_SELF_CLOSED.sub`` would.

    The regex tried its lookahead and a lazy attribute scan at every ``<`` of a
    page (a millisecond per page); here only the ``<`` opening each ``/>`` is
    tried: a match cannot hold another ``<`` or ``>``.
    """
    out: list[str] = []
    done = 0  # end of the last replaced match: matches never overlap
    k = html.find("/>")
    while k >= 0:
        lt = html.rfind("<", done, k)
        if lt >= 0 and html.find(">", lt, k) < 0:
            m = _SELF_CLOSED.match(html, lt, k + 2)
            if m is not None and m.end() == k + 2:
                out.append(html[done:lt])
                out.append(f"<{m.group(1)}{m.group(2) or ''}></{m.group(1)}>")
                done = k + 2
        k = html.find("/>", k + 2)
    out.append(html[done:])
    return "".join(out)


def trim_tail(lines: list[str]) -> list[str]:
    """Drop a trailing run of link-like lines (short, no full stop): related lists, site maps.

    Bylines (编辑, 作者) inside the run are kept; a run shorter than TAIL_RUN
    stays, and so does a document that would be left empty.
    """
    cut = len(lines)
    run = 0
    for i in range(len(lines) - 1, -1, -1):
        line = lines[i]
        if "。" in line or len(line) > TAIL_MAX or " | " in line:  # prose, or a table row
            break
        if not _BYLINE.search(line):
            run += 1
            cut = i
    if run < TAIL_RUN or cut == 0:
        return lines
    return lines[:cut] + [l for l in lines[cut:] if _BYLINE.search(l)]


def drop_repeats(lines: list[str], min_len: int = REPEAT_MIN) -> list[str]:
    """Drop a long line repeating one of the two before it (templates echo captions, titles).

    Only near repeats: a document may well restate a line further on (price
    lists, tables), and that is content.
    """
    out: list[str] = []
    for line in lines:
        if len(line) >= min_len and line in out[-2:]:
            continue
        out.append(line)
    return out


def join_wrapped(lines: list[str]) -> list[str]:
    """Rejoin sentences a plain-text crawl cut across lines (``…均衡发`` / ``展的关键…``).

    A line continues on the next when it is long, holds a comma (a sentence,
    not a heading), ends without closing punctuation, is not a short heading
    opened by a list marker (一、 （二） 3、 第五条), and the next line does not
    open a new item with such a marker (or a ``——`` subtitle).
    """
    out: list[str] = []
    for line in lines:
        prev = out[-1] if out else ""
        if (len(prev) >= WRAP_MIN and _OPEN_END.search(prev) and re.search(r"[，,、。]", prev)
                and not (_MARKER.match(prev) and len(prev) < 2 * WRAP_MIN and "。" not in prev)
                and not _MARKER.match(line)):
            out[-1] = prev + line
        else:
            out.append(line)
    return out


_NO_TEXT = ("script", "style", "noscript", "template")
# the text nodes under an element, in document order, as plain strings: what ``itertext``
# yields (an HTML parse merges adjacent text), without a Python proxy per element
_TEXT_NODES = etree.XPath(".//text()", smart_strings=False)
_BODY = etree.XPath("(.//body)[1]")


def _page_text(tree: HtmlElement) -> str:
    """All visible text of the unpruned page on one line (labelled dates, 来源, Q&A markers).

    Scripts and styles are blanked for one pass over the text nodes and restored
    at once (trafilatura parses this tree next): an XPath asking every text node
    for its ancestors cost twice as much.
    """
    body = _BODY(tree)
    root = body[0] if body else tree
    saved: list[tuple[HtmlElement, str | None, str | None]] = []
    for hidden in root.iter(*_NO_TEXT):
        for el in hidden.iter():
            own = el is hidden  # its tail is page text, outside the hidden element
            saved.append((el, el.text, None if own else el.tail))
            el.text = None
            if not own:
                el.tail = None
    try:
        return " ".join(" ".join(_TEXT_NODES(root)).split())
    finally:
        for el, text, tail in reversed(saved):
            el.text = text
            if tail is not None:
                el.tail = tail


class PageMeta:
    """What an HTML page says about itself outside its main text.

    Title, a labelled 发布时间 or 来源 anywhere on the page, Q&A chrome: read
    from the unpruned tree before trafilatura extracts. The costly guesses
    (htmldate's date search, trafilatura's site name and canonical URL) run
    only when asked: most pages state their date and source in the text, and
    trafilatura extracts from a copy, so the tree is still as parsed.
    """

    def __init__(self, tree: HtmlElement | None = None, url: str | None = None) -> None:
        self.tree, self.url = tree, url  # no tree: a text input, or a page lxml could not parse
        self.md = extract_meta_json(tree, examine_meta(tree)) if tree is not None else None
        self.title: str | None = None
        if tree is not None and self.md is not None:
            self.title = self.md.title or extract_title(tree)
        self.page_date: dt.date | None = None  # a labelled publication date on the page
        self.page_source: str | None = None  # a labelled 来源 on the page
        self.qa = False  # the page shows Q&A-site chrome

    def page_url(self) -> str | None:
        """The page's own URL (metadata, canonical link), else the input's."""
        if self.tree is None or self.md is None:
            return None
        return self.md.url or extract_url(self.tree, self.url)

    def sitename(self) -> str | None:
        """The site name as trafilatura reads it, else the host of the page's URL."""
        if self.tree is None or self.md is None:
            return None
        sitename = self.md.sitename or extract_sitename(self.tree)
        if not sitename and (page_url := self.page_url()) and (host := META_URL.match(page_url)):
            sitename = host[1]
        return sitename

    def guessed_date(self) -> str | None:
        """htmldate's quick search (meta tags, URL, time elements); its extensive text
        search, as costly as the main-text extraction, only when the quick one finds nothing."""
        if self.tree is None:
            return None
        url = self.page_url()
        return (find_date(self.tree, **{**set_date_params(False), "url": url})
                or find_date(self.tree, **{**set_date_params(True), "url": url}))


def _extract_html(html: str, url: str | None) -> tuple[str, PageMeta]:
    """trafilatura main text (tables kept, comments dropped) and metadata, from one parse.

    Metadata is read before trafilatura prunes the tree. A labelled 发布时间
    anywhere on the page beats trafilatura's date guess from scripts and URLs
    (``PageMeta.guessed_date``, asked only when no labelled date is found).
    """
    html = repair_html(html)
    tree = load_html(html)
    if tree is None:
        return trafilatura.html2txt(html) or "", PageMeta()
    meta = PageMeta(tree, url)
    whole = _page_text(tree)
    page_lines = normalize(whole)[0].split("\n")
    meta.page_date = textmeta.find_published(page_lines, max_rank=1)
    meta.page_source = textmeta.find_source(page_lines)
    meta.qa = is_qa_page(whole)
    doc = trafilatura.bare_extraction(
        tree, url=url, include_comments=False, include_tables=True, include_images=False,
        with_metadata=False, deduplicate=False, favor_recall=False,
    )
    text = (doc.text or "") if doc is not None else ""
    if not text.strip():  # trafilatura found no main text: its baseline keeps line breaks
        text = trafilatura.baseline(html)[1] or whole
    return text, meta


def _iso_date(value: str | None) -> dt.date | None:
    if not value:
        return None
    try:
        return dt.date.fromisoformat(value[:10])
    except ValueError:
        return textmeta.parse_date(value)


def _norm_field(value: str | None, traditional: bool) -> str | None:
    if not value:
        return None
    value = strip_pinyin(value)
    value = to_simplified(value) if traditional else value
    return collapse_space(fold_width(value)).replace("\n", " ") or None


def _title(body: Body, page_title: str | None, qa: bool) -> str | None:
    """The page's title, except on a Q&A page where the page title is the question's."""
    if (qa or body.qa) and body.title:
        return body.title
    first = body.lines[0] if body.lines else ""
    if page_title and first.startswith(page_title) and textmeta.is_headline(first):
        return first  # the page title was cut short (at a quote mark, a length limit)
    return page_title or body.title


def clean(raw: RawInput, rules: LineRules | None = None) -> CleanDoc:
    """Clean one input into a :class:`CleanDoc` (``InputError`` when nothing is left)."""
    if raw.text is not None:
        page, encoding = raw.text, "utf-8"
    elif raw.data:
        page, encoding = decode(raw.data, raw.http_charset)
    else:
        raise InputError("empty", "no content", raw.source_path)
    meta = PageMeta()
    fmt = "html" if raw.fmt == "html" or _HTML_DOC.match(page) else "text"
    if fmt == "html":
        page, meta = _extract_html(page, raw.url)
    text, traditional = normalize(page)
    body = read_body(text, rules, plain=fmt == "text")
    if fmt == "text":
        body.lines = join_wrapped(body.lines)
    if not body.lines:
        raise InputError("empty_after_cleaning", "no text left after cleaning", raw.source_path)
    final = "\n".join(body.lines)
    return CleanDoc(
        source_path=raw.source_path, text=final,
        title=_title(body, textmeta.tidy_title(_norm_field(meta.title, traditional)), meta.qa),
        published=body.published or meta.page_date or _iso_date(meta.guessed_date()),
        source_name=(body.source_name or meta.page_source
                     or _norm_field(meta.sitename(), traditional)),
        url=raw.url, fetched_at=raw.fetched_at, encoding=encoding, fmt=fmt,
        traditional=traditional, censored=count_censored(final),
        raw=raw.data if raw.data is not None else (raw.text or "").encode("utf-8"),
    )
