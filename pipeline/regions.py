"""Regions and named entities: GPE and ORG mentions, the document's region, figures' regions.

GPE mentions come from one scan over the text with a character trie of every written form in the
gazetteer (full names, usable short names, aliases, former names), built once per process; at each
position the longest acceptable form wins. Two-character forms (赵县, 晋安) are the risky ones: they
are refused where they would cut a dictionary word of the prose (经费县 -> 经费, 城市北部 -> 城市).
ORG mentions are organs (a division name + 教育局/人民政府 ...) and schools, from rules/regions/orgs.yaml.
"""
from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache

from .errors import RuleError
from .gazetteer import Surface, load_gazetteer, towns_within
from .model import Entity, Figure, RegionGuess
from .rulefiles import compile_regex, load_yaml, need, no_duplicates, no_unknown_keys, str_list
from .segment import Lexicon, clauses, load_lexicon, words
from .triere import trie_regex
from .wordscan import PatternIndex

ORGS = "regions/orgs.yaml"
_END = ""  # trie key marking the end of a written form
# jieba words at least this frequent count as words of the prose when checking boundaries
_WORD_FREQ = 20
_FUNCTION_CHARS = frozenset("和与及在对把被从向于为以是的了而并或等又也都就将让给")


@dataclass(frozen=True)
class OrgRules:
    """Compiled ORG patterns from ``rules/regions/orgs.yaml``."""

    body_suffix: re.Pattern[str]  # anchored at the end of a GPE mention
    body_ids: dict[str, str]  # suffix -> body id
    national: re.Pattern[str]
    school_suffix: re.Pattern[str]
    max_stem: int
    stop_chars: frozenset[str]
    generic_stem: re.Pattern[str]
    generic_tail: re.Pattern[str]
    bare_kinds: frozenset[str]
    cut_tags: frozenset[str]
    cut_words: frozenset[str]
    name_words: frozenset[str]
    not_before: tuple[str, ...]


def _alternation(items: list[str]) -> str:
    return "|".join(re.escape(s) for s in sorted(set(items), key=len, reverse=True))


@lru_cache(maxsize=1)
def load_org_rules() -> OrgRules:
    """Parse and validate ``orgs.yaml`` once per process."""
    data, shown = load_yaml(ORGS)
    if not isinstance(data, dict):
        raise RuleError(shown, "<file>", "expected a mapping")
    no_unknown_keys(data, ("bodies", "national_bodies", "schools"), shown, "<file>")
    bodies = need(data, "bodies", list, shown, "<file>")
    ids: dict[str, str] = {}
    for i, b in enumerate(bodies):
        loc = f"bodies[{i}]"
        bid = need(b, "id", str, shown, loc)
        no_unknown_keys(b, ("id", "suffixes"), shown, loc)
        for s in str_list(b, "suffixes", shown, loc):
            if s in ids:
                raise RuleError(shown, f"{loc}.suffixes", f"duplicate suffix {s!r} (also in {ids[s]})")
            ids[s] = bid
    no_duplicates(((need(b, "id", str, shown, f"bodies[{i}]"), f"bodies[{i}]")
                   for i, b in enumerate(bodies)), shown, "body id")
    national = str_list(data, "national_bodies", shown, "<file>")
    sc = need(data, "schools", dict, shown, "<file>")
    no_unknown_keys(sc, ("suffixes", "max_stem", "stop_chars", "generic_stem", "generic_tail",
                         "bare_kinds", "cut_tags", "cut_words", "name_words", "not_before"), shown, "schools")
    return OrgRules(
        body_suffix=compile_regex(_alternation(list(ids)), shown, "bodies"),
        body_ids=ids,
        national=compile_regex(_alternation(national), shown, "national_bodies"),
        school_suffix=compile_regex(_alternation(str_list(sc, "suffixes", shown, "schools")), shown,
                                    "schools.suffixes"),
        max_stem=need(sc, "max_stem", int, shown, "schools"),
        stop_chars=frozenset(need(sc, "stop_chars", str, shown, "schools")),
        generic_stem=compile_regex(need(sc, "generic_stem", str, shown, "schools"), shown,
                                   "schools.generic_stem"),
        generic_tail=compile_regex(need(sc, "generic_tail", str, shown, "schools"), shown,
                                   "schools.generic_tail"),
        bare_kinds=frozenset(str_list(sc, "bare_kinds", shown, "schools")),
        cut_tags=frozenset(str_list(sc, "cut_tags", shown, "schools")),
        cut_words=frozenset(str_list(sc, "cut_words", shown, "schools", default=[])),
        name_words=frozenset(str_list(sc, "name_words", shown, "schools", default=[])),
        not_before=tuple(str_list(sc, "not_before", shown, "schools")),
    )


