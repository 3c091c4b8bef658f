"""Metadata read from the text itself: title, publication date, source.

Plain-text crawls carry no HTML metadata, but they keep the page's header
lines: a headline, ``发布时间:2024-07-08 来源:中国教育报``, ``访谈主题:…``. A Q&A
page states several dates (the question's 发布时间, the answer's 时间); the
article's is the question's, so labels are ranked, not taken in order.
"""
from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence

DATE = re.compile(
    r"(?<!\d)((?:19|20)\d{2})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})(?!\d)\s*日?"
    r"(?:\s*\d{1,2}[:：]\d{2}(?:[:：]\d{2})?)?"
)
# date labels, best first: a page's own publication beats an interview's or an answer's time
_DATE_LABELS = (
    ("发布时间", "发布日期", "发表时间", "发表日期", "发文日期", "成文日期", "印发日期", "上传时间"),
    ("访谈时间", "日期", "更新时间", "发稿时间"),
    ("时间",),
)


def _unjoined(words: list[str]) -> str:
    """An alternation of ``words`` (in that order) not preceded by a CJK character.

    Each alternative opens with its first character and checks what precedes
    it after that (``来(?<![\u4e00-\u9fff]来)源``, the same test as
    ``(?<![\u4e00-\u9fff])来源``): ``re`` then skips, in C, every position whose
    character opens no word, instead of trying the lookbehind everywhere.
    """
    alts = ((re.escape(w[0]), re.escape(w[1:])) for w in words)
    return "|".join(rf"{first}(?<![\u4e00-\u9fff]{first}){rest}" for first, rest in alts)


_DATE_LABEL = re.compile(
    "(?P<label>" + _unjoined(sorted({l for g in _DATE_LABELS for l in g}, key=len, reverse=True))
    + r")\s*[:：]\s*"
)
_RANK = {label: rank for rank, group in enumerate(_DATE_LABELS) for label in group}
SOURCE = re.compile(
    "(?:" + _unjoined(["信息来源", "文章来源", "稿件来源", "新闻来源", "来源"]) + r")\s*[:：]\s*([^\s|｜]{2,40})"
)
TITLE_LABEL = re.compile(r"^(?:标题|题目|文章标题|访谈主题|访谈题目|主题)\s*[:：]\s*(.+)$")
_TAG_PREFIX = re.compile(r"^(?:【[^】]{1,10}】|\[[^\]]{1,10}\])\s*")
_META_FIELD = (r"(?:发布时间|发布日期|发表时间|发表日期|更新时间|发稿时间|访谈时间|时间|日期"
               r"|信息来源|文章来源|稿件来源|新闻来源|来源|作者|点击数|浏览次数|阅读次数)")
_FIELD_VALUE = re.compile(rf"{_META_FIELD}\s*[:：]\s*[^\s|｜]*")
_FONT = re.compile(r"(?:字体|字号)[:：]?\s*[大中小放缩]*|[|｜\s]")
# an issuing body alone beside a date: a short name ending like an organ or a medium
_ISSUER = re.compile(r"[\u4e00-\u9fff]{2,24}(?:厅|局|委|委员会|政府|办公室|办公厅|中心|网|报|社|台|站|"
                     r"教育局|教体局|研究院|学校|大学)")
DATELINE_MAX = 80
_CLAUSE_MARK = re.compile(r"[。，；！？,;!?]")
_SENTENCE_END = ("。", "；", "，", "！", "?", "？", ";")
MAX_TITLE = 80


def parse_date(text: str) -> dt.date | None:
    """The first valid date in ``text`` (2024-07-08, 2024年7月8日, 2024/7/8, 2024.7.8)."""
    for m in DATE.finditer(text):
        try:
            return dt.date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
        except ValueError:
            continue
    return None


def find_published(lines: Sequence[str], max_rank: int = 2) -> dt.date | None:
    """The publication date from labelled date lines, best label first, then earliest.

    ``max_rank`` 0 takes only publication labels (发布时间…), 1 adds 日期/访谈时间, 2 plain
    时间, which counts only in the header (up to the first sentence).
    """
    best: tuple[int, int, dt.date] | None = None
    header = next((i for i, line in enumerate(lines) if "。" in line), len(lines))
    for i, line in enumerate(lines):
        for m in _DATE_LABEL.finditer(line):
            rank = _RANK[m.group("label")]
            if rank > max_rank or (rank == len(_DATE_LABELS) - 1 and i > header):
                continue  # a bare 时间: in the body is an event's time
            date = parse_date(line[m.end():m.end() + 40])
            if date is None or not DATE.match(line, m.end()):
                continue
            key = (_RANK[m.group("label")], i, date)
            if best is None or key[:2] < best[:2]:
                best = key
    return best[2] if best else None


