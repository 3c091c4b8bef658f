"""What each figure measures, when, and whether it happened.

:func:`attribute` fills ``metric``/``metric_rule``, ``year_start``/``year_end``
and ``modality`` of the figures of one document, reading like an analyst:

* metric: the cue in the figure's own window (its clause, back to the previous
  figure or list comma 、, forward to the next list comma), specific cues
  beating generic ones (``rules/metrics.yaml`` priorities); a figure with no
  subject of its own (较上年增长5%, 降到0%) or money with only a generic verb
  (投入1.8亿元，加固校舍…) takes the metric of its sentence, and money then of
  its section heading; two different purposes named side by side make the
  money general (edu_spending). Generic cues count only in a school setting
  (the sentence, or a document dense in schooling words). No cue, no metric:
  NULL beats a wrong guess. In ``北京、江苏分别为a、b`` each value reads its own
  subject first, and ``metric_rule`` records it (``…; 分别:江苏``).
  A follow-on figure takes the metric of the figure it qualifies when its own
  words give none, a weak guess, or a metric the earlier one absorbs: a part
  (其中… of a flow, or named only by places), a share opening its clause
  (占比/占…的/这一比例/…的占). The activity absorbs the category (引进优秀教师,
  交流教师中骨干教师: recruitment, rotation). Per-unit wording (每/生均/每百名)
  admits only per-unit metrics.
* period: the last time phrase before the figure in its sentence
  (:mod:`pipeline.periods`); a list marker between them ends its reach; a
  figure-less lead ending in ： carries its time into the list lines under it.
* modality: :mod:`pipeline.modality`, with goal dates and goal sections.
"""
from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field, replace
from functools import lru_cache

from . import modality as modality_mod
from . import periods
from .cuefilter import CueFilter, LiveCues
from .errors import RuleError
from .model import Figure
from .rulefiles import (
    compile_regex,
    load_yaml,
    need,
    no_duplicates,
    no_unknown_keys,
    one_of,
    str_list,
)
from .segment import clauses, split_sentences

METRIC_RULES = "metrics.yaml"
KINDS = ("money", "percent", "pp", "count", "area", "number")
RELATIONS = ("level", "change", "from", "to")
_ENTRY_KEYS = ("id", "name", "kinds", "units", "before", "after", "any", "around", "weak",
               "requires", "forbids", "forbid_after", "context", "relations", "growth", "per_unit",
               "absorbs", "parts", "priority", "note")
_TOP_KEYS = ("ids", "domain", "umbrella", "bare_words", "null_before", "per_unit_scope",
             "change_before", "part_of", "part_places", "refers_back", "list_item",
             "inventory", "metrics")
_MAGNITUDE = re.compile(r"^[万千百亿]+")


@dataclass(frozen=True)
class Metric:
    id: str
    name: str
    kinds: frozenset[str]
    units: frozenset[str] | None
    before: tuple[re.Pattern[str], ...]
    after: tuple[re.Pattern[str], ...]
    any: tuple[re.Pattern[str], ...]
    around: tuple[re.Pattern[str], ...]  # searched with the number replaced by '#'
    weak: tuple[re.Pattern[str], ...]
    requires: re.Pattern[str] | None
    forbids: re.Pattern[str] | None
    forbid_after: re.Pattern[str] | None
    context: re.Pattern[str] | None
    relations: frozenset[str]
    growth: str | None
    per_unit: bool
    absorbs: frozenset[str]  # metrics this one wins over when both name the figure
    parts: bool  # a 其中 part of a figure of this metric measures the same thing
    priority: int


@dataclass(frozen=True)
class MetricRules:
    metrics: tuple[Metric, ...]
    by_id: dict[str, Metric]
    bare: re.Pattern[str]
    domain: re.Pattern[str]
    domain_per_1000: float
    umbrella: re.Pattern[str]
    null_before: re.Pattern[str]
    per_unit_scope: re.Pattern[str]
    change_before: re.Pattern[str]
    part_of: re.Pattern[str]
    part_places: re.Pattern[str]
    refers_back: re.Pattern[str]
    list_item: re.Pattern[str]
    inventory_head: re.Pattern[str]
    inventory_item: re.Pattern[str]
    # derived once per rule set on first use: the cue filter, the metrics fitting a figure shape
    memo: dict[object, object] = field(default_factory=dict, repr=False, compare=False)


Cues = tuple[tuple[re.Pattern[str], ...], tuple[re.Pattern[str], ...], tuple[re.Pattern[str], ...]]


def _metric_cues(metric: Metric) -> Cues:
    """A metric's (before-side, after-side, weak) cue patterns; ``any`` cues count on both sides."""
    return metric.before + metric.any, metric.after + metric.any, metric.weak


def live_cues(text: str, rules: MetricRules | None = None) -> LiveCues:
    """Each metric's cues (:func:`_metric_cues`) less those that match nowhere in ``text``,
    worked out per metric on first use (``live[metric_id]``)."""
    rules = rules or load_metric_rules()
    cues = rules.memo.get("cue_filter")
    if cues is None:
        cues = rules.memo["cue_filter"] = CueFilter(
            rx for m in rules.metrics for group in _metric_cues(m) for rx in group)
    return LiveCues(text, lambda mid: _metric_cues(rules.by_id[mid]), cues)  # type: ignore[arg-type]


def _fitting(fig: Figure, rel: str) -> tuple[tuple[Metric, str], ...]:
    """(metric, the id it gives) for every metric a figure of this kind, unit and relation fits."""
    rules = load_metric_rules()
    key = ("fit", fig.kind, fig.unit, rel)
    found = rules.memo.get(key)
    if found is None:
        found = rules.memo[key] = tuple((m, mid) for m in rules.metrics if (mid := _fit(m, fig, rel)))
    return found  # type: ignore[return-value]