@lru_cache(maxsize=1)
def _trie() -> dict:
    """A character trie over every written form; leaves hold the form's surfaces."""
    root: dict = {}
    for form, surfaces in load_gazetteer().surfaces().items():
        node = root
        for ch in form:
            node = node.setdefault(ch, {})
        node[_END] = surfaces
    return root


@lru_cache(maxsize=1)
def _form_starts() -> tuple[re.Pattern[str], frozenset[str]]:
    """The gazetteer's :func:`_head_finder`."""
    return _head_finder(load_gazetteer().surfaces())


def _head_finder(forms: Iterable[str]) -> tuple[re.Pattern[str], frozenset[str]]:
    """Where one of ``forms`` may begin, in two tests: a pattern (a character that begins some
    form followed by one that is some form's second, or a one-character form), then every form's
    first two characters (or the whole form when it has one).

    The pattern runs in C over the whole text and stops at about one position in eight of a news
    page; the set lookup after it keeps one in a hundred. A regex of all forms (a trie) costs far
    more per position in ``re``, as does an Aho-Corasick automaton with some 900 first characters.
    """
    forms = list(forms)
    parts = []  # each matches one character, so every position is tried
    if longer := [f for f in forms if len(f) > 1]:
        parts.append(f"{_char_class(f[0] for f in longer)}(?={_char_class(f[1] for f in longer)})")
    if singles := [f for f in forms if len(f) == 1]:
        parts.append(_char_class(singles))
    return re.compile("|".join(parts) or "(?!)"), frozenset(f[:2] for f in forms)  # (?!): no forms


def _char_class(chars: Iterable[str]) -> str:
    return f"[{re.escape(''.join(sorted(set(chars))))}]"


def _form_heads(text: str) -> list[int]:
    """The positions of ``text`` where a written form may begin, ascending."""
    return _heads_in(text, *_form_starts())


def _heads_in(text: str, starts: re.Pattern[str], heads: frozenset[str]) -> list[int]:
    return [k for k in map(re.Match.start, starts.finditer(text))
            if text[k:k + 2] in heads or text[k] in heads]


@lru_cache(maxsize=1)
def lexicon() -> Lexicon:
    """jieba's words as the boundary checks and school names use them: the words of at least
    ``_WORD_FREQ`` (words of the prose) and those whose tag ends a school name's stem (cut_tags)."""
    return load_lexicon(_WORD_FREQ, load_org_rules().cut_tags)


def warm_caches() -> None:
    """Build the lazily built lookups (name trie and heads, self-reference index, jieba's word
    lists) so that worker processes forked afterwards share them instead of each building its own."""
    _trie()
    _form_starts()
    _self_index()
    lexicon()


# -- GPE ----------------------------------------------------------------------

def _forms_at(text: str, i: int) -> list[tuple[int, list[Surface]]]:
    """Written forms starting at ``i``: (end, surfaces), longest first."""
    node, out, j, n = _trie(), [], i, len(text)
    while j < n:
        node = node.get(text[j])
        if node is None:
            break
        j += 1
        if _END in node:
            out.append((j, node[_END]))
    return out[::-1]


