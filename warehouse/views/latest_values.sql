-- latest_values: for each region, metric, kind and period, the actual value
-- reported by the latest document (published, then as_of_year), with how many
-- documents agree with it and how many report something else. Near-duplicate
-- documents (duplicate_of set) are left out so a repost is not a second witness.
-- other_values and other_figure_ids are aligned (same order, one per figure).
-- Values agree when they differ by less than one part in a million. Only levels
-- count: a figure read as the starting point of a change (relation 'from') is
-- left out, and so is a change or multiple (增长/增加/倍) unless the metric itself
-- measures growth (its id ends in _growth).
-- latest_values_for(metrics) is the same table for a list of metric ids (NULL:
-- all); `compare` uses it so that only the wanted metrics' figures are ranked.
CREATE OR REPLACE MACRO latest_values_for(wanted) AS TABLE
WITH c AS (
    SELECT * REPLACE (coalesce(year_start, year_end) AS year_start),
           row_number() OVER (
               PARTITION BY region_code, metric, kind, coalesce(year_start, year_end), year_end
               ORDER BY published DESC NULLS LAST, as_of_year DESC NULLS LAST, doc_id, start
           ) AS rank_in_cell
    FROM figures_full
    WHERE modality = 'actual' AND metric IS NOT NULL AND value IS NOT NULL
      AND (wanted IS NULL OR list_contains(wanted, metric))
      AND year_end IS NOT NULL AND region_code IS NOT NULL AND duplicate_of IS NULL
      AND (relation IS NULL OR relation = 'to'
           OR (relation IN ('change', 'multiple') AND metric LIKE '%\_growth' ESCAPE '\'))
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
           any_value(region_name) AS region_name, any_value(region_level) AS region_level,
           any_value(city_code) AS city_code, any_value(city_name) AS city_name,
           any_value(province_code) AS province_code, any_value(province_name) AS province_name,
           list(figure_id ORDER BY rank_in_cell) FILTER (WHERE agrees) AS figure_ids,
           list(value ORDER BY rank_in_cell) FILTER (WHERE NOT agrees) AS other_values,
           list(figure_id ORDER BY rank_in_cell) FILTER (WHERE NOT agrees) AS other_figure_ids
    FROM judged GROUP BY ALL
)
SELECT l.region_code, l.region_name, l.region_level, l.city_code, l.city_name,
       l.province_code, l.province_name, l.metric, l.kind, l.year_start, l.year_end,
       l.year_end AS year, t.latest_value AS value, t.unit, t.latest_figure_id,
       t.latest_doc_id, t.latest_published, c.docs_agree, c.docs_disagree,
       c.docs_disagree > 0 AS conflict, l.figure_ids,
       coalesce(l.other_values, []) AS other_values,
       coalesce(l.other_figure_ids, []) AS other_figure_ids
FROM lists l
JOIN top t USING (region_code, metric, kind, year_start, year_end)
JOIN counts c USING (region_code, metric, kind, year_start, year_end);

CREATE OR REPLACE VIEW latest_values AS SELECT * FROM latest_values_for(NULL);
