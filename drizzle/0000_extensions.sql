-- Trigram indexes for fuzzy directory search. PGlite needs the extension passed to its constructor as well.
CREATE EXTENSION IF NOT EXISTS pg_trgm;