def _cuts_word(text: str, i: int, j: int) -> bool:
    """Would a two-character match over text[i:j] cut a word of the prose?

    Refused: a word crossing its left edge (经费|县, 时代|县, 城市|北部, 跨越千|山万水), a longer
    word holding it (千山万水, 北京大学, 科教兴国; not a division's own longer form, refused for
    its own reasons as in 夷陵区|域), a conjunction before a word (和|政治, 和|硕士), and for full
    names a word their suffix begins (和县|级). The right edge of a short name is not checked:
    宜昌盛产 is 宜昌 + 盛产.
    """
    common, forms = lexicon().common, load_gazetteer().surfaces()
    for k in (1, 2, 3):
        if i - k >= 0 and text[i - k:i + 1] in common:
            return True
    for a, b in ((i, j + 1), (i, j + 2), (i - 1, j), (i - 2, j), (i - 1, j + 1)):
        w = text[max(a, 0):b]
        if a >= 0 and len(w) == b - a and w in common and w not in forms:
            return True  # a longer word holds the match: 千山万水, 北京大学, 科教兴国
    if text[i] in _FUNCTION_CHARS and text[i + 1:i + 3] in common:
        return True
    if text[j - 1] in "区县市旗":
        return any(j + k <= len(text) and text[j - 1:j + k] in common for k in (1, 2))
    return False


def _accept(text: str, i: int, j: int, surfaces: list[Surface], prev: Entity | None) -> list[Surface]:
    """The surfaces of text[i:j] that may stand here ([] when the match is refused)."""
    gz = load_gazetteer()
    after = prev if prev is not None and prev.end == i and prev.region_code else None
    form = text[i:j]
    if after is None and j - i == 2 and _cuts_word(text, i, j):
        return []
    rules = gz.name_rules
    if form[-1] in "区县市" and text.startswith(rules.suffix_words, j - 1):
        return []  # 夷陵区域, 和县级: the suffix begins a word
    out = []
    for s in surfaces:
        if after is not None and after.region_code not in gz.ancestors(s.code) and len(surfaces) > 1:
            continue  # 福州鼓楼区: keep the one under the parent just named
        if s.context_only and after is None and not load_org_rules().body_suffix.match(text, j):
            continue
        if s.context_only and after is not None and after.region_code not in gz.ancestors(s.code):
            continue
        out.append(s)
    return out or ([] if after is None else [s for s in surfaces if not s.context_only])


def _gpe_entity(text: str, i: int, j: int, surfaces: list[Surface]) -> Entity:
    gz = load_gazetteer()
    codes = list(dict.fromkeys(s.code for s in surfaces))
    names = {gz.by_code(c)["name"] for c in codes}
    kind = surfaces[0].kind
    return Entity(label="GPE", start=i, end=j, text=text[i:j],
                  norm=names.pop() if len(names) == 1 else text[i:j],
                  region_code=codes[0] if len(codes) == 1 else None, rule=f"gpe:{kind}")


def _scan_gpe(text: str) -> list[Entity]:
    """Leftmost-longest scan: one pass, a trie walk where a form may begin."""
    out: list[Entity] = []
    i = 0
    for k in _form_heads(text):
        if k < i:
            continue  # inside the last match
        prev = out[-1] if out else None
        for j, surfaces in _forms_at(text, k):
            kept = _accept(text, k, j, surfaces, prev)
            if kept:
                out.append(_gpe_entity(text, k, j, kept))
                i = j
                break
    return out


def _resolve_by_context(ents: list[Entity]) -> None:
    """Give an ambiguous mention (鼓楼区) the one reading whose parent the document also names;
    failing that, the reading that dominates the others (see :func:`dominant_reading`)."""
    gz = load_gazetteer()
    named = {e.region_code for e in ents if e.region_code}
    for e in ents:
        if e.region_code or e.label != "GPE":
            continue
        codes = candidate_codes(e)
        fits = [c for c in codes if named & set(gz.ancestors(c))]
        pick = fits[0] if len(fits) == 1 else dominant_reading(fits or codes)
        if pick:
            e.region_code, e.norm = pick, gz.by_code(pick)["name"]


def dominant_reading(codes: list[str]) -> str | None:
    """The reading of an ambiguous name that stands above the others: a province (河北 is 河北省,
    not 天津's 河北区), or a division whose namesakes are all inside it (承德市 over 承德县)."""
    gz = load_gazetteer()
    provinces = [c for c in codes if gz.by_code(c)["level"] == "province"]
    if len(provinces) == 1:
        return provinces[0]
    top = [c for c in codes if all(o == c or c in gz.ancestors(o) for o in codes)]
    return top[0] if len(top) == 1 else None


