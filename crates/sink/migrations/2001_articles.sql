-- Every article the workers sent, originals and duplicates alike. Portable between PostgreSQL
-- and SQLite. A duplicate keeps a reference to its original (`duplicate_of`), never dropped.
CREATE TABLE IF NOT EXISTS articles (
    url              TEXT PRIMARY KEY,
    canonical_url    TEXT NOT NULL,
    title            TEXT NOT NULL,
    authors          TEXT NOT NULL,
    published_at     TEXT,
    language         TEXT,
    body             TEXT NOT NULL,
    text_hash        TEXT NOT NULL,
    html_len         BIGINT NOT NULL,
    fetched_ms       BIGINT NOT NULL,
    source_host      TEXT NOT NULL,
    duplicate_of     TEXT,
    duplicate_reason TEXT,
    stored_ms        BIGINT NOT NULL
);
-- At most one original per canonical URL and per normalised text: concurrent sinks cannot both
-- store the same article as an original.
CREATE UNIQUE INDEX IF NOT EXISTS articles_original_canonical ON articles (canonical_url) WHERE duplicate_of IS NULL;
CREATE UNIQUE INDEX IF NOT EXISTS articles_original_text ON articles (text_hash) WHERE duplicate_of IS NULL;
