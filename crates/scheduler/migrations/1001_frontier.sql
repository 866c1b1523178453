-- The frontier: every URL the crawl has admitted or turned away, with its state.
-- Portable between PostgreSQL and SQLite (BIGINT has integer affinity in SQLite).
CREATE TABLE IF NOT EXISTS frontier_urls (
    url              TEXT PRIMARY KEY,
    host_key         TEXT NOT NULL,
    depth            BIGINT NOT NULL,
    redirects        BIGINT NOT NULL DEFAULT 0,
    state            TEXT NOT NULL,
    attempts         BIGINT NOT NULL DEFAULT 0,
    lease_id         BIGINT,
    lease_expires_ms BIGINT,
    reason           TEXT,
    discovered_ms    BIGINT NOT NULL,
    updated_ms       BIGINT NOT NULL
);
CREATE INDEX IF NOT EXISTS frontier_urls_state ON frontier_urls (state);

-- Sites in scope (one per seed).
CREATE TABLE IF NOT EXISTS frontier_sites (
    site TEXT PRIMARY KEY
);

-- robots.txt per origin.
CREATE TABLE IF NOT EXISTS frontier_robots (
    origin     TEXT PRIMARY KEY,
    host_key   TEXT NOT NULL,
    status     BIGINT NOT NULL,
    body       TEXT NOT NULL,
    fetched_ms BIGINT NOT NULL,
    failures   BIGINT NOT NULL DEFAULT 0
);