def candidate_codes(entity: Entity) -> list[str]:
    """Every division a GPE mention may be (one when resolved)."""
    if entity.region_code:
        return [entity.region_code]
    surfaces = load_gazetteer().surfaces().get(entity.text, [])
    return list(dict.fromkeys(s.code for s in surfaces if not s.context_only))


# -- ORG ----------------------------------------------------------------------

def _chain_start(gpes: list[Entity], k: int) -> int:
    """Index of the first GPE of the run of adjacent GPEs ending with gpes[k] (福建省福州市晋安区)."""
    while k > 0 and gpes[k - 1].end == gpes[k].start:
        k -= 1
    return k


def _bodies(text: str, gpes: list[Entity], rules: OrgRules) -> list[Entity]:
    out = []
    for k, g in enumerate(gpes):
        m = rules.body_suffix.match(text, g.end)
        if not m:
            continue
        start = gpes[_chain_start(gpes, k)].start
        out.append(Entity("ORG", start, m.end(), text[start:m.end()], norm=text[start:m.end()],
                          region_code=g.region_code, rule=f"org:{rules.body_ids[m.group()]}"))
    common = lexicon().common
    for m in rules.national.finditer(text):
        if text[m.end() - 1:m.end() + 1] in common:
            continue  # 教育部门, 财政部门: the body's last character begins a word
        if not any(g.end == m.start() for g in gpes):
            out.append(Entity("ORG", m.start(), m.end(), m.group(), norm=m.group(), rule="org:national"))
    return out


def _school(text: str, m: re.Match, ends: dict[int, int], gpes: dict[int, tuple[int, Entity]],
            rules: OrgRules) -> Entity | None:
    """The school whose name ends with suffix match ``m``, or None when it is a kind of school."""
    left, right = m.span()
    if text.startswith(rules.not_before, right):
        return None
    a, gpe, chain_start = left, None, 0
    while a > 0 and left - a < rules.max_stem + 1:
        if a in gpes:
            chain_start, gpe = gpes[a]
            break
        ch = text[a - 1]
        if a in ends or ch in rules.stop_chars or not ("\u4e00" <= ch <= "\u9fff" or ch.isdigit()):
            break
        a -= 1
    stem = _name_part(text[a:left])
    if len(stem) < left - a:
        a, gpe = left - len(stem), None  # a verb or adjective stood between: no division prefix
    if gpe is None and (left - a > rules.max_stem or len(stem) < 2):
        return None  # no clear left edge, or no name
    if stem and (rules.generic_stem.match(stem) or rules.generic_tail.search(stem)):
        return None
    if not stem and gpe is not None and m.group() in rules.bare_kinds and gpe.text[-1] in "省市区县旗":
        return None
    start = chain_start if gpe else a
    return Entity("ORG", start, right, text[start:right], norm=text[start:right],
                  region_code=gpe.region_code if gpe else None, rule="org:school")


@lru_cache(maxsize=8192)
def _name_part(stem: str) -> str:
    """The words of ``stem`` after its last verb, adjective, adverb, time or number word.

    推进育才 -> 育才, 新改扩建洋下 -> 洋下, 解决 -> "" (no name): a school's name is made of nouns
    and proper names, so whatever precedes the last non-noun word is the sentence, not the name.
    Cached: the same stems (新建, 改扩建…) recur on every page.
    """
    if not stem:
        return stem
    rules, tagged = load_org_rules(), lexicon().tagged
    stem_words = words(stem)
    keep = len(stem_words)
    for k in range(len(stem_words) - 1, -1, -1):
        w = stem_words[k]
        if w.isdigit() or w in rules.cut_words or (w in tagged and w not in rules.name_words):
            break
        keep = k
    return "".join(stem_words[keep:])


def _schools(text: str, gpes: list[Entity], taken: list[Entity], rules: OrgRules) -> list[Entity]:
    chain_at = {g.end: (gpes[_chain_start(gpes, k)].start, g) for k, g in enumerate(gpes)}
    ends = {e.end: e.start for e in taken}
    out = []
    for m in rules.school_suffix.finditer(text):
        e = _school(text, m, ends, chain_at, rules)
        if e is not None:
            out.append(e)
            ends[e.end] = e.start
    return out


