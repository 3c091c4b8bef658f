-- measures_by_region: per region (the document's region), which policy measures
-- its documents describe, in how many documents and sentences, and the figures
-- standing in those same sentences (a figure is attached to a measure when its
-- doc_id matches and its sent_start/sent_end equal the measure's start/end), so
-- "how much did counties spend on boarding schools" is one query:
--   SELECT region_name, f.surface, f.metric FROM measures_by_region, unnest(figures) AS t(f)
--   WHERE measure = 'boarding_schools' AND f.kind = 'money';
-- Near-duplicates (duplicate_of set) are left out so a repost is not counted twice.
CREATE OR REPLACE VIEW measures_by_region AS
SELECT
    d.region_code,
    d.region_name,
    any_value(d.region_level) AS region_level,
    m.measure,
    count(DISTINCT m.doc_id) AS documents,
    count(DISTINCT m.doc_id || ':' || CAST(m.start AS VARCHAR)) AS sentences,
    count(f.figure_id) AS figure_count,
    coalesce(
        list({'figure_id': f.figure_id, 'surface': f.surface, 'metric': f.metric,
              'kind': f.kind, 'value': f.value, 'year_start': f.year_start,
              'year_end': f.year_end, 'doc_id': f.doc_id}
             ORDER BY f.doc_id, f.start) FILTER (WHERE f.figure_id IS NOT NULL),
        []) AS figures
FROM measures m
JOIN documents d ON d.doc_id = m.doc_id
LEFT JOIN figures f
    ON f.doc_id = m.doc_id AND f.sent_start = m.start AND f.sent_end = m."end"
WHERE d.duplicate_of IS NULL
GROUP BY d.region_code, d.region_name, m.measure;
