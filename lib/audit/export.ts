import "server-only";
import { assertAdmin, type Principal } from "@/lib/auth/permissions";
import { csvStream } from "@/lib/csv/csv";
import { iterateAuditEvents, type AuditQuery } from "./store";

export const AUDIT_CSV_COLUMNS = ["id", "at", "actor_type", "actor_id", "actor", "action", "object_type", "object_id", "partner_id", "before", "after"];

/** The filtered audit log as a CSV stream (admins only). */
export function exportAuditCsv(principal: Principal | null, q: Omit<AuditQuery, "page" | "pageSize">): ReadableStream<Uint8Array> {
  assertAdmin(principal, "audit:read");
  async function* rows() {
    for await (const e of iterateAuditEvents(q)) {
      yield [e.id, e.at, e.actorType, e.actorId, e.actorLabel, e.action, e.objectType, e.objectId, e.partnerId, e.before, e.after];
    }
  }
  return csvStream(AUDIT_CSV_COLUMNS, rows());
}