# -- the entity finder ---------------------------------------------------------

def find_entities(text: str) -> list[Entity]:
    """GPE and ORG mentions in ``text``, by start; a GPE inside an ORG is kept as well.

    A GPE carries ``region_code`` when its reading is certain (or made certain by a parent the
    text also names); ``norm`` is the full name.
    """
    gpes = _scan_gpe(text)
    _resolve_by_context(gpes)
    rules = load_org_rules()
    bodies = _bodies(text, gpes, rules)
    schools = _schools(text, gpes, bodies, rules)
    gpes = _drop_stray_school_places(gpes, schools)
    return sorted(gpes + bodies + schools, key=lambda e: (e.start, -e.end, e.label))


def _drop_stray_school_places(gpes: list[Entity], schools: list[Entity]) -> list[Entity]:
    """A short place name ending a school's name prefix (东湖小学, 上海中学) that nothing else in
    the text relates to is part of the school's name, not a mention of that division: drop it."""
    gz = load_gazetteer()
    last: dict[int, tuple[Entity, Entity | None]] = {}  # id(gpe) -> (school, gpe before it in the name)
    for s in schools:
        inner = [g for g in gpes if s.start <= g.start and g.end <= s.end]
        if inner and inner[-1].rule == "gpe:short":
            last[id(inner[-1])] = (s, inner[-2] if len(inner) > 1 and inner[-2].end == inner[-1].start
                                   else None)
    known = {g.region_code for g in gpes if id(g) not in last and g.region_code}
    related = known | {a for c in known for a in gz.ancestors(c)}
    keep = []
    for g in gpes:
        if id(g) in last and not (g.region_code in related or known & set(gz.ancestors(g.region_code))):
            school, before = last[id(g)]
            school.region_code = before.region_code if before is not None else None
            continue
        keep.append(g)
    return keep


# -- the document's region -----------------------------------------------------

_W_TITLE, _W_SOURCE, _W_BODY, _W_BODY_ORG, _W_IN_SCHOOL, _W_MEDIA = 4.0, 3.0, 1.0, 1.5, 0.3, 0.3
# a place name as part of a media brand (华龙网, 宜昌日报) says where the outlet is, not the story
_MEDIA = re.compile(r"网|[日晚]?报|电视台|广播电视台|新闻|融媒|客户端|在线|发布")
_DESCEND = 0.5  # go down to a child holding at least this share of its parent's evidence
_HEAD_SHARE = 0.3  # a division the title names is kept while it holds this share of all evidence
# the document speaking of itself, by level: (pattern, weight); 我区 is the writer's own voice,
# 全区 and a nameless organ (区教育局, 区委区*) are weaker; in the title each counts twice
_SELF = {
    "county": ((re.compile(r"(?:我|本)[区县旗]"), 3), (re.compile(r"全[区县旗]"), 1),
               (re.compile(r"[区县旗](?:委|政府|人民政府|教育局|教体局|\*)"), 1)),
    "city": ((re.compile(r"(?:我|本)市"), 3), (re.compile(r"全市"), 1),
             (re.compile(r"市(?:委|政府|人民政府|教育局|教体局)"), 1)),
    "province": ((re.compile(r"(?:我|本)省"), 3), (re.compile(r"全省"), 1),
                 (re.compile(r"省(?:委|政府|人民政府|教育厅)"), 1)),
}
_NATIONAL = re.compile(r"全国|各省[（(]?区、市|各地|中央")
_OWN_VOICE = re.compile(r"(?:我|本)[区县旗市省]")


@dataclass
class _Evidence:
    weights: dict[str, float]  # division code -> weight of the mentions naming it
    head: list[str]  # codes the title (else the source line) names, in order
    notes: list[str]


