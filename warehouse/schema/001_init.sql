-- edumine warehouse, schema version 1.
-- Column names of documents/figures/measures/regions follow ../shared/spec/CONTRACT.md;
-- extra columns are ours. Offsets ("start", "end") index documents.text.

CREATE TABLE IF NOT EXISTS meta (
    key   VARCHAR PRIMARY KEY,
    value VARCHAR
);

CREATE TABLE IF NOT EXISTS documents (
    doc_id            VARCHAR PRIMARY KEY,   -- hash of normalized text and source
    source_path       VARCHAR NOT NULL,      -- path or URL as given to ingest
    title             VARCHAR,
    published         DATE,
    source_name       VARCHAR,
    as_of_year        INTEGER,
    region_code       VARCHAR,
    region_name       VARCHAR,
    region_level      VARCHAR,
    region_confidence DOUBLE,
    region_evidence   VARCHAR,
    text              VARCHAR NOT NULL,
    duplicate_of      VARCHAR,
    text_sha1         VARCHAR NOT NULL,      -- hash of text alone (exact copies)
    url               VARCHAR,
    fetched_at        VARCHAR,
    encoding          VARCHAR,
    format            VARCHAR,
    traditional       BOOLEAN,
    censored          INTEGER,
    rules_version     VARCHAR,
    ingested_at       TIMESTAMP DEFAULT current_timestamp
);

-- the source as read (compressed: zstd, zlib in warehouses before zstd; read it
-- with pipeline.process.unpack_raw), so cleaning can be rerun; and the
-- MinHash signature used to find near-duplicates
CREATE TABLE IF NOT EXISTS sources (
    doc_id      VARCHAR PRIMARY KEY,
    raw_sha256  VARCHAR NOT NULL,
    raw         BLOB,
    minhash     BLOB
);

CREATE TABLE IF NOT EXISTS figures (
    figure_id     VARCHAR PRIMARY KEY,
    doc_id        VARCHAR NOT NULL,
    start         INTEGER NOT NULL,
    "end"         INTEGER NOT NULL,
    surface       VARCHAR NOT NULL,
    kind          VARCHAR NOT NULL,
    value         DOUBLE,
    value_max     DOUBLE,
    unit          VARCHAR,
    qualifier     VARCHAR,
    relation      VARCHAR,
    metric        VARCHAR,
    year_start    INTEGER,
    year_end      INTEGER,
    modality      VARCHAR,
    region_code   VARCHAR,
    sentence      VARCHAR,
    sent_start    INTEGER,
    sent_end      INTEGER,
    rule          VARCHAR,
    metric_rule   VARCHAR,
    rules_version VARCHAR
);

CREATE TABLE IF NOT EXISTS measures (
    measure_id    VARCHAR PRIMARY KEY,
    doc_id        VARCHAR NOT NULL,
    measure       VARCHAR NOT NULL,
    start         INTEGER NOT NULL,
    "end"         INTEGER NOT NULL,
    evidence      VARCHAR,
    cue           VARCHAR,
    cue_start     INTEGER,
    cue_end       INTEGER,
    rule          VARCHAR,
    rules_version VARCHAR
);

CREATE TABLE IF NOT EXISTS entities (
    entity_id     VARCHAR PRIMARY KEY,
    doc_id        VARCHAR NOT NULL,
    label         VARCHAR NOT NULL,
    text          VARCHAR NOT NULL,
    start         INTEGER NOT NULL,
    "end"         INTEGER NOT NULL,
    norm          VARCHAR,
    region_code   VARCHAR,
    rule          VARCHAR,
    rules_version VARCHAR
);

CREATE TABLE IF NOT EXISTS regions (
    code        VARCHAR PRIMARY KEY,
    name        VARCHAR NOT NULL,
    level       VARCHAR NOT NULL,   -- province | city | county
    parent_code VARCHAR,
    province    VARCHAR,
    city        VARCHAR,
    short_name  VARCHAR
);

-- inputs seen, by content hash: a re-ingest of the same bytes is skipped early
CREATE TABLE IF NOT EXISTS inputs (
    source_path VARCHAR NOT NULL,
    raw_sha256  VARCHAR NOT NULL,
    doc_id      VARCHAR,
    status      VARCHAR NOT NULL,  -- new | updated | duplicate | rejected
    seen_at     TIMESTAMP DEFAULT current_timestamp,
    PRIMARY KEY (source_path, raw_sha256)
);

CREATE TABLE IF NOT EXISTS rejects (
    source_path VARCHAR NOT NULL,
    reason      VARCHAR NOT NULL,
    detail      VARCHAR,
    stage       VARCHAR,
    rejected_at TIMESTAMP DEFAULT current_timestamp
);
