-- What else the page says about its story: update time, summary, top image, publication, section
-- and tags (a JSON array). Portable between PostgreSQL and SQLite.
ALTER TABLE articles ADD COLUMN modified_at TEXT;
ALTER TABLE articles ADD COLUMN description TEXT;
ALTER TABLE articles ADD COLUMN image_url TEXT;
ALTER TABLE articles ADD COLUMN site_name TEXT;
ALTER TABLE articles ADD COLUMN section TEXT;
ALTER TABLE articles ADD COLUMN tags TEXT NOT NULL DEFAULT '[]';