def _mentions(title: str | None, text: str, source_name: str | None,
              entities: list[Entity]) -> list[tuple[Entity, float, str]]:
    """(mention, weight, where) for title, source line, issuing bodies and body mentions."""
    out = [(e, _W_TITLE, "title") for e in find_entities(title or "") if e.label == "GPE"]
    src = source_name or ""
    out += [(e, _W_MEDIA if _MEDIA.match(src, e.end) else _W_SOURCE, "source")
            for e in find_entities(src) if e.label == "GPE"]
    schools = [e for e in entities if e.rule == "org:school"]
    for e in entities:
        if e.label == "GPE":
            inside = any(s.start <= e.start and e.end <= s.end for s in schools)
            w = _W_IN_SCHOOL if inside else (_W_MEDIA if _MEDIA.match(text, e.end) else _W_BODY)
            out.append((e, w, "body"))
        elif e.label == "ORG" and e.region_code and e.rule != "org:school":
            out.append((e, _W_BODY_ORG, "body"))
    return out


def _evidence(title: str | None, text: str, source_name: str | None,
              entities: list[Entity]) -> _Evidence:
    """Evidence per division; an ambiguous mention goes to the readings under a named parent,
    else its weight is split between its readings."""
    gz = load_gazetteer()
    mentions = _mentions(title, text, source_name, entities)
    named = {e.region_code for e, _, _ in mentions if e.region_code}
    ev = _Evidence({}, [], [])
    heads: list[tuple[str, str]] = []
    counts: dict[str, int] = {}
    for e, w, where in mentions:
        codes = candidate_codes(e)
        fits = [c for c in codes if named & set(gz.ancestors(c))] or codes
        if len(fits) > 1 and dominant_reading(fits):
            fits = [dominant_reading(fits)]
        for c in fits:
            ev.weights[c] = ev.weights.get(c, 0.0) + w / len(fits)
        if where != "body" and len(fits) == 1:
            heads.append((where, fits[0]))
        key = f"{where}:{e.text}" + ("?" if len(fits) > 1 else "")
        counts[key] = counts.get(key, 0) + 1
    titled = [c for where, c in heads if where == "title"]
    ev.head = titled or [c for _, c in heads]
    ev.notes = [k + (f"×{n}" if n > 1 else "") for k, n in counts.items()]
    return ev


def _subtree(weights: dict[str, float]) -> dict[str, float]:
    gz = load_gazetteer()
    total: dict[str, float] = {}
    for code, w in weights.items():
        for c in (code, *gz.ancestors(code)):
            total[c] = total.get(c, 0.0) + w
    return total


@lru_cache(maxsize=1)
def _self_index() -> tuple[PatternIndex, tuple[tuple[str, int], ...]]:
    """Every ``_SELF`` pattern in one index (one pass over a text instead of nine), and the
    (level, weight) of each."""
    return (PatternIndex(rx for pats in _SELF.values() for rx, _ in pats),
            tuple((level, w) for level, pats in _SELF.items() for _, w in pats))


def _self_cues(title: str | None, text: str) -> dict[str, int]:
    """Weighted count of the document's self-references by level; a title's count twice."""
    index, weights = _self_index()
    cues = dict.fromkeys(_SELF, 0)
    hits = zip(weights, index.finditer_all(text), index.finditer_all(title or ""))
    for (level, w), in_text, in_title in hits:
        cues[level] += w * (len(in_text) + 2 * len(in_title))
    return cues


def _start_node(support: dict[str, float], head: list[str], total: float) -> str:
    """The deepest division the title names (if it holds enough evidence), else the best province."""
    gz = load_gazetteer()
    named = [c for c in head if support.get(c, 0.0) >= _HEAD_SHARE * total]
    if named:
        return max(named, key=lambda c: (len(gz.ancestors(c)), support[c], c))
    return max((c for c in support if not gz.by_code(c)["parent_code"]), key=lambda c: (support[c], c))


def _voice_level(row: dict) -> str:
    """The level a division's own voice uses: 我市 in 北京市 (a municipality) as in 济南市."""
    return "city" if row["level"] == "province" and row["name"].endswith("市") else row["level"]


