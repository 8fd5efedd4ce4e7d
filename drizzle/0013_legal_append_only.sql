-- Published versions and signatures are evidence: the database refuses to change or remove them.
CREATE OR REPLACE FUNCTION legal_record_refuse_change() RETURNS trigger AS $$
BEGIN
  RAISE EXCEPTION '% is append-only: % is not allowed', TG_TABLE_NAME, TG_OP
    USING ERRCODE = 'insufficient_privilege';
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
CREATE TRIGGER legal_publications_no_update_delete
  BEFORE UPDATE OR DELETE ON legal_publications
  FOR EACH ROW EXECUTE FUNCTION legal_record_refuse_change();
--> statement-breakpoint
CREATE TRIGGER legal_publications_no_truncate
  BEFORE TRUNCATE ON legal_publications
  FOR EACH STATEMENT EXECUTE FUNCTION legal_record_refuse_change();
--> statement-breakpoint
CREATE TRIGGER legal_signatures_no_update_delete
  BEFORE UPDATE OR DELETE ON legal_signatures
  FOR EACH ROW EXECUTE FUNCTION legal_record_refuse_change();
--> statement-breakpoint
CREATE TRIGGER legal_signatures_no_truncate
  BEFORE TRUNCATE ON legal_signatures
  FOR EACH STATEMENT EXECUTE FUNCTION legal_record_refuse_change();