# -- loading ---------------------------------------------------------------------

def _patterns(entry: dict, key: str, path: str, loc: str) -> tuple[re.Pattern[str], ...]:
    items = str_list(entry, key, path, loc, default=[])
    no_duplicates(((p, f"{loc}.{key}[{i}]") for i, p in enumerate(items)), path, "cue")
    return tuple(compile_regex(p, path, f"{loc}.{key}[{i}]") for i, p in enumerate(items))


def _optional_regex(entry: dict, key: str, path: str, loc: str) -> re.Pattern[str] | None:
    value = need(entry, key, str, path, loc, default=None)
    return compile_regex(value, path, f"{loc}.{key}") if value else None


def _metric(entry: dict, ids: list[str], path: str, loc: str) -> Metric:
    no_unknown_keys(entry, _ENTRY_KEYS, path, loc)
    mid = one_of(need(entry, "id", str, path, loc), ids, path, f"{loc}.id")
    kinds = str_list(entry, "kinds", path, loc)
    for i, k in enumerate(kinds):
        one_of(k, KINDS, path, f"{loc}.kinds[{i}]")
    rels = str_list(entry, "relations", path, loc, default=list(RELATIONS))
    for i, r in enumerate(rels):
        one_of(r, RELATIONS, path, f"{loc}.relations[{i}]")
    units = str_list(entry, "units", path, loc, default=[])
    growth = need(entry, "growth", str, path, loc, default=None)
    if growth is not None:
        one_of(growth, ids, path, f"{loc}.growth")
    absorbs = str_list(entry, "absorbs", path, loc, default=[])
    for i, a in enumerate(absorbs):
        one_of(a, ids, path, f"{loc}.absorbs[{i}]")
    return Metric(
        id=mid, name=need(entry, "name", str, path, loc), kinds=frozenset(kinds),
        units=frozenset(units) or None,
        before=_patterns(entry, "before", path, loc), after=_patterns(entry, "after", path, loc),
        any=_patterns(entry, "any", path, loc), around=_patterns(entry, "around", path, loc),
        weak=_patterns(entry, "weak", path, loc),
        requires=_optional_regex(entry, "requires", path, loc),
        forbids=_optional_regex(entry, "forbids", path, loc),
        forbid_after=_optional_regex(entry, "forbid_after", path, loc),
        context=_optional_regex(entry, "context", path, loc),
        relations=frozenset(rels), growth=growth,
        per_unit=need(entry, "per_unit", bool, path, loc, default=False),
        absorbs=frozenset(absorbs), parts=need(entry, "parts", bool, path, loc, default=False),
        priority=need(entry, "priority", int, path, loc, default=50),
    )


@lru_cache(maxsize=4)
def load_metric_rules(path: str | None = None) -> MetricRules:
    """``rules/metrics.yaml``, validated and compiled once per process."""
    data, shown = load_yaml(path or METRIC_RULES)
    no_unknown_keys(data, _TOP_KEYS, shown, "<file>")
    ids = str_list(data, "ids", shown, "<file>")
    no_duplicates(((i, f"ids[{n}]") for n, i in enumerate(ids)), shown, "metric id")
    entries = need(data, "metrics", list, shown, "<file>")
    metrics = tuple(_metric(e, ids, shown, f"metrics[{i}]") for i, e in enumerate(entries))
    no_duplicates(((m.id, f"metrics[{i}].id") for i, m in enumerate(metrics)), shown, "metric")
    missing = [i for i in ids if i not in {m.id for m in metrics}]
    if missing:
        raise RuleError(shown, "ids", f"no entry for metric(s): {', '.join(missing)}")
    bare = "|".join(f"(?:{b})" for b in str_list(data, "bare_words", shown, "<file>"))
    domain = need(data, "domain", dict, shown, "<file>")
    no_unknown_keys(domain, ("school", "per_1000"), shown, "domain")
    inventory = need(data, "inventory", dict, shown, "<file>")
    no_unknown_keys(inventory, ("head", "item"), shown, "inventory")
    return MetricRules(
        metrics=tuple(sorted(metrics, key=lambda m: -m.priority)),
        by_id={m.id: m for m in metrics},
        bare=compile_regex(bare, shown, "bare_words"),
        domain=compile_regex(need(domain, "school", str, shown, "domain"), shown, "domain.school"),
        domain_per_1000=float(need(domain, "per_1000", (int, float), shown, "domain")),
        umbrella=compile_regex(need(data, "umbrella", str, shown, "<file>"), shown, "umbrella"),
        null_before=compile_regex(need(data, "null_before", str, shown, "<file>"), shown, "null_before"),
        per_unit_scope=compile_regex(need(data, "per_unit_scope", str, shown, "<file>"), shown,
                                     "per_unit_scope"),
        change_before=compile_regex(need(data, "change_before", str, shown, "<file>"), shown,
                                    "change_before"),
        part_of=compile_regex(need(data, "part_of", str, shown, "<file>"), shown, "part_of"),
        part_places=compile_regex(need(data, "part_places", str, shown, "<file>"), shown, "part_places"),
        refers_back=compile_regex(need(data, "refers_back", str, shown, "<file>"), shown,
                                  "refers_back"),
        list_item=compile_regex(need(data, "list_item", str, shown, "<file>"), shown, "list_item"),
        inventory_head=compile_regex(need(inventory, "head", str, shown, "inventory"), shown,
                                     "inventory.head"),
        inventory_item=compile_regex(need(inventory, "item", str, shown, "inventory"), shown,
                                     "inventory.item"),
    )


