-- Directory search: one document per partner (name, stacks, tagline, description) for
-- full-text search, and trigrams on the name for prefix and typo-tolerant matching.
-- The 'simple' configuration (no stemming, no stop words) gives the same tokens on every
-- PostgreSQL build, PGlite included. array_to_string is only STABLE, but over a text[] its
-- result never changes, so the wrapper may be declared IMMUTABLE and indexed.
CREATE OR REPLACE FUNCTION directory_document(name text, tagline text, description text, stacks text[])
RETURNS tsvector
LANGUAGE sql IMMUTABLE PARALLEL SAFE
AS $$
  SELECT setweight(to_tsvector('simple'::regconfig, coalesce(name, '')), 'A')
      || setweight(to_tsvector('simple'::regconfig,
           replace(replace(coalesce(array_to_string(stacks, ' '), ''), 'workers', 'workers cloudflare'), 'custom', 'custom headless')
           || ' ' || coalesce(tagline, '')), 'B')
      || setweight(to_tsvector('simple'::regconfig, coalesce(description, '')), 'C')
$$;
--> statement-breakpoint
-- Stored, so index rechecks and ranking read the document instead of rebuilding it per row.
ALTER TABLE partners ADD COLUMN IF NOT EXISTS search_document tsvector
  GENERATED ALWAYS AS (directory_document(name, tagline, description, stacks)) STORED;
--> statement-breakpoint
CREATE INDEX IF NOT EXISTS partners_search_idx ON partners USING gin (search_document);
--> statement-breakpoint
CREATE INDEX IF NOT EXISTS partners_name_trgm_idx ON partners USING gin (lower(name) gin_trgm_ops);
--> statement-breakpoint
CREATE INDEX IF NOT EXISTS partners_regions_idx ON partners USING gin (regions);
--> statement-breakpoint
CREATE INDEX IF NOT EXISTS partners_stacks_idx ON partners USING gin (stacks);
--> statement-breakpoint
CREATE INDEX IF NOT EXISTS partners_languages_idx ON partners USING gin (languages);
