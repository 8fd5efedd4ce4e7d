-- The payout ledger is append-only: the database refuses to change or remove an
-- entry, or the lines that tie entries to payouts. A mistake is corrected by a
-- reversal (a new entry referencing the original).
CREATE OR REPLACE FUNCTION ledger_refuse_change() RETURNS trigger AS $$
BEGIN
  RAISE EXCEPTION '% is append-only: % is not allowed', TG_TABLE_NAME, TG_OP
    USING ERRCODE = 'insufficient_privilege';
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
CREATE TRIGGER ledger_entries_no_update_delete
  BEFORE UPDATE OR DELETE ON ledger_entries
  FOR EACH ROW EXECUTE FUNCTION ledger_refuse_change();
--> statement-breakpoint
CREATE TRIGGER ledger_entries_no_truncate
  BEFORE TRUNCATE ON ledger_entries
  FOR EACH STATEMENT EXECUTE FUNCTION ledger_refuse_change();
--> statement-breakpoint
CREATE TRIGGER payout_lines_no_update_delete
  BEFORE UPDATE OR DELETE ON payout_lines
  FOR EACH ROW EXECUTE FUNCTION ledger_refuse_change();
--> statement-breakpoint
CREATE TRIGGER payout_lines_no_truncate
  BEFORE TRUNCATE ON payout_lines
  FOR EACH STATEMENT EXECUTE FUNCTION ledger_refuse_change();
--> statement-breakpoint
-- A reversal cancels exactly its original: same partner, kind and currency, opposite amount.
CREATE OR REPLACE FUNCTION ledger_check_reversal() RETURNS trigger AS $$
DECLARE
  original ledger_entries%ROWTYPE;
BEGIN
  IF NEW.reverses_entry_id IS NULL THEN
    RETURN NEW;
  END IF;
  SELECT * INTO original FROM ledger_entries WHERE id = NEW.reverses_entry_id;
  IF NOT FOUND THEN
    RAISE EXCEPTION 'ledger entry % reverses unknown entry %', NEW.id, NEW.reverses_entry_id USING ERRCODE = 'foreign_key_violation';
  END IF;
  IF original.reverses_entry_id IS NOT NULL OR original.kind = 'payout'
     OR original.partner_id <> NEW.partner_id OR original.kind <> NEW.kind
     OR original.currency <> NEW.currency OR original.amount_cents <> -NEW.amount_cents THEN
    RAISE EXCEPTION 'ledger entry % is not an exact reversal of %', NEW.id, NEW.reverses_entry_id USING ERRCODE = 'check_violation';
  END IF;
  RETURN NEW;
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
CREATE TRIGGER ledger_entries_reversal_check
  BEFORE INSERT ON ledger_entries
  FOR EACH ROW EXECUTE FUNCTION ledger_check_reversal();
--> statement-breakpoint
-- At commit, a payout's lines sum to its total, its line count matches, and its
-- ledger entry takes exactly that total off the balance.
CREATE OR REPLACE FUNCTION payouts_check_balanced() RETURNS trigger AS $$
DECLARE
  pid text;
  p payouts%ROWTYPE;
  line_sum bigint;
  line_n integer;
  entry_sum bigint;
BEGIN
  IF TG_TABLE_NAME = 'payouts' THEN
    pid := NEW.id;
  ELSE
    pid := NEW.payout_id;
  END IF;
  SELECT * INTO p FROM payouts WHERE id = pid;
  IF NOT FOUND THEN
    RETURN NULL;
  END IF;
  SELECT coalesce(sum(amount_cents), 0), count(*) INTO line_sum, line_n FROM payout_lines WHERE payout_id = pid;
  SELECT coalesce(sum(amount_cents), 0) INTO entry_sum FROM ledger_entries WHERE payout_id = pid AND kind = 'payout';
  IF line_sum <> p.total_cents OR line_n <> p.line_count OR entry_sum <> -p.total_cents THEN
    RAISE EXCEPTION 'payout % does not balance: total %, lines % (% of %), ledger %', pid, p.total_cents, line_sum, line_n, p.line_count, entry_sum
      USING ERRCODE = 'check_violation';
  END IF;
  RETURN NULL;
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
CREATE CONSTRAINT TRIGGER payouts_balanced
  AFTER INSERT OR UPDATE OF total_cents, line_count ON payouts
  DEFERRABLE INITIALLY DEFERRED
  FOR EACH ROW EXECUTE FUNCTION payouts_check_balanced();
--> statement-breakpoint
CREATE CONSTRAINT TRIGGER payout_lines_balanced
  AFTER INSERT ON payout_lines
  DEFERRABLE INITIALLY DEFERRED
  FOR EACH ROW EXECUTE FUNCTION payouts_check_balanced();