def metric_name(metric_id: str) -> str:
    """The Chinese name of a metric id (教育经费投入), or the id itself when unknown."""
    m = load_metric_rules().by_id.get(metric_id)
    return m.name if m else metric_id


# -- fitting a metric to a figure -----------------------------------------------------

def _unit_ok(metric: Metric, fig: Figure) -> bool:
    if metric.units is None or fig.kind not in ("count", "number") or not fig.unit:
        return True
    return fig.unit in metric.units or _MAGNITUDE.sub("", fig.unit) in metric.units


def _fit(metric: Metric, fig: Figure, rel: str) -> str | None:
    """The metric id this cue gives the figure (a change of a level becomes its growth)."""
    rules = load_metric_rules()
    if rel == "change" and metric.growth:
        growth = rules.by_id[metric.growth]
        if fig.kind in growth.kinds and _unit_ok(growth, fig):
            return growth.id
    if fig.kind not in metric.kinds or not _unit_ok(metric, fig) or rel not in metric.relations:
        return None
    return metric.id


@dataclass(frozen=True)
class Hit:
    metric: str
    cue: str
    start: int
    end: int
    distance: int
    priority: int
    before: bool


@dataclass(frozen=True)
class _Probe:
    """One figure being attributed: the text, the figure, its relation and sentence."""

    text: str
    fig: Figure
    rel: str
    sentence: tuple[int, int]
    school_doc: bool = False  # the whole document is about schooling: contexts hold
    per_unit_only: bool = False  # 每/各 before the number: only per-student metrics fit
    live: LiveCues | None = None  # per metric, the cues that can match in this text (None: all)


def _allowed(metric: Metric, p: _Probe, scope: tuple[int, int], local: bool) -> bool:
    span = p.text[scope[0]:scope[1]]
    if metric.requires and not metric.requires.search(span) and not (
            local and _inventory_item(p, scope) and metric.requires.search(p.text, p.sentence[0], scope[0])):
        return False  # an inventory's head (现有) may meet `requires` for each of its items
    if metric.forbids and metric.forbids.search(span):
        return False
    if metric.forbid_after and local and metric.forbid_after.search(p.text[p.fig.end:scope[1]]):
        return False
    return not metric.context or p.school_doc or bool(
        metric.context.search(p.text, *p.sentence) or metric.context.search(span))


def _inventory_item(p: _Probe, scope: tuple[int, int]) -> bool:
    """The clause is a noun and the figure, after an inventory's head words earlier in the
    sentence (现有学校128所，学生2100余名，教职工136人)."""
    a, b = scope
    if not a <= p.fig.start < p.fig.end <= b:
        return False
    rules = load_metric_rules()
    clause = p.text[a:p.fig.start] + "#" + p.text[p.fig.end:b]
    return (rules.inventory_item.fullmatch(clause) is not None
            and rules.inventory_head.search(p.text, p.sentence[0], a) is not None)


def _find(rx: re.Pattern[str], window: str, a: int, last: bool) -> tuple[int, int, str] | None:
    """First (or last) non-empty match of ``rx`` in ``window`` (= ``text[a:…]``) as absolute
    (start, end, text)."""
    found = None
    for m in rx.finditer(window):
        if m.end() > m.start():
            found = m
            if not last:
                break
    return (a + found.start(), a + found.end(), found.group()) if found else None


def _side_hits(mid: str, metric: Metric, pats: tuple[re.Pattern[str], ...],
               window: str, span: tuple[int, int], is_before: bool) -> list[Hit]:
    """The nearest match of each pattern in one window (before-cues: nearest its end)."""
    out = []
    a, b = span
    for rx in pats:
        m = _find(rx, window, a, last=is_before)
        if m:
            dist = (b - m[1]) if is_before else (m[0] - a)
            out.append(Hit(mid, m[2], m[0], m[1], dist, metric.priority, is_before))
    return out


def _around_hit(p: _Probe, mid: str, metric: Metric, joined: str, before: tuple[int, int]) -> Hit | None:
    cut = before[1] - before[0]
    for rx in metric.around:
        m = rx.search(joined)
        if m:
            return Hit(mid, m.group(), before[0] + m.start(), before[0] + min(m.end(), cut),
                       0, metric.priority, True)
    return None


def _hits(p: _Probe, before: tuple[int, int], after: tuple[int, int], scope: tuple[int, int],
          weak: bool = False, local: bool = True) -> list[Hit]:
    """Cue matches for the figure: before-cues nearest the end of ``before``, after-cues
    nearest the start of ``after``; one hit per metric that fits the figure. ``scope``
    is the clause (or heading) the requires/forbids/context checks read."""
    out = []
    text = p.text
    wb = text[before[0]:before[1]] if before[1] > before[0] else ""
    wa = text[after[0]:after[1]] if after[1] > after[0] else ""  # empty windows hold no cue
    joined = None  # the window with the number replaced by '#', for `around` cues
    for metric, mid in _fitting(p.fig, p.rel):
        if p.per_unit_only and not metric.per_unit:
            continue
        bp, ap, wp = p.live[metric.id] if p.live is not None else _metric_cues(metric)
        if weak:
            bp = ap = wp
        around = bool(metric.around) and local and not weak
        if not ((bp and wb) or (ap and wa) or around):
            continue
        found = []
        if around:
            joined = joined or wb + "#" + wa
            hit = _around_hit(p, mid, metric, joined, before)
            if hit:
                found.append(hit)
        if bp and wb:
            found += _side_hits(mid, metric, bp, wb, before, True)
        if ap and wa:
            found += _side_hits(mid, metric, ap, wa, after, False)
        if found and _allowed(metric, p, scope, local):
            out.append(min(found, key=lambda h: (not h.before, h.distance)))
    return out