def header_date(lines: Sequence[str], window: int = 12) -> dt.date | None:
    """The date of an unlabelled date/source line near the top (``2024-07-08 来源:某报``)."""
    for line in lines[:window]:
        if is_meta_line(line) and (date := parse_date(line)):
            return date
    return None


def find_source(lines: Sequence[str]) -> str | None:
    """The 来源 named in a header line (``来源:中国教育报客户端``)."""
    for line in lines:
        m = SOURCE.search(line)
        if m:
            return m.group(1).strip("：:，,。")
    return None


def is_meta_line(line: str) -> bool:
    """True for a line holding only date/source fields (``发布时间:… 来源:…``), or an
    issuing body and a date (``四川省教育厅　2023-07-21``, a byline under a headline)."""
    if len(line) > 120 or not (DATE.search(line) or SOURCE.search(line)):
        return False
    rest = _FONT.sub("", _FIELD_VALUE.sub("", DATE.sub("", line)))
    return not rest or bool(DATE.search(line) and _ISSUER.fullmatch(rest)) or is_dateline(line)


def is_dateline(line: str) -> bool:
    """A byline of fields around a full date, with no sentence in it:
    ``宁波江北教育 2024-10-15 18:30 浙江``, ``来源：某日报 2024年09月03日 记者 张三``,
    ``某某网讯 2024-06-20 记者 李华``. Prose always carries sentence punctuation."""
    if len(line) > DATELINE_MAX or _CLAUSE_MARK.search(line) or len(line.split()) < 2:
        return False
    m = DATE.search(line)
    if not m:
        return False
    end = m.start() + len(m.group(0).rstrip())  # DATE swallows the blank after 日
    before = line[m.start() - 1] if m.start() else " "
    after = line[end] if end < len(line) else " "
    return (before.isspace() or before in ":：") and after.isspace()


def is_headline(line: str) -> bool:
    """Short, not a sentence, not a date line: what a headline looks like."""
    return 4 <= len(line) <= MAX_TITLE and not line.endswith(_SENTENCE_END) and not is_meta_line(line)


def labelled_title(lines: Sequence[str]) -> str | None:
    """A title given by a label (``访谈主题:【在线访谈】《…》政策解读``), without its tag."""
    for line in lines[:20]:
        if "。" in line:  # past the header: a 主题: further down is the body's
            break
        m = TITLE_LABEL.match(line)
        if m:
            return _TAG_PREFIX.sub("", m.group(1)).strip() or None
    return None


def headline_at(lines: Sequence[str], i: int) -> str:
    """The headline at ``lines[i]``, joined with a ``——`` subtitle line right after it."""
    title = lines[i]
    if i + 1 < len(lines) and lines[i + 1].startswith(("——", "—")) and is_headline(lines[i + 1]):
        title += lines[i + 1]
    return title


def find_title(lines: Sequence[str], start: int = 0) -> tuple[str, int] | None:
    """The headline among kept lines from ``start``: (title, line index), or None.

    The line right before the first date/source line is the headline when it
    looks like one; else the first headline-like line near the top.
    """
    label = labelled_title(lines[start:])
    if label:
        return label, -1
    window = range(start, min(len(lines), start + 12))
    meta = next((i for i in window if is_meta_line(lines[i])), None)
    if meta is not None and meta > start and is_headline(lines[meta - 1]):
        return headline_at(lines, meta - 1), meta - 1
    for i in range(start, min(len(lines), start + 5)):
        if is_headline(lines[i]):
            return headline_at(lines, i), i
    return None


_TITLE_SPLIT = re.compile(r"\s*(?:_+|\||｜|\s[-—–]+\s?|\s?[-—–]+\s)\s*")
_SITE_TAIL = re.compile(r"(?<=[\u3400-\u9fff》”)）])\s*[-—–]+\s*[^-—–\s\d]{1,8}$")


def tidy_title(title: str | None) -> str | None:
    """A page title without the site and channel names around it.

    ``文章_栏目_网站`` and ``网站 | 文章`` keep their longest part; ``文章-网站``
    loses a short trailing part after a dash.
    """
    if not title:
        return None
    parts = [p for p in _TITLE_SPLIT.split(title.strip()) if p]
    best = max(parts, key=len) if parts else title.strip()
    stripped = best
    for _ in range(2):  # 文章--频道--网站
        shorter = _SITE_TAIL.sub("", stripped)
        if len(shorter) < 4:
            break
        stripped = shorter
    return stripped