def _descend(node: str, support: dict[str, float], cues: dict[str, int]) -> str:
    """Down from ``node`` while one child holds enough of the evidence under it.

    The document's own voice moves the bar: 我区/全县 outweighing 我市/全市 make a county
    enough with 15% of a city's evidence; the parent's voice outweighing the child's asks 70%.
    """
    gz = load_gazetteer()
    children: dict[str, list[str]] = {}
    for c in support:
        children.setdefault(gz.by_code(c)["parent_code"], []).append(c)
    while children.get(node):
        best = max(children[node], key=lambda c: (support[c], c))
        up, down = _voice_level(gz.by_code(node)), _voice_level(gz.by_code(best))
        need = _DESCEND
        if up != down and cues[down] > cues[up]:
            need = 0.15
        elif up != down and cues[up] > 2 * cues[down]:
            need = 0.7
        if support[best] < need * support[node]:
            break
        node = best
    return node


def _national_score(title: str | None, text: str, source_name: str | None,
                    entities: list[Entity]) -> float:
    head = f"{title or ''} {source_name or ''}"
    score = 3.0 * len(_NATIONAL.findall(head)) + 0.5 * len(_NATIONAL.findall(text))
    score += sum(3.0 for e in find_entities(head) if e.rule == "org:national")
    return score + sum(0.5 for e in entities if e.rule == "org:national")


def infer_region(title: str | None, text: str, source_name: str | None,
                 entities: list[Entity]) -> RegionGuess:
    """The division a document is about, weighing title, source, issuing body and body mentions.

    A division the title names is the starting point; the guess goes down to a child that holds
    most of the evidence (a county a city-titled report is all about) and otherwise stays. A
    national article (全国, 教育部 ... and no dominant division) gets level "national" and the
    name 全国; a document naming nothing gets an empty guess with confidence 0.
    """
    gz = load_gazetteer()
    ev = _evidence(title, text, source_name, entities)
    national = _national_score(title, text, source_name, entities)
    support = _subtree(ev.weights)
    total = sum(ev.weights.values())
    best_prov = max((v for c, v in support.items() if not gz.by_code(c)["parent_code"]), default=0.0)
    own_voice = len(_OWN_VOICE.findall(text))  # 我区, 本县: a region writing, not the nation
    if national and (not best_prov or (not ev.head and own_voice < 2
                                       and (national >= best_prov or best_prov < 0.5 * total))):
        return RegionGuess(None, "全国", "national", round(national / (national + total), 3),
                           f"national cues {national:g} vs divisions {total:g}")
    if not best_prov:
        return RegionGuess(None, None, None, 0.0, "no division named")
    cues = _self_cues(title, text)
    code = _descend(_start_node(support, ev.head, total), support, cues)
    row = gz.by_code(code)
    above = sum(ev.weights.get(c, 0.0) for c in gz.ancestors(code))  # consistent, not contrary
    conf = (support[code] + 0.5 * above) / (total + national) * min(1.0, total / 3.0)
    cue_note = ",".join(f"self-{k}×{v}" for k, v in cues.items() if v)
    evidence = "; ".join(ev.notes[:6]) + (f"; {cue_note}" if cue_note else "")
    return RegionGuess(code, row["name"], row["level"], round(min(1.0, conf), 3), evidence[:300])


# -- figures -------------------------------------------------------------------

def _sentence_of(fig: Figure, sentences: list[tuple[int, int]]) -> tuple[int, int]:
    if fig.sent_end > fig.sent_start:
        return fig.sent_start, fig.sent_end
    for a, b in sentences:
        if a <= fig.start < b:
            return a, b
    return fig.start, fig.end


def assign_figure_regions(text: str, sentences: list[tuple[int, int]], figures: list[Figure],
                          entities: list[Entity], doc_region: RegionGuess) -> None:
    """Set each figure's ``region_code``: a division inside the document's region that its
    sentence names (a county in a city report), nearest before the figure or after it in the
    same clause; else the document's code.

    Towns (镇/乡/街道) inside a city's or province's report give their county's code.
    Only divisions below the document's own count: in a county report 福州市, 全省 or a
    destination (到上海培训) is compared with or travelled to, not reported on. A national or
    unplaced document lets any named division take its figures. Place names inside school
    names (上海中学) do not count.
    """
    gz = load_gazetteer()
    own = doc_region.code
    schools = [e for e in entities if e.rule == "org:school"]
    gpes = []
    for e in entities:
        if e.label != "GPE" or any(s.start <= e.start and e.end <= s.end for s in schools):
            continue
        codes = [c for c in candidate_codes(e) if not own or own in gz.ancestors(c)]
        if len(codes) == 1:  # 鼓楼区 in a 福州 report is 福州's
            gpes.append((e, codes[0]))
    towns = _town_matcher(own) if own and gz.by_code(own)["level"] != "county" else None

    by_sentence: dict[tuple[int, int], list[tuple[Entity, str]]] = {}
    for fig in figures:
        a, b = _sentence_of(fig, sentences)
        named = by_sentence.get((a, b))
        if named is None:
            named = by_sentence[(a, b)] = _named_in(text, a, b, gpes, towns)
        fig.region_code = _named_near(text, fig, a, b, named) or own


