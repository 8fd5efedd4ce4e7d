import "server-only";
import { getDb } from "@/db/client";
import { audit } from "@/lib/audit/audit";
import { systemActor } from "@/lib/audit/actor";
import { partnerRecipients } from "@/lib/deals/store";
import { sendEmail } from "@/lib/email/send-email";
import { getEnv } from "@/lib/env";
import { emit } from "@/lib/events/emit";
import { log } from "@/lib/log";
import type { Finding } from "./detect";
import { violationOpenedEmail } from "./emails";
import { deadlineFor, violationFingerprint } from "./rules";
import { liveViolationsOnPage, markViolationsNotified, updateViolation, upsertViolation, type ViolationRow } from "./store";

// Recording what the scanner and the embed log find. Each finding becomes a
// violation with a deadline (or refreshes the live one with the same
// fingerprint); a page scanned again without a finding closes it as fixed.
// Every change is audited and emitted in its transaction; the partner is
// emailed about new violations after the commit.

export interface PageFindings {
  partnerId: string;
  /** The scanned page; null for embed-log findings (no page, only a host). */
  pageUrl: string | null;
  host: string;
  findings: readonly Finding[];
  /** True when the whole page was read: live violations on it that were not found again are fixed. */
  complete: boolean;
}

export interface RecordResult {
  opened: number;
  reopened: number;
  fixed: number;
}

const SCANNER = systemActor("badge-scanner", "Badge scanner");

export function consoleBadgesUrl(): string {
  return new URL("/console/badges", getEnv().APP_URL).toString();
}

const isoOrNull = (d: Date | null) => (d ? d.toISOString() : null);

export async function recordFindings(batches: readonly PageFindings[], now: Date): Promise<RecordResult> {
  const db = await getDb();
  const result: RecordResult = { opened: 0, reopened: 0, fixed: 0 };
  const created: ViolationRow[] = [];
  for (const batch of batches) {
    await db.transaction(async (tx) => {
      const seen = new Set<string>();
      for (const f of batch.findings) {
        const fingerprint = violationFingerprint({ partnerId: batch.partnerId, kind: f.kind, badgeId: f.badgeId, place: `${batch.pageUrl ?? batch.host}#${f.place}` });
        seen.add(fingerprint);
        const { row, created: isNew, reopened } = await upsertViolation(
          tx,
          { partnerId: batch.partnerId, badgeId: f.badgeId, kind: f.kind, pageUrl: batch.pageUrl, host: batch.host, detail: f.detail, fingerprint },
          now,
          deadlineFor(now),
        );
        if (isNew) {
          result.opened++;
          created.push(row);
          await audit(tx, { actor: SCANNER, action: "badge_violation.opened", object: { type: "badge_violation", id: row.id }, partnerId: row.partnerId, after: { kind: row.kind, pageUrl: row.pageUrl, host: row.host, deadlineAt: row.deadlineAt.toISOString() }, at: now });
          await emit(tx, {
            type: "partner.badge_violation_opened",
            partnerId: row.partnerId,
            data: { violationId: row.id, kind: row.kind, badgeId: row.badgeId, pageUrl: row.pageUrl, host: row.host, detail: row.detail, openedAt: row.openedAt.toISOString(), deadlineAt: row.deadlineAt.toISOString() },
            now,
          });
        } else if (reopened) {
          result.reopened++;
          await audit(tx, { actor: SCANNER, action: "badge_violation.reopened", object: { type: "badge_violation", id: row.id }, partnerId: row.partnerId, before: { status: "fix_claimed" }, after: { status: "open" }, at: now });
        }
      }
      if (batch.complete && batch.pageUrl) {
        for (const live of await liveViolationsOnPage(tx, batch.partnerId, batch.pageUrl)) {
          if (seen.has(live.fingerprint)) continue;
          const closed = await updateViolation(tx, live.id, { status: "resolved", closedAt: now, resolution: "Fixed: a scan of the page no longer finds it" });
          result.fixed++;
          await audit(tx, { actor: SCANNER, action: "badge_violation.fixed", object: { type: "badge_violation", id: live.id }, partnerId: live.partnerId, before: { status: live.status }, after: { status: closed.status, closedAt: isoOrNull(closed.closedAt) }, at: now });
          await emit(tx, { type: "partner.badge_violation_closed", partnerId: live.partnerId, data: { violationId: live.id, kind: live.kind, outcome: "fixed", note: null, closedAt: now.toISOString() }, now });
        }
      }
    });
  }
  await notifyOpened(created, now);
  return result;
}

/** One email per partner listing its new violations. Failures are logged, never thrown. */
async function notifyOpened(rows: readonly ViolationRow[], now: Date): Promise<void> {
  if (rows.length === 0) return;
  const db = await getDb();
  const byPartner = groupBy(rows);
  for (const [partnerId, items] of byPartner) {
    try {
      const { name, emails } = await partnerRecipients(db, partnerId);
      const email = violationOpenedEmail({ partnerName: name, items, consoleUrl: consoleBadgesUrl() });
      for (const to of emails) await sendEmail({ kind: "badge_violation_opened", to, email, partnerId, now });
      await markViolationsNotified(db, items.map((i) => i.id), now);
    } catch (error) {
      log.warn("badge violation notification failed", { partnerId, error: error instanceof Error ? error.message : String(error) });
    }
  }
}

function groupBy(rows: readonly ViolationRow[]): Map<string, ViolationRow[]> {
  const out = new Map<string, ViolationRow[]>();
  for (const r of rows) out.set(r.partnerId, [...(out.get(r.partnerId) ?? []), r]);
  return out;
}
