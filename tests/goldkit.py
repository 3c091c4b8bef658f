"""What the dev-set gold scripts share: the figure and document builders, and the checks
run before a gold file is written (tests/devset3/gold_a.py, gold_b.py, tests/devset4/gold.py).

Each writer keeps the gold as data in a script of their own; the checks are one piece of
code so a fix to them (2400余万元, a declared charset) reaches every set.
"""
import html as H
import json
import os
import re
import sys

A = 'actual'; T = 'target'; S = 'standard'
c = 'count'; m = 'money'; p = 'percent'; n = 'number'; ar = 'area'; pp = 'pp'
MU = 10000 / 15          # 1 亩 in square metres
KINDS = {'money', 'percent', 'pp', 'count', 'area', 'number'}
QUALS = {None, 'nearly', 'about', 'over', 'at_least', 'at_most'}
MODS = {'actual', 'target', 'standard'}
VOCAB = os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', '..', 'shared', 'spec',
                     'vocabulary.md')
NUMCH = set('0123456789０１２３４５６７８９.,．零〇一二两三四五六七八九十百千万亿点')
FW = str.maketrans('０１２３４５６７８９', '0123456789')


def F(surface, kind, value, metric=None, year=None, modality=A, qual=None):
    """One gold figure; year Y -> [Y, Y]."""
    if isinstance(year, int):
        year = [year, year]
    return {"surface": surface, "kind": kind, "value": value, "qualifier": qual,
            "metric": metric, "year": year, "modality": modality}


def document_builder(docs):
    """D(doc, title, published, as_of, code, name, level, junk, measures, figures) appending to docs."""
    def D(doc, title, published, as_of, code, name, level, junk, measures, figures):
        docs.append({"doc": doc, "title": title, "published": published, "as_of_year": as_of,
                     "region": {"code": code, "name": name, "level": level}, "junk": junk,
                     "measures": sorted(measures), "figures": figures})
    return D


def vocabulary():
    """(metric ids, measure ids) of ../shared/spec/vocabulary.md; empty sets where it is absent."""
    metrics, measures = set(), set()
    if os.path.exists(VOCAB):
        section = None
        for line in open(VOCAB, encoding='utf-8'):
            if line.startswith('## '):
                section = line
            mm = re.match(r'- `([a-z_]+)` — ', line)
            if mm and section:
                (metrics if 'Metrics' in section else measures).add(mm.group(1))
    return metrics, measures


def visible(markup):
    t = re.sub(r'(?is)<(script|style)\b.*?</\1>', '', markup)
    t = re.sub(r'<[^>]+>', '', t)
    return H.unescape(t)


def load(base, doc, html_charset=None):
    """(raw text, [visible texts]) of a document; HTML decoded strictly in ``html_charset``,
    or in the charset its <meta> declares."""
    for fn in sorted(os.listdir(base)):
        if os.path.splitext(fn)[0] == doc:
            raw = open(os.path.join(base, fn), 'rb').read()
            if fn.endswith('.jsonl'):
                raw_t = raw.decode('utf-8')
                recs = [json.loads(l) for l in raw_t.splitlines() if l.strip()]
                return raw_t, [visible(r['html']) if r.get('html') else r['text'] for r in recs]
            if fn.endswith('.html'):
                cs = html_charset
                if cs is None:
                    cs = re.search(rb'charset=["\']?([A-Za-z0-9_-]+)', raw[:2048]).group(1).decode('ascii')
                raw_t = raw.decode(cs)
                return raw_t, [visible(raw_t)]
            raw_t = raw.decode('utf-8')
            return raw_t, [raw_t]
    raise SystemExit('no file for ' + doc)


def arabic_value(s, kind):
    """Independent reading of a surface written with Arabic digits; None if not applicable."""
    t = s.translate(FW)
    for q in ('近', '约', '超过', '超', '逾'):
        if t.startswith(q):
            t = t[len(q):]
    mm = re.match(r'^(\d[\d,]*(?:\.\d+)?)(.*)$', t)
    if not mm:
        return None
    v = float(mm.group(1).replace(',', ''))
    rest = mm.group(2)
    if rest[:1] in ('余', '多') and rest[1:2] in ('万', '亿'):   # 2400余万元
        rest = rest[1:]
    if rest.startswith('万'):
        v *= 1e4; rest = rest[1:]
    elif rest.startswith('亿'):
        v *= 1e8; rest = rest[1:]
    if rest.startswith('亩'):
        v *= MU
    return v


CN_DIGIT = {'零': 0, '〇': 0, '一': 1, '二': 2, '两': 2, '三': 3, '四': 4, '五': 5,
            '六': 6, '七': 7, '八': 8, '九': 9}
CN_UNIT = {'十': 10, '百': 100, '千': 1000}


def cn_int(s):
    """'两万三千四百' -> 23400, '一百一十二' -> 112, '十一' -> 11."""
    total, section, digit = 0, 0, None
    for ch in s:
        if ch in CN_DIGIT:
            digit = CN_DIGIT[ch]
        elif ch in CN_UNIT:
            section += (1 if digit is None else digit) * CN_UNIT[ch]
            digit = None
        elif ch in ('万', '亿'):
            section += digit or 0
            total += section * (10000 if ch == '万' else 100000000)
            section, digit = 0, None
        else:
            raise ValueError(s)
    return total + section + (digit or 0)


def _cn_decimal(v, frac):
    return float('%d.%s' % (v, ''.join(str(CN_DIGIT[ch]) for ch in frac)))