def _named_near(text: str, fig: Figure, a: int, b: int, named: list[tuple[Entity, str]]) -> str | None:
    """The code named nearest before ``fig`` in its sentence ``text[a:b]``, else the first named
    after it in its clause (30所夷陵区); None when neither names one."""
    before = [c for e, c in named if e.end <= fig.start]
    if before:
        return before[-1]
    after = [(e, c) for e, c in named if fig.end <= e.start]
    if not after:
        return None  # the clauses are not needed
    _, cb = next(((x, y) for x, y in clauses(text, a, b) if x <= fig.start < y), (a, b))
    return next((c for e, c in after if e.end <= cb), None)


def _named_in(text: str, a: int, b: int, gpes: list[tuple[Entity, str]],
              towns: tuple[re.Pattern[str], dict[str, str]] | None) -> list[tuple[Entity, str]]:
    """(mention, code) of the divisions and towns named in ``text[a:b]``, by start."""
    named = [(e, c) for e, c in gpes if a <= e.start and e.end <= b]
    if towns is not None:  # 宦溪镇 in a 福州 report is 晋安区's
        named += [(Entity("GPE", m.start(), m.end(), m.group()), towns[1][m.group()])
                  for m in towns[0].finditer(text, a, b)]
        named.sort(key=lambda ec: ec[0].start)
    return named


@lru_cache(maxsize=64)
def _town_matcher(code: str) -> tuple[re.Pattern[str], dict[str, str]] | None:
    """The town names inside ``code`` as one trie regex, longest name first at each position
    (built once per region)."""
    towns = towns_within(code)
    if not towns:
        return None
    return re.compile(trie_regex(sorted(towns))), towns


# -- spaCy ruler patterns ------------------------------------------------------

def entity_ruler_patterns() -> list[dict]:
    """Patterns for a spaCy EntityRuler/SpanRuler giving the same GPE and organ ORG mentions.

    GPE: one phrase pattern per written form that may stand alone (id = the division code when the
    form is unambiguous, else the form). ORG: a GPE form followed by an organ suffix, and the
    national bodies. Phrase patterns match whole tokens only, so :func:`find_entities` stays the
    reference; the ruler is for spaCy users who want ``doc.ents``.
    """
    gz = load_gazetteer()
    rules = load_org_rules()
    out: list[dict] = []
    forms = []
    for form, surfaces in sorted(gz.surfaces().items()):
        usable = [s for s in surfaces if not s.context_only]
        if not usable:
            continue
        codes = sorted({s.code for s in usable})
        forms.append(form)
        out.append({"label": "GPE", "pattern": form, "id": codes[0] if len(codes) == 1 else form})
    by_tokens: dict[tuple[str, ...], str] = {}  # an organ suffix as our tokenizer splits it
    for suf, bid in rules.body_ids.items():
        by_tokens.setdefault(tuple(words(suf)), bid)
    org_forms = forms + sorted(f for f, ss in gz.surfaces().items() if all(s.context_only for s in ss))
    for toks, bid in sorted(by_tokens.items()):  # 阳泉市郊区教育局: context-only names stand here
        out.append({"label": "ORG", "id": bid, "pattern": [{"TEXT": {"IN": org_forms}, "OP": "+"}]
                    + [{"TEXT": t} for t in toks]})
    for m in rules.national.pattern.split("|"):
        out.append({"label": "ORG", "pattern": m.replace("\\", ""), "id": "national"})
    return out
