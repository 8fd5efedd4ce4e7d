-- The balance check runs once per payout at commit instead of once per line:
-- the per-line constraint trigger summed every line of the payout for each line
-- inserted. A payout is closed once its ledger entry exists, so lines cannot be
-- added after the check (they are refused by a cheap indexed lookup instead).
DROP TRIGGER IF EXISTS payout_lines_balanced ON payout_lines;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION payouts_check_balanced() RETURNS trigger AS $$
DECLARE
  line_sum bigint;
  line_n integer;
  entry_sum bigint;
BEGIN
  SELECT coalesce(sum(amount_cents), 0), count(*) INTO line_sum, line_n FROM payout_lines WHERE payout_id = NEW.id;
  SELECT coalesce(sum(amount_cents), 0) INTO entry_sum FROM ledger_entries WHERE payout_id = NEW.id AND kind = 'payout';
  IF line_sum <> NEW.total_cents OR line_n <> NEW.line_count OR entry_sum <> -NEW.total_cents THEN
    RAISE EXCEPTION 'payout % does not balance: total %, lines % (% of %), ledger %', NEW.id, NEW.total_cents, line_sum, line_n, NEW.line_count, entry_sum
      USING ERRCODE = 'check_violation';
  END IF;
  RETURN NULL;
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION payout_lines_refuse_closed() RETURNS trigger AS $$
BEGIN
  IF EXISTS (SELECT 1 FROM ledger_entries WHERE payout_id = NEW.payout_id) THEN
    RAISE EXCEPTION 'payout % is closed: lines cannot be added', NEW.payout_id USING ERRCODE = 'check_violation';
  END IF;
  RETURN NEW;
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
CREATE TRIGGER payout_lines_open_payout
  BEFORE INSERT ON payout_lines
  FOR EACH ROW EXECUTE FUNCTION payout_lines_refuse_closed();
