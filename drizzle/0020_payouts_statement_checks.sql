-- The ledger's insert checks cost per row only where there is something to check.
-- A reversal is still checked row by row (same function, same errors), but the
-- trigger no longer fires for the entries that reverse nothing (nearly all of them).
DROP TRIGGER IF EXISTS ledger_entries_reversal_check ON ledger_entries;
--> statement-breakpoint
CREATE TRIGGER ledger_entries_reversal_check
  BEFORE INSERT ON ledger_entries
  FOR EACH ROW
  WHEN (NEW.reverses_entry_id IS NOT NULL)
  EXECUTE FUNCTION ledger_check_reversal();
--> statement-breakpoint
-- A closed payout (its ledger entry exists) still refuses new lines, with the same
-- error, but the check runs once per statement over the inserted lines' distinct
-- payouts (one indexed probe each) instead of once per line.
DROP TRIGGER IF EXISTS payout_lines_open_payout ON payout_lines;
--> statement-breakpoint
DROP FUNCTION IF EXISTS payout_lines_refuse_closed();
--> statement-breakpoint
CREATE FUNCTION payout_lines_refuse_closed() RETURNS trigger AS $$
DECLARE
  closed text;
BEGIN
  SELECT l.payout_id INTO closed
    FROM (SELECT DISTINCT payout_id FROM inserted_lines) l
    CROSS JOIN LATERAL (SELECT 1 FROM ledger_entries e WHERE e.payout_id = l.payout_id LIMIT 1) entry
   LIMIT 1;
  IF closed IS NOT NULL THEN
    RAISE EXCEPTION 'payout % is closed: lines cannot be added', closed USING ERRCODE = 'check_violation';
  END IF;
  RETURN NULL;
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
CREATE TRIGGER payout_lines_open_payout
  AFTER INSERT ON payout_lines
  REFERENCING NEW TABLE AS inserted_lines
  FOR EACH STATEMENT EXECUTE FUNCTION payout_lines_refuse_closed();