def _unabsorbed(hits: list[Hit]) -> list[Hit]:
    """Drop hits whose metric another hit absorbs (引进优秀教师: recruited, not backbone)."""
    by_id = load_metric_rules().by_id
    wins = set().union(*(by_id[h.metric].absorbs for h in hits)) if hits else set()
    return [h for h in hits if h.metric not in wins] or hits


def _best(hits: list[Hit]) -> Hit:
    return min(_unabsorbed(hits), key=lambda h: (-h.priority, not h.before, h.distance))


def _ambiguous(hits: list[Hit]) -> bool:
    """Cues of two different metrics at separate places: the money serves several purposes."""
    ranked = sorted(hits, key=lambda h: -h.priority)
    kept: list[Hit] = []
    for h in ranked:
        if not any(h.start < k.end and k.start < h.end for k in kept):
            kept.append(h)
    return len({h.metric for h in kept}) > 1


# -- windows and scopes -----------------------------------------------------------------

def clause_spans(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Clauses of a sentence (:func:`segment.clauses`); 、 is handled by the windows.
    A sentence of separators only is one clause."""
    return clauses(text, start, end) or [(start, end)]


def _list_cut(text: str, start: int, end: int) -> int:
    """Where a figure's before-window starts: after the last 、 unless the item after it
    is a short noun of a coordination (交流校长、副校长58人 keeps 交流校长) or the items
    end in 等 and their kind (新建第五中学、第二小学等学校6所: one noun phrase)."""
    if _ENUMERATED.search(text, start, end):
        return start
    cuts = [i for i in range(start, end) if text[i] == "、"]
    for k in range(len(cuts) - 1, -1, -1):
        seg_end = cuts[k + 1] if k + 1 < len(cuts) else end
        if seg_end - cuts[k] - 1 > 5:
            return cuts[k] + 1
    return start


def _windows(text: str, fig: Figure, clause: tuple[int, int], others: list[Figure]) -> tuple[tuple[int, int], tuple[int, int]]:
    """The figure's own before/after windows inside its clause."""
    c0, c1 = clause
    prev = [f.end for f in others if c0 <= f.start and f.end <= fig.start]
    nxt = [f.start for f in others if f.start >= fig.end and f.end <= c1]
    b0 = _list_cut(text, max(prev) if prev else c0, fig.start)
    a1 = c1
    if nxt:  # the next figure's own words: after a 、, or inside an aside (24所（含…学校11所）)
        m = _NEXT_ITEM.search(text, fig.end, min(nxt))
        if m:
            a1 = m.start()
    return (b0, fig.start), (fig.end, a1)


_NEXT_ITEM = re.compile(r"[、（(]")
_ENUMERATED = re.compile(r"、[^、，；。,;\d]{1,16}等[^、，；。,;\d]{0,4}$")


def _is_bare(text: str, before: tuple[int, int], after: tuple[int, int], money: bool = False) -> bool:
    """No subject of its own: only change words, times, numbers and punctuation around it
    (for money, before it: 安排资金50万元开展… takes its purpose from the sentence)."""
    head = text[after[0]:min(after[1], after[0] + 4)]
    return len(_strip_bare(text[before[0]:before[1]])) <= 2 and (money or len(_strip_bare(head)) <= 1)


_TIMES_NUMBERS = re.compile(r"[\d.%]+|[〇零一二两三四五六七八九十百千万亿]+年|年|月|日|以来|来|每|近")


def _strip_bare(s: str) -> str:
    """``s`` without subject-less words, times and numbers: what is left names a subject."""
    return _TIMES_NUMBERS.sub("", load_metric_rules().bare.sub("", s))


_JOINED = re.compile(r"[ \t]*(?:和|、|与|及|或)[ \t]*")


def _relation(text: str, fig: Figure, before: tuple[int, int], prev: Figure | None = None) -> str:
    """The figure's relation as attribution reads it: a share right after a change it is
    listed with (分别提高0.5个和0.8个百分点) is a change too."""
    rel = fig.relation or "level"
    if rel == "multiple":
        return "change"
    if (rel == "level" and prev is not None and prev.relation in ("change", "multiple")
            and prev.kind == fig.kind and fig.kind in ("percent", "pp")
            and _JOINED.fullmatch(text, prev.end, fig.start)):
        return "change"
    if rel == "level" and fig.kind in ("percent", "pp") and load_metric_rules().change_before.search(
            text, before[0], before[1]):
        return "change"
    return rel


# -- document layout: headings and list items ---------------------------------------------

_HEADING = re.compile(
    r"(?P<l0>第[一二三四五六七八九十]+[部分章节篇])|(?P<l1>[一二三四五六七八九十]+[、．.])"
    r"|(?P<l2>[（(][一二三四五六七八九十]+[)）])|(?P<l3>\d{1,2}[、．.](?!\d))|(?P<l4>[（(]\d{1,2}[)）])")
_ITEM = re.compile(r"(?:^|(?<=[。！？\n]))[ \t　]*[一二三四五六七八九十]+是")
_LEVELS = {"l0": 0, "l1": 1, "l2": 2, "l3": 3, "l4": 4}
_CLAUSE_MARK = re.compile(r"[，。；！？,;!?：:]")  # a line with one is prose, not a title line
_ITEM_STOP = re.compile(r"[。！？\n]")


@dataclass(frozen=True)
class Heading:
    """A heading line (一、… / （二）… / 3、…) or a list item's lead sentence (一是…)."""

    start: int
    end: int  # end of the heading text
    level: int  # 0 = unmarked title line, 1..4 = markers, 5 = 一是 item
    scope_end: int  # where its section ends


def _heading_lines(text: str) -> list[tuple[int, int, int]]:
    out = []
    pos = 0
    for line in text.split("\n"):
        a = pos + len(line) - len(line.lstrip())
        body = line.strip()
        pos += len(line) + 1
        if not body:
            continue
        m = _HEADING.match(body)
        if m and len(body) <= 60:
            out.append((a, a + len(body), _LEVELS[m.lastgroup or "l1"]))
        elif len(body) <= 30 and not _CLAUSE_MARK.search(body):
            out.append((a, a + len(body), 0))
    return out


def headings(text: str) -> list[Heading]:
    """Headings with the span of their sections, in text order."""
    raw = _heading_lines(text)
    for m in _ITEM.finditer(text):
        stop = _ITEM_STOP.search(text, m.end())
        raw.append((m.end() - 2, stop.start() if stop else m.end(), 5))
    raw.sort()
    ends = _section_ends(raw, len(text))
    out = []
    for (a, b, lvl), end in zip(raw, ends):
        if lvl == 5:
            para = text.find("\n", a)
            end = min(end, para if para >= 0 else len(text))
        out.append(Heading(a, b, lvl, end))
    return out


def _section_ends(raw: list[tuple[int, int, int]], size: int) -> list[int]:
    """Where each heading's section ends: at the next heading of the same or a higher level
    (a level number no greater), else at ``size``; one pass from the end with a stack of
    the headings that can still end an earlier one."""
    ends = [size] * len(raw)
    stack: list[tuple[int, int]] = []  # (start, level), levels rising towards the top
    for i in range(len(raw) - 1, -1, -1):
        lvl = raw[i][2]
        while stack and stack[-1][1] > lvl:
            stack.pop()
        if stack:
            ends[i] = stack[-1][0]
        stack.append((raw[i][0], lvl))
    return ends


def _enclosing(heads: list[Heading], pos: int) -> list[Heading]:
    """Headings whose section holds ``pos``, innermost first."""
    inside = [h for h in heads if h.start <= pos < h.scope_end and not (h.start <= pos < h.end)]
    return sorted(inside, key=lambda h: -h.level)


# -- the metric of one figure ------------------------------------------------------------------

@dataclass
class _Sentence:
    """One sentence of the document with what its figures need to see."""

    span: tuple[int, int]
    clauses: list[tuple[int, int]]
    figures: list[Figure]
    phrases: list[periods.TimePhrase]


def _clause_of(sent: _Sentence, pos: int) -> int:
    for i, (a, b) in enumerate(sent.clauses):
        if a <= pos < b:
            return i
    return max(0, bisect.bisect_right([a for a, _ in sent.clauses], pos) - 1)


def _has_money(sent: _Sentence, clause: tuple[int, int], fig: Figure) -> bool:
    return any(f is not fig and f.kind == "money" and clause[0] <= f.start < clause[1] for f in sent.figures)


def _scan_order(sent: _Sentence, ci: int, fig: Figure) -> list[tuple[int, int]]:
    """Other clauses to inherit from: money looks forward first (投入X，用于/新建…) and
    stops at the next money figure; other figures look back at their subject."""
    prev = [sent.clauses[i] for i in range(ci - 1, -1, -1)]
    if fig.kind != "money":
        return prev
    nxt = []
    for c in sent.clauses[ci + 1:]:
        if _has_money(sent, c, fig):
            break
        nxt.append(c)
    return nxt + prev


def _inherit(p: _Probe, scopes: list[tuple[int, int]], per_unit: bool = False) -> tuple[Hit | None, bool]:
    """The first scope with a fitting cue gives the metric; (None, True) when it is ambiguous.
    With ``per_unit``, a scope naming a per-unit quantity (生均…值, 每百名学生拥有…) lends
    only per-unit metrics."""
    rules = load_metric_rules()
    umbrella = rules.umbrella
    for a, b in scopes:
        q = p
        if per_unit and not p.per_unit_only and rules.per_unit_scope.search(p.text, a, b):
            q = replace(p, per_unit_only=True)
        hits = _hits(q, (a, b), (b, b), (a, b), local=False)
        if hits:
            best = _best(hits)
            m = umbrella.search(p.text, a, b) if p.fig.kind == "money" else None
            several = _ambiguous(hits) or (m is not None and best.end <= m.start("n"))
            return (None, True) if several else (best, False)
    return None, False


def _place_part(lead: str) -> bool:
    """其中乡村学校不低于: a part named by places, levels and bounds only."""
    rules = load_metric_rules()
    rest = _strip_bare(rules.part_places.sub("", rules.part_of.sub("", lead, count=1)))
    return len(rest.strip()) <= 1


def _follow_on(p: _Probe, sent: _Sentence, clause: tuple[int, int], own: str | None,
               how: str) -> tuple[str, str] | None:
    """A figure that qualifies the figure before it takes that figure's metric: a part
    (其中骨干教师624人次 after 交流教师2186人次, when the metric has ``parts``), a share or
    anaphora opening its clause (占比28.5%, 占…的18.2%, 这一比例达到65%). Its own reading
    (``own``, decided by ``how``) wins unless it is none, a weak guess, or a metric the
    earlier one absorbs (交流教师…其中骨干教师占比: still the rotation)."""
    rules = load_metric_rules()
    if own is None and how == "no cue":
        listed = _list_item(p, sent, clause) or _change_of_previous(p, sent, clause)
        if listed:
            return listed
    found = _followed(p.text, sent, clause, p.fig)
    if found is None or not found[0].metric:
        return None
    prev, part_lead = found
    part = part_lead is not None
    metric = rules.by_id.get(prev.metric)
    if metric is None or (part and not metric.parts and not _place_part(part_lead)):
        return None
    if own is not None and own not in metric.absorbs and not how.startswith("weak"):
        return None
    if metric.forbids and metric.forbids.search(p.text, clause[0], clause[1]):
        return None  # the part names what the metric rules out (其中…占地120亩 after 校舍面积)
    mid = _fit(metric, p.fig, p.rel)
    return (mid, f"{'part' if part else 'refers'}:{prev.surface}") if mid else None


def _followed(text: str, sent: _Sentence, clause: tuple[int, int],
              fig: Figure) -> tuple[Figure, str | None] | None:
    """The earlier figure ``fig`` qualifies, and the words from its 其中 mark when it is a
    part (None when it refers back: 占比28.5%, 这一比例): a part is of the last whole in its
    own kind and unit (学校17所，新增学位8,100个，其中…9所), a reference of the figure right
    before it. The one reading for both metric (_follow_on) and modality."""
    rules = load_metric_rules()
    lead = text[clause[0]:fig.start]
    m = rules.part_of.search(lead)
    if m is None and not rules.refers_back.search(lead):
        return None
    stop = clause[0] + m.start() if m else fig.start
    earlier = [f for f in sent.figures if f.end <= stop and f is not fig]
    if m:
        earlier = [f for f in earlier if f.kind == fig.kind and f.unit == fig.unit] or earlier
    if not earlier:
        return None
    return earlier[-1], (lead[m.start():] if m else None)


def _change_of_previous(p: _Probe, sent: _Sentence, clause: tuple[int, int]) -> tuple[str, str] | None:
    """A change with no subject of its own, opening the clause after a figure (在校生7.42万人，
    比上年减少1,035人): the change of that figure, so its metric when kind and unit fit."""
    if p.rel != "change" or _strip_bare(p.text[clause[0]:p.fig.start]).strip():
        return None
    prev = next((f for f in reversed(sent.figures) if f.end <= clause[0]), None)
    if prev is None or not prev.metric:
        return None  # (a share of a sum is its growth: 支出2.1亿元，同比增长6.8%)
    if _strip_bare(p.text[prev.end:clause[0]]).strip(" \t，,；;"):
        return None  # words after the earlier figure: the change may be of something else
    metric = load_metric_rules().by_id.get(prev.metric)
    mid = _fit(metric, p.fig, p.rel) if metric else None
    return (mid, f"change:{prev.surface}") if mid else None


def _list_item(p: _Probe, sent: _Sentence, clause: tuple[int, int]) -> tuple[str, str] | None:
    """The next item of a list that shares one verb (招聘特岗教师150名、公费师范生45名): a
    figure whose own words, from the figure before it in its clause, are 、 and a noun
    (``list_item``) takes that figure's metric when its kind and unit fit."""
    rules = load_metric_rules()
    prev = next((f for f in reversed(sent.figures)
                 if clause[0] <= f.start and f.end <= p.fig.start and f is not p.fig), None)
    if prev is None or not prev.metric or not rules.list_item.fullmatch(p.text, prev.end, p.fig.start):
        return None
    metric = rules.by_id.get(prev.metric)
    mid = _fit(metric, p.fig, p.rel) if metric else None
    return (mid, f"list:{prev.surface}") if mid else None


def _label(hit: Hit, how: str) -> tuple[str, str]:
    return hit.metric, f"{how}:{hit.cue}"


def is_school_document(text: str) -> bool:
    """Dense in schooling words (``domain`` in rules/metrics.yaml): an education report."""
    rules = load_metric_rules()
    hits = sum(1 for _ in rules.domain.finditer(text))
    return hits * 1000 >= rules.domain_per_1000 * max(len(text), 1)


def metric_of(text: str, fig: Figure, sent: _Sentence, heads: list[Heading],
              subject: tuple[int, int] | None = None, school_doc: bool = False,
              live: LiveCues | None = None) -> tuple[str | None, str]:
    """(metric id or None, the rule that decided) for one figure; ``subject`` is its own
    subject in a 分别 construction (小学、初中入学率分别为…); ``live`` is
    :func:`live_cues` of the text, computed once per document (None: try every cue)."""
    ci = _clause_of(sent, fig.start)
    clause = sent.clauses[ci]
    before, after = _windows(text, fig, clause, sent.figures)
    rules = load_metric_rules()
    per_unit_only = bool(rules.null_before.search(text[before[0]:before[1]])
                         or rules.per_unit_scope.search(text, clause[0], fig.start))
    earlier = [f for f in sent.figures if f.end <= fig.start]
    rel = _relation(text, fig, before, earlier[-1] if earlier else None)
    p = _Probe(text, fig, rel, sent.span, school_doc, per_unit_only, live)
    own, how = _own_metric(p, sent, ci, (before, after), heads, subject)
    return _follow_on(p, sent, clause, own, how) or (own, how)


def _own_metric(p: _Probe, sent: _Sentence, ci: int, windows: tuple[tuple[int, int], tuple[int, int]],
                heads: list[Heading], subject: tuple[int, int] | None) -> tuple[str | None, str]:
    """The metric the figure's own words give: its subject (分别), its window, its clause,
    its sentence, its heading (money), a weak verb; else None and why."""
    text, fig = p.text, p.fig
    clause = sent.clauses[ci]
    before, after = windows
    if subject:
        own = _hits(p, subject, (subject[1], subject[1]), clause)
        if own:
            return _label(_best(own), "subject")
    local = _hits(p, before, after, clause)
    if local:
        return _label(_best(local), "cue")
    weak = _hits(p, before, after, clause, weak=True)
    money = fig.kind == "money"
    bare = _is_bare(text, before, after, money)
    if not (bare or p.rel != "level" or (money and weak)):
        return None, "no cue"
    if before[0] > clause[0]:
        whole = _hits(p, (clause[0], fig.start), after, clause)
        if whole:
            return _label(_best(whole), "clause")
    if not bare and not (money and weak):
        return None, "no cue"  # a change or end point with a subject of its own that names nothing
    if (p.rel != "level" or not money) and not _is_bare(text, (clause[0], fig.start), after, money):
        return None, "no cue"  # its clause names a subject that no cue knows (起征点从800元提高到5000元)
    hit, ambiguous = _inherit(p, _scan_order(sent, ci, fig), per_unit=True)
    if hit:
        return _label(hit, "sentence")
    if money and not ambiguous:
        hit, ambiguous = _inherit(p, _heading_scopes(text, heads, fig.start))
        if hit:
            return _label(hit, "heading")
    if weak:
        return _label(_best(weak), "weak" + ("(several purposes)" if ambiguous else ""))
    return None, "null:distributive" if p.per_unit_only else "no cue"


def _heading_scopes(text: str, heads: list[Heading], pos: int) -> list[tuple[int, int]]:
    """The headings around ``pos``, innermost first, then the document's title line: a
    report titled 关于…教育经费预算执行情况的报告 is about that money throughout, though a
    by-line under the title ends the title's own section."""
    scopes = [(h.start, h.end) for h in _enclosing(heads, pos)]
    lead = len(text) - len(text.lstrip())
    if heads and heads[0].start == lead and heads[0].level == 0 and heads[0].end <= pos:
        title = (heads[0].start, heads[0].end)
        if title not in scopes:
            scopes.append(title)
    return scopes


# -- 分别: each value to its own subject -----------------------------------------------------

_RESPECTIVE = re.compile(r"((?:[^，；。、,;\d%]{1,12}、)+[^，；。、,;\d%]{1,12}?)(?:的[^，；。,;]{0,8})?分别")


def respective_subjects(text: str, clause: tuple[int, int], figs: list[Figure]) -> dict[int, tuple[int, int]]:
    """``北京、江苏、上海分别为a、b、c``: figure start -> the span of its own subject,
    when the number of subjects and of figures after 分别 agree."""
    m = _RESPECTIVE.search(text, clause[0], clause[1])
    if not m:
        return {}
    spans, a = [], m.start(1)
    for part in m.group(1).split("、"):
        spans.append((a, a + len(part)))
        a += len(part) + 1
    after = [f for f in figs if m.end() <= f.start < clause[1]]
    if len(after) != len(spans):
        return {}
    return {f.start: span for f, span in zip(after, spans)}


def _respective_order(text: str, sent: _Sentence) -> dict[int, int]:
    """Figures after 分别 in a clause with exactly two of them: figure start -> 0 or 1."""
    out: dict[int, int] = {}
    for a, b in sent.clauses:
        k = text.find("分别", a, b)
        if k < 0:
            continue
        after = [f for f in sent.figures if k <= f.start < b]
        if len(after) == 2:
            out.update({f.start: i for i, f in enumerate(after)})
    return out


# -- the document ---------------------------------------------------------------------------

def _sentence_of(sentences: list[tuple[int, int]], starts: list[int], fig: Figure) -> tuple[int, int]:
    """The sentence span holding the figure; a figure outside every sentence stands alone."""
    if fig.sent_end > fig.sent_start:
        return fig.sent_start, fig.sent_end
    i = bisect.bisect_right(starts, fig.start) - 1
    if i >= 0 and fig.start < sentences[i][1]:
        return sentences[i]
    return fig.start, fig.end


def _group(text: str, sentences: list[tuple[int, int]], figures: list[Figure]) -> list[_Sentence]:
    by: dict[tuple[int, int], list[Figure]] = {}
    starts = [a for a, _ in sentences]
    for fig in figures:
        by.setdefault(_sentence_of(sentences, starts, fig), []).append(fig)
    out = []
    caption = periods.load_time_rules().table_caption
    for span in sorted(set(by) | set(sentences)):  # figure-less sentences may lead a list (…：)
        figs = sorted(by.get(span, []), key=lambda f: f.start)
        if not (figs or _ends_with_colon(text, *span) or caption.search(text[span[0]:span[1]].strip())):
            out.append(_Sentence(span, [span], [], []))
            continue
        phrases = periods.find_time_phrases(text, span[0], span[1])
        out.append(_Sentence(span, clause_spans(text, *span), figs, phrases))
    return out


def _ends_with_colon(text: str, a: int, b: int) -> bool:
    """``text[a:b].rstrip()`` ends in ：or :, read from the end without copying the sentence."""
    while b > a and text[b - 1].isspace():
        b -= 1
    return b > a and text[b - 1] in "：:"


def _lead_phrase(text: str, sent: _Sentence, lead: periods.TimePhrase | None) -> periods.TimePhrase | None:
    """A figure-less sentence ending in ：with a time phrase heads the list items that follow
    (2021年以来，主要做了以下工作：/ 1、…), and a table's caption (表1 2024年…进展情况) the
    rows under it; any other sentence ends that reach."""
    rules = periods.load_time_rules()
    body = text[sent.span[0]:sent.span[1]].strip()
    if not sent.figures and sent.phrases and (body.endswith(("：", ":"))
                                              or rules.table_caption.search(body)):
        return sent.phrases[-1]
    if lead is not None and (rules.list_marker.match(body) or rules.table_row.match(body)):
        return lead
    return None


def _last_dated(phrases: list[periods.TimePhrase], before: int | None = None) -> periods.TimePhrase | None:
    """The last phrase naming its years outright (what 同年/当年 refer back to), ending
    before ``before`` when given."""
    return next((p for p in reversed(phrases) if p.kind in periods.DATED and not p.base
                 and (before is None or p.end <= before)), None)


def _period(text: str, fig: Figure, sent: _Sentence, lead: periods.TimePhrase | None,
            as_of: int | None, respective: dict[int, int],
            dated: periods.TimePhrase | None = None) -> tuple[tuple[int, int] | None, bool]:
    """The figure's period and whether it is a goal date; a plan period still running
    after the as-of year (十四五期间 in 2024) is a goal. ``dated`` is the last phrase
    naming its years before this sentence, what 同年/当年 refer back to."""
    phrase = periods.governing(sent.phrases, text, sent.span[0], fig.start) or lead
    if phrase is not None and phrase.kind == "same":
        phrase = _last_dated(sent.phrases, phrase.start) or dated
    if phrase is None:
        return None, False
    period = phrase.period(as_of)
    if phrase.kind == "list" and period is not None and fig.start in respective:
        period = (period[respective[fig.start]],) * 2  # 2022年和2023年分别投入a和b
    future = period is not None and as_of is not None and period[1] > as_of
    past = period is not None and as_of is not None and period[1] < as_of
    return period, (phrase.target and not past) or future  # 到2020年底… in a 2023 text is done


@dataclass(frozen=True)
class _Doc:
    """What every figure of one document shares."""

    text: str
    heads: list[Heading]
    as_of: int | None
    school_doc: bool
    live: LiveCues


def _attribute_one(doc: _Doc, fig: Figure, sent: _Sentence, lead: periods.TimePhrase | None,
                   subject: tuple[int, int] | None = None,
                   dated: periods.TimePhrase | None = None) -> None:
    text = doc.text
    metric, rule = metric_of(text, fig, sent, doc.heads, subject, doc.school_doc, doc.live)
    if subject:
        rule = f"{rule}; 分别:{text[subject[0]:subject[1]]}"
    period, target_time = _period(text, fig, sent, lead, doc.as_of, _respective_order(text, sent), dated)
    clause = sent.clauses[_clause_of(sent, fig.start)]
    target_section = any(modality_mod.is_target_heading(text[h.start:h.end])
                         for h in _enclosing(doc.heads, fig.start))
    mod, why = modality_mod.classify(text, sent.span, clause, (fig.start, fig.end),
                                     target_time=target_time, target_section=target_section)
    if why == "actual":
        mod = _followed_modality(text, sent, clause, fig) or mod
    fig.metric, fig.metric_rule = metric, rule
    fig.year_start, fig.year_end = period if period else (None, None)
    fig.modality = mod


def _followed_modality(text: str, sent: _Sentence, clause: tuple[int, int], fig: Figure) -> str | None:
    """A part or share of an earlier figure (:func:`_followed`) with no modality cue of its
    own shares that figure's plan or rule: 计划交流轮岗教师316名，…，其中骨干教师68名，
    占交流总数的21.5%."""
    found = _followed(text, sent, clause, fig)
    mod = found[0].modality if found else None
    return mod if mod in ("target", "standard") else None


def attribute(text: str, sentences: list[tuple[int, int]], figures: list[Figure],
              as_of_year: int | None, *, school_doc: bool | None = None) -> None:
    """Fill metric, metric_rule, year_start/year_end and modality of ``figures`` in place.

    ``school_doc`` overrides the test of whether the text is about schooling
    (:func:`is_school_document`), e.g. for one sentence lifted out of a report.
    """
    if not figures:
        return
    school = is_school_document(text) if school_doc is None else school_doc
    doc = _Doc(text, headings(text), as_of_year, school, live_cues(text))
    lead = dated = None
    for sent in _group(text, sentences or split_sentences(text), figures):
        lead = _lead_phrase(text, sent, lead)
        done: set[int] = set()
        for clause in sent.clauses if sent.figures else ():
            subjects = respective_subjects(text, clause, sent.figures)
            for fig in sent.figures:
                if clause[0] <= fig.start < clause[1]:
                    _attribute_one(doc, fig, sent, lead, subjects.get(fig.start), dated)
                    done.add(id(fig))
        for fig in sent.figures:  # a figure outside every clause span (rare): still decided
            if id(fig) not in done:
                _attribute_one(doc, fig, sent, lead, dated=dated)
        dated = _last_dated(sent.phrases) or dated


def describe(figure: Figure) -> str:
    """A one-line label for ``edumine show``: ``edu_spending 教育经费投入 · 2023 · actual``."""
    metric = f"{figure.metric} {metric_name(figure.metric)}" if figure.metric else "— (no metric)"
    if figure.year_start is None:
        when = "—"
    elif figure.year_start == figure.year_end or figure.year_end is None:
        when = str(figure.year_start)
    else:
        when = f"{figure.year_start}–{figure.year_end}"
    return f"{metric} · {when} · {figure.modality}"
