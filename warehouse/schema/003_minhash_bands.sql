-- LSH band keys of each original (non-duplicate) document's MinHash signature
-- (pipeline/dedup.py: BANDS keys per document, signed 64-bit). The near-duplicate
-- index lives here, on disk, instead of in the writer's memory; ingest looks up a
-- whole batch's keys in one join. Rows are filled from sources.minhash by
-- pipeline.migrate.migrate_signatures when the signature scheme changes.
CREATE TABLE IF NOT EXISTS minhash_bands (
    band_key BIGINT  NOT NULL,
    doc_id   VARCHAR NOT NULL
);
