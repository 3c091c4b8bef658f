-- figures_full: every figure with its document, region and period joined.
-- The figure's region is its own (set when a sentence names a sub-region),
-- else its document's. city_code / province_code follow the 6-digit division
-- code (GB/T 2260): the first 4 / 2 digits, padded with zeros; names come from
-- `regions` when it knows the code.
CREATE OR REPLACE VIEW figures_full AS
WITH f AS (
    SELECT fig.*,
           coalesce(fig.region_code, d.region_code) AS eff_region_code
    FROM figures fig
    LEFT JOIN documents d ON d.doc_id = fig.doc_id
)
SELECT
    f.figure_id, f.doc_id, f.start, f."end", f.surface, f.kind, f.value, f.value_max, f.unit,
    f.qualifier, f.relation, f.metric, f.year_start, f.year_end,
    CASE
        WHEN f.year_start IS NULL AND f.year_end IS NULL THEN NULL
        WHEN f.year_start = f.year_end OR f.year_start IS NULL THEN CAST(f.year_end AS VARCHAR)
        WHEN f.year_end IS NULL THEN CAST(f.year_start AS VARCHAR)
        ELSE CAST(f.year_start AS VARCHAR) || '-' || CAST(f.year_end AS VARCHAR)
    END AS period,
    f.modality, f.sentence, f.sent_start, f.sent_end, f.rule, f.metric_rule, f.rules_version,
    d.title, d.published, d.source_name, d.source_path, d.as_of_year, d.duplicate_of,
    d.region_code AS doc_region_code, d.region_name AS doc_region_name,
    d.region_level AS doc_region_level,
    f.eff_region_code AS region_code,
    coalesce(r.name, CASE WHEN f.eff_region_code = d.region_code THEN d.region_name END) AS region_name,
    coalesce(r.level, CASE WHEN f.eff_region_code = d.region_code THEN d.region_level END) AS region_level,
    CASE WHEN length(f.eff_region_code) = 6 AND substr(f.eff_region_code, 5, 2) <> '00'
              OR length(f.eff_region_code) = 6 AND substr(f.eff_region_code, 3, 2) <> '00'
         THEN substr(f.eff_region_code, 1, 4) || '00' END AS city_code,
    coalesce(rc.name, r.city) AS city_name,
    CASE WHEN length(f.eff_region_code) = 6 AND f.eff_region_code <> '000000'
         THEN substr(f.eff_region_code, 1, 2) || '0000' END AS province_code,
    coalesce(rp.name, r.province) AS province_name
FROM f
LEFT JOIN documents d ON d.doc_id = f.doc_id
LEFT JOIN regions r ON r.code = f.eff_region_code
LEFT JOIN regions rc ON rc.code = substr(f.eff_region_code, 1, 4) || '00'
LEFT JOIN regions rp ON rp.code = substr(f.eff_region_code, 1, 2) || '0000';
