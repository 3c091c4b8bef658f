-- edumine warehouse, schema version 2: the latest value of every cell, kept by the writer.
-- latest_cells holds one row per cell (region, metric, kind, period) of the view
-- latest_values, computed by the macro latest_cells_of (warehouse/views/latest_values.sql)
-- from the figures of non-duplicate documents. The writer (pipeline/store.py) recomputes
-- the cells a batch touches in the batch's own transaction; latest_dirty holds those
-- cells' keys during that transaction only. Names of regions are not stored: the view
-- joins `regions`, so reloading the gazetteer needs no recomputation.
-- The table starts empty and marked for a rebuild (meta latest_cells = 'rebuild'):
-- pipeline/migrate.py fills it from the existing figures once the views exist.

CREATE TABLE IF NOT EXISTS latest_cells (
    region_code      VARCHAR NOT NULL,
    metric           VARCHAR NOT NULL,
    kind             VARCHAR NOT NULL,
    year_start       INTEGER NOT NULL,
    year_end         INTEGER NOT NULL,
    doc_region_name  VARCHAR,   -- the documents' name for region_code when `regions` lacks it
    doc_region_level VARCHAR,
    value            DOUBLE NOT NULL,
    unit             VARCHAR,
    latest_figure_id VARCHAR NOT NULL,
    latest_doc_id    VARCHAR NOT NULL,
    latest_published DATE,
    docs_agree       BIGINT NOT NULL,
    docs_disagree    BIGINT NOT NULL,
    figure_ids       VARCHAR[],             -- NULL only when the latest value is NaN
    other_values     DOUBLE[] NOT NULL,
    other_figure_ids VARCHAR[] NOT NULL
);

CREATE TABLE IF NOT EXISTS latest_dirty (
    region_code VARCHAR,
    metric      VARCHAR,
    kind        VARCHAR,
    year_start  INTEGER,
    year_end    INTEGER
);

INSERT OR REPLACE INTO meta (key, value) VALUES ('latest_cells', 'rebuild');
