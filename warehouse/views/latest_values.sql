-- latest_values: for each region, metric, kind and period, the actual value
-- reported by the latest document (published, then as_of_year), with how many
-- documents agree with it and how many report something else. Near-duplicate
-- documents (duplicate_of set) are left out so a repost is not a second witness.
-- other_values and other_figure_ids are aligned (same order, one per figure).
-- Values agree when they differ by less than one part in a million. Only levels
-- count: a figure read as the starting point of a change (relation 'from') is
-- left out, and so is a change or multiple (增长/增加/倍) unless the metric itself
-- measures growth (its id ends in _growth).
--
-- The cells are not ranked on each query: the table latest_cells
-- (warehouse/schema/002_latest_cells.sql) holds them, kept by the writer, which
-- recomputes the cells a batch touches with latest_cells_of(NULL, true) in the
-- batch's transaction. latest_cells_of(wanted, false) computes every cell from the
-- figures directly (tests check the table against it). latest_values_for(metrics)
-- is latest_values for a list of metric ids (NULL: all); `compare` uses it.

-- the figures that compete for a cell, with the cell's key and the ranking columns
CREATE OR REPLACE VIEW latest_candidates AS
SELECT f.figure_id, f.doc_id, f.start, f.kind, f.value, f.unit, f.metric,
       coalesce(f.year_start, f.year_end) AS year_start, f.year_end,
       coalesce(f.region_code, d.region_code) AS region_code,
       CASE WHEN coalesce(f.region_code, d.region_code) = d.region_code THEN d.region_name END
           AS doc_region_name,
       CASE WHEN coalesce(f.region_code, d.region_code) = d.region_code THEN d.region_level END
           AS doc_region_level,
       d.published, d.as_of_year
FROM figures f
LEFT JOIN documents d ON d.doc_id = f.doc_id
WHERE f.modality = 'actual' AND f.metric IS NOT NULL AND f.value IS NOT NULL
  AND f.year_end IS NOT NULL AND coalesce(f.region_code, d.region_code) IS NOT NULL
  AND d.duplicate_of IS NULL
  AND (f.relation IS NULL OR f.relation = 'to'
       OR (f.relation IN ('change', 'multiple') AND f.metric LIKE '%\_growth' ESCAPE '\'));

-- rows of latest_cells computed from the figures: every cell of the wanted metrics
-- (NULL: all), or with dirty_only the cells listed in latest_dirty
CREATE OR REPLACE MACRO latest_cells_of(wanted, dirty_only) AS TABLE
WITH src AS (
    SELECT * FROM latest_candidates WHERE NOT dirty_only
    UNION ALL
    SELECT lc.* FROM latest_candidates lc
    SEMI JOIN latest_dirty k USING (region_code, metric, kind, year_start, year_end)
    WHERE dirty_only
),
c AS (
    SELECT *, row_number() OVER (
               PARTITION BY region_code, metric, kind, year_start, year_end
               ORDER BY published DESC NULLS LAST, as_of_year DESC NULLS LAST, doc_id, start
           ) AS rank_in_cell
    FROM src
    WHERE wanted IS NULL OR list_contains(wanted, metric)
),
top AS (
    SELECT region_code, metric, kind, year_start, year_end, value AS latest_value,
           unit, figure_id AS latest_figure_id, doc_id AS latest_doc_id, published AS latest_published
    FROM c WHERE rank_in_cell = 1
),
judged AS (
    SELECT c.*, t.latest_value,
           abs(c.value - t.latest_value) <= 1e-6 * greatest(1.0, abs(t.latest_value)) AS agrees
    FROM c JOIN top t USING (region_code, metric, kind, year_start, year_end)
),
per_doc AS (
    SELECT region_code, metric, kind, year_start, year_end, doc_id, bool_or(agrees) AS doc_agrees
    FROM judged GROUP BY ALL
),
counts AS (
    SELECT region_code, metric, kind, year_start, year_end,
           count(*) FILTER (WHERE doc_agrees) AS docs_agree,
           count(*) FILTER (WHERE NOT doc_agrees) AS docs_disagree
    FROM per_doc GROUP BY ALL
),
lists AS (
    SELECT region_code, metric, kind, year_start, year_end,
           first(doc_region_name ORDER BY rank_in_cell)
               FILTER (WHERE doc_region_name IS NOT NULL) AS doc_region_name,
           first(doc_region_level ORDER BY rank_in_cell)
               FILTER (WHERE doc_region_level IS NOT NULL) AS doc_region_level,
           list(figure_id ORDER BY rank_in_cell) FILTER (WHERE agrees) AS figure_ids,
           list(value ORDER BY rank_in_cell) FILTER (WHERE NOT agrees) AS other_values,
           list(figure_id ORDER BY rank_in_cell) FILTER (WHERE NOT agrees) AS other_figure_ids
    FROM judged GROUP BY ALL
)
SELECT l.region_code, l.metric, l.kind, l.year_start, l.year_end, l.doc_region_name,
       l.doc_region_level, t.latest_value AS value, t.unit, t.latest_figure_id, t.latest_doc_id,
       t.latest_published, c.docs_agree, c.docs_disagree, l.figure_ids,
       coalesce(l.other_values, []) AS other_values,
       coalesce(l.other_figure_ids, []) AS other_figure_ids
FROM lists l
JOIN top t USING (region_code, metric, kind, year_start, year_end)
JOIN counts c USING (region_code, metric, kind, year_start, year_end);

-- latest_values' rows from the kept cells, names from `regions` as in figures_full
CREATE OR REPLACE MACRO latest_values_for(wanted) AS TABLE
SELECT l.region_code,
       coalesce(r.name, l.doc_region_name) AS region_name,
       coalesce(r.level, l.doc_region_level) AS region_level,
       CASE WHEN length(l.region_code) = 6 AND substr(l.region_code, 5, 2) <> '00'
                 OR length(l.region_code) = 6 AND substr(l.region_code, 3, 2) <> '00'
            THEN substr(l.region_code, 1, 4) || '00' END AS city_code,
       coalesce(rc.name, r.city) AS city_name,
       CASE WHEN length(l.region_code) = 6 AND l.region_code <> '000000'
            THEN substr(l.region_code, 1, 2) || '0000' END AS province_code,
       coalesce(rp.name, r.province) AS province_name,
       l.metric, l.kind, l.year_start, l.year_end, l.year_end AS year, l.value, l.unit,
       l.latest_figure_id, l.latest_doc_id, l.latest_published, l.docs_agree, l.docs_disagree,
       l.docs_disagree > 0 AS conflict, l.figure_ids, l.other_values, l.other_figure_ids
FROM latest_cells l
LEFT JOIN regions r ON r.code = l.region_code
LEFT JOIN regions rc ON rc.code = substr(l.region_code, 1, 4) || '00'
LEFT JOIN regions rp ON rp.code = substr(l.region_code, 1, 2) || '0000'
WHERE wanted IS NULL OR list_contains(wanted, l.metric);

CREATE OR REPLACE VIEW latest_values AS SELECT * FROM latest_values_for(NULL);
