-- Directory placement in one narrow table, so a page can be read in placement order
-- instead of sorting every match: per listing its tier, until when it is on probation,
-- its ranking score (0 until ranked) and its name. Triggers keep it in step with partners
-- and partner_rankings in the same transaction, so the order stays live (a tier change or
-- a new listing shows at once, not at the next ranking run). Like search_document, it is
-- not part of the Drizzle schema: only lib/directory reads it.
CREATE TABLE IF NOT EXISTS "directory_placement" (
	"partner_id" text PRIMARY KEY NOT NULL REFERENCES "partners"("id") ON DELETE cascade,
	"tier" text NOT NULL,
	-- On probation while now < probation_until ('infinity' without an end date); null: not on probation.
	"probation_until" timestamp with time zone,
	"score" double precision DEFAULT 0 NOT NULL,
	"name" text NOT NULL
);
--> statement-breakpoint
INSERT INTO directory_placement (partner_id, tier, probation_until, score, name)
SELECT p.id, p.tier, CASE WHEN p.status = 'probation' THEN coalesce(p.probation_ends_at, 'infinity') END, coalesce(r.score, 0), p.name
FROM partners p LEFT JOIN partner_rankings r ON r.partner_id = p.id
ON CONFLICT (partner_id) DO NOTHING;
--> statement-breakpoint
-- Placement within a tier: score (high first), name and id by code point.
CREATE INDEX IF NOT EXISTS "directory_placement_order_idx" ON "directory_placement" ("tier", "score" DESC, "name" COLLATE "C", "partner_id" COLLATE "C");
--> statement-breakpoint
CREATE OR REPLACE FUNCTION directory_placement_from_partners() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO directory_placement (partner_id, tier, probation_until, score, name)
  SELECT n.id, n.tier, CASE WHEN n.status = 'probation' THEN coalesce(n.probation_ends_at, 'infinity') END, coalesce(r.score, 0), n.name
  FROM new_rows n LEFT JOIN partner_rankings r ON r.partner_id = n.id
  ON CONFLICT (partner_id) DO UPDATE
    SET tier = excluded.tier, probation_until = excluded.probation_until, name = excluded.name
    WHERE (directory_placement.tier, directory_placement.probation_until, directory_placement.name)
          IS DISTINCT FROM (excluded.tier, excluded.probation_until, excluded.name);
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER partners_directory_placement_insert
  AFTER INSERT ON partners REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION directory_placement_from_partners();
--> statement-breakpoint
CREATE TRIGGER partners_directory_placement_update
  AFTER UPDATE ON partners REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION directory_placement_from_partners();
--> statement-breakpoint
CREATE OR REPLACE FUNCTION directory_placement_scores() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' THEN
    UPDATE directory_placement dp SET score = 0
    FROM old_rows o
    WHERE dp.partner_id = o.partner_id AND dp.score <> 0;
  ELSE
    UPDATE directory_placement dp SET score = n.score
    FROM new_rows n
    WHERE dp.partner_id = n.partner_id AND dp.score IS DISTINCT FROM n.score;
  END IF;
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER partner_rankings_directory_placement_insert
  AFTER INSERT ON partner_rankings REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION directory_placement_scores();
--> statement-breakpoint
CREATE TRIGGER partner_rankings_directory_placement_update
  AFTER UPDATE ON partner_rankings REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION directory_placement_scores();
--> statement-breakpoint
CREATE TRIGGER partner_rankings_directory_placement_delete
  AFTER DELETE ON partner_rankings REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION directory_placement_scores();
--> statement-breakpoint
-- Relevance steps read the words found in the name (weight A), and in the name, stacks or
-- tagline (A and B), straight from an index: no per-row ranking over every match.
CREATE INDEX IF NOT EXISTS "partners_search_name_idx" ON partners USING gin (ts_filter(search_document, '{a}'));
--> statement-breakpoint
CREATE INDEX IF NOT EXISTS "partners_search_profile_idx" ON partners USING gin (ts_filter(search_document, '{a,b}'));