def chinese_value(s, kind):
    """Independent reading of a surface written in Chinese numerals; None if the surface
    holds Arabic digits or no Chinese numeral."""
    if re.search(r'[0-9０-９]', s):
        return None
    t = s
    for q in ('近', '约', '超过', '超', '逾', '不足'):
        if t.startswith(q):
            t = t[len(q):]
    mm = re.match(r'^百分之([零〇一二两三四五六七八九十百]+)(?:点([零〇一二三四五六七八九]+))?', t)
    if mm:
        v = cn_int(mm.group(1))
        return _cn_decimal(v, mm.group(2)) if mm.group(2) else float(v)
    mm = re.match(r'^([零〇一二两三四五六七八九十百千万亿]+)(?:点([零〇一二三四五六七八九]+))?(.*)$', t)
    if not mm:
        return None
    num = mm.group(1)
    mult = 1
    while num and num[-1] in '万亿' and not mm.group(2):
        mult *= 10000 if num[-1] == '万' else 100000000
        num = num[:-1]
    v = float(cn_int(num)) if num else 1.0
    if mm.group(2):
        v = _cn_decimal(v, mm.group(2))
    rest = mm.group(3)
    if rest.startswith('余') or rest.startswith('多'):
        rest = rest[1:]
    if rest.startswith('万'):
        mult *= 10000
    elif rest.startswith('亿'):
        mult *= 100000000
    if rest.startswith('成'):
        mult *= 10
    return v * mult


def _glued_ok(t, i):
    """A '点' before the match is a decimal point only after a numeral (教学点23个 is fine)."""
    return t[i - 1] == '点' and (i < 2 or t[i - 2] not in NUMCH)


def _value_ok(f, reader):
    v = reader(f['surface'], f['kind'])
    return v is None or abs(v - f['value']) <= 1e-6 * max(1, abs(f['value']))


def _check_doc(d, raw, texts, metrics, measures, lengths=None):
    ok = True
    for j in d['junk']:
        if j not in raw:
            print('JUNK NOT IN RAW', d['doc'], j); ok = False
    assert set(d) == {"doc", "title", "published", "as_of_year", "region", "junk", "measures", "figures"}
    assert re.fullmatch(r'\d{6}', d['region']['code']), d['doc']
    for ms in d['measures']:
        if measures and ms not in measures:
            print('UNKNOWN MEASURE', d['doc'], ms); ok = False
    for f in d['figures']:
        if f['kind'] not in KINDS or f['qualifier'] not in QUALS or f['modality'] not in MODS:
            print('BAD FIELD', d['doc'], f); ok = False
        if f['metric'] is not None and metrics and f['metric'] not in metrics:
            print('UNKNOWN METRIC', d['doc'], f['metric']); ok = False
        if not _value_ok(f, arabic_value):
            print('VALUE?', d['doc'], f['surface'], f['value'], arabic_value(f['surface'], f['kind'])); ok = False
        if not _value_ok(f, chinese_value):
            print('CN VALUE?', d['doc'], f['surface'], f['value'], chinese_value(f['surface'], f['kind'])); ok = False
        if f['year'] is not None and not (len(f['year']) == 2 and f['year'][0] <= f['year'][1]):
            print('BAD YEAR', d['doc'], f); ok = False
    for t in texts:
        if d['title'] not in t:
            print('TITLE NOT IN TEXT', d['doc']); ok = False
        if lengths and not lengths[0] <= len(t) <= lengths[1]:
            print('LENGTH', d['doc'], len(t)); ok = False
        pos = 0
        for f in d['figures']:
            s = f['surface']
            i = t.find(s, pos)
            while i > 0 and s[0] in NUMCH and t[i - 1] in NUMCH and not _glued_ok(t, i):
                i = t.find(s, i + 1)
            if i < 0:
                print('NOT IN ORDER', d['doc'], s); ok = False; break
            end = i + len(s)
            if s[-1] in NUMCH and end < len(t) and t[end] in NUMCH:
                print('TRUNCATED NUMBER', d['doc'], s, repr(t[i:end + 3])); ok = False
            pos = end
    return ok


def check_and_write(docs, base, out, html_charset=None, lengths=None, every_file=False):
    """Run every check over ``docs`` (documents in ``base``); write ``out`` only if all pass.

    Each gold surface occurs in its document's visible text, in order, and is not part of a
    longer number; each junk string is in the raw file; each title is in the text; Arabic-
    and Chinese-numeral surfaces agree with an independent reading of their value; years
    are [start, end]; metric and measure ids are in vocabulary.md.
    ``lengths``: (min, max) characters of each text; ``every_file``: each file in ``base``
    has gold (a set whose folder holds one writer's documents only)."""
    metrics, measures = vocabulary()
    ok = True
    if every_file:
        files = {os.path.splitext(fn)[0] for fn in os.listdir(base)}
        if files != {d['doc'] for d in docs}:
            print('DOCS AND GOLD DIFFER', sorted(files ^ {d['doc'] for d in docs})); ok = False
    for d in docs:
        raw, texts = load(base, d['doc'], html_charset)
        ok = _check_doc(d, raw, texts, metrics, measures, lengths) and ok
    print('ok' if ok else 'FAIL', sum(len(d['figures']) for d in docs), 'figures', len(docs), 'docs',
          {d['doc'][:3]: len(d['figures']) for d in docs})
    if not ok:
        sys.exit(1)
    with open(out, 'w', encoding='utf-8') as fh:
        for d in docs:
            fh.write(json.dumps(d, ensure_ascii=False) + '\n')
