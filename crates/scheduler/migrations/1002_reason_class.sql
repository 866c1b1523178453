-- The class of a URL's reason (`too_large`, `http_404`, `calendar`, ...), for status counts.
ALTER TABLE frontier_urls ADD COLUMN reason_class TEXT;
CREATE INDEX IF NOT EXISTS frontier_urls_state_class ON frontier_urls (state, reason_class);
