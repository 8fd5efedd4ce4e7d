import "server-only";
import { and, desc, eq, gt, inArray, isNotNull, lte, sql, type SQL } from "drizzle-orm";
import type { AnyPgColumn } from "drizzle-orm/pg-core";
import { queryRows, slices, type Queryable } from "@/db/client";
import {
  certifications,
  certificationSubmissions,
  evidenceExports,
  incidents,
  installs,
  memberships,
  npsResponses,
  partnerBadges,
  partners,
  quizAttempts,
  survivalChecks,
  survivalReports,
  tierChanges,
  uploads,
  users,
  type Assessment,
  type SubmissionKind,
} from "@/db/schema";
import { newId } from "@/lib/ids";
import type { Tier } from "@/lib/partners/constants";
import type { ExistingBadge } from "./badge-sync";
import type { AssessmentId, PartnerEvidence } from "./evidence";
import { verifyPack } from "./vault";

// The certification area's reads and writes. loadEvidence assembles the
// engine's PartnerEvidence for many partners with one query per kind of fact
// (never one query per partner).

const DAY_MS = 86_400_000;

export type CertificationRow = typeof certifications.$inferSelect;
export type SubmissionRow = typeof certificationSubmissions.$inferSelect;
export type IncidentRow = typeof incidents.$inferSelect;
export type TierChangeRow = typeof tierChanges.$inferSelect;
export type TierChangeInsert = typeof tierChanges.$inferInsert;
export type QuizAttemptRow = typeof quizAttempts.$inferSelect;

export interface EvidenceSet {
  evidence: Map<string, PartnerEvidence>;
  /** Extra per-partner state the runner needs beside the engine's input. */
  meta: Map<string, { name: string; slug: string; partnerStatus: string; tierOverrideUntil: Date | null; lastReminderAt: Date | null; requirementsMet: number; requirementsTotal: number; hasRow: boolean }>;
}

const within = (col: AnyPgColumn, ids: readonly string[] | null): SQL | undefined => (ids ? inArray(col, [...ids]) : undefined);

/** Evidence for the given partners (null: every partner), as of `now`. */
export async function loadEvidence(db: Queryable, partnerIds: readonly string[] | null, now: Date): Promise<EvidenceSet> {
  const evidence = new Map<string, PartnerEvidence>();
  const meta: EvidenceSet["meta"] = new Map();
  if (partnerIds && partnerIds.length === 0) return { evidence, meta };
  const since90 = new Date(now.getTime() - 90 * DAY_MS);
  const since30 = new Date(now.getTime() - 30 * DAY_MS);
  const since365 = new Date(now.getTime() - 365 * DAY_MS);

  const base = await db
    .select({ p: { id: partners.id, name: partners.name, slug: partners.slug, track: partners.track, tier: partners.tier, status: partners.status }, c: certifications })
    .from(partners)
    .leftJoin(certifications, eq(certifications.partnerId, partners.id))
    .where(within(partners.id, partnerIds));
  for (const { p, c } of base) {
    evidence.set(p.id, {
      partnerId: p.id,
      track: p.track,
      tier: p.tier,
      status: p.status,
      certifiedAt: c?.certifiedAt ?? null,
      expiresAt: c?.expiresAt ?? null,
      recordedStatus: c?.status ?? "uncertified",
      lastDowngradeAt: c?.lastDowngradeAt ?? null,
      installs: [],
      survival: [],
      reports: [],
      packs: [],
      exportsCount: 0,
      quizzes: [],
      incidents: [],
      references: [],
      runbooks: [],
      penTestLetters: [],
      nps: { promoters: 0, passives: 0, detractors: 0 },
    });
    meta.set(p.id, {
      name: p.name,
      slug: p.slug,
      partnerStatus: p.status,
      tierOverrideUntil: c?.tierOverrideUntil ?? null,
      lastReminderAt: c?.lastReminderAt ?? null,
      requirementsMet: c?.requirementsMet ?? 0,
      requirementsTotal: c?.requirementsTotal ?? 0,
      hasRow: Boolean(c),
    });
  }
  const get = (id: string | null) => (id ? evidence.get(id) : undefined);

  const [installRows, survivalRows, reportRows, exportRows, quizRows, incidentRows, submissionRows, npsRows] = await Promise.all([
    db
      .select({ partnerId: installs.partnerId, stack: installs.stack, startedAt: installs.startedAt, verifiedAt: installs.verifiedAt })
      .from(installs)
      .where(and(isNotNull(installs.partnerId), within(installs.partnerId, partnerIds))),
    // Remote-manifest survival over the last 30 days, summed per partner (the window is exact in SQL).
    db
      .select({
        partnerId: survivalChecks.partnerId,
        checked: sql<number>`coalesce(sum(${survivalChecks.assetsChecked}), 0)::bigint`.mapWith(Number),
        survived: sql<number>`coalesce(sum(${survivalChecks.assetsSurvived}), 0)::bigint`.mapWith(Number),
      })
      .from(survivalChecks)
      .where(and(isNotNull(survivalChecks.partnerId), gt(survivalChecks.checkedAt, since30), lte(survivalChecks.checkedAt, now), within(survivalChecks.partnerId, partnerIds)))
      .groupBy(survivalChecks.partnerId),
    // Reports with their survival recomputed from the raw checks they cover.
    db
      .select({
        id: survivalReports.id,
        partnerId: survivalReports.partnerId,
        publishedAt: survivalReports.publishedAt,
        periodEnd: survivalReports.periodEnd,
        statedChecks: survivalReports.statedChecks,
        statedChecked: survivalReports.statedAssetsChecked,
        statedSurvived: survivalReports.statedAssetsSurvived,
        checks: sql<number>`(select count(*) from ${survivalChecks} c where c.install_id = ${survivalReports.installId} and c.checked_at >= ${survivalReports.periodStart} and c.checked_at < ${survivalReports.periodEnd})`.mapWith(Number),
        checked: sql<number>`(select coalesce(sum(c.assets_checked), 0) from ${survivalChecks} c where c.install_id = ${survivalReports.installId} and c.checked_at >= ${survivalReports.periodStart} and c.checked_at < ${survivalReports.periodEnd})`.mapWith(Number),
        survived: sql<number>`(select coalesce(sum(c.assets_survived), 0) from ${survivalChecks} c where c.install_id = ${survivalReports.installId} and c.checked_at >= ${survivalReports.periodStart} and c.checked_at < ${survivalReports.periodEnd})`.mapWith(Number),
      })
      .from(survivalReports)
      .where(within(survivalReports.partnerId, partnerIds)),
    db
      .select({ id: evidenceExports.id, partnerId: evidenceExports.partnerId, createdAt: evidenceExports.createdAt, manifest: evidenceExports.manifest, manifestSha256: evidenceExports.manifestSha256, files: evidenceExports.files })
      .from(evidenceExports)
      .where(and(lte(evidenceExports.createdAt, now), within(evidenceExports.partnerId, partnerIds))),
    db
      .select({ partnerId: quizAttempts.partnerId, assessment: quizAttempts.assessment, best: sql<number>`max(${quizAttempts.scorePct})`.mapWith(Number) })
      .from(quizAttempts)
      .where(and(isNotNull(quizAttempts.submittedAt), lte(quizAttempts.submittedAt, now), within(quizAttempts.partnerId, partnerIds)))
      .groupBy(quizAttempts.partnerId, quizAttempts.assessment),
    db
      .select({ partnerId: incidents.partnerId, openedAt: incidents.openedAt, firstResponseAt: incidents.firstResponseAt })
      .from(incidents)
      .where(and(gt(incidents.openedAt, since90), lte(incidents.openedAt, now), within(incidents.partnerId, partnerIds))),
    db
      .select({ partnerId: certificationSubmissions.partnerId, kind: certificationSubmissions.kind, status: certificationSubmissions.status, quarter: certificationSubmissions.quarter })
      .from(certificationSubmissions)
      .where(within(certificationSubmissions.partnerId, partnerIds)),
    db
      .select({
        partnerId: npsResponses.partnerId,
        promoters: sql<number>`count(*) filter (where ${npsResponses.score} >= 9)`.mapWith(Number),
        passives: sql<number>`count(*) filter (where ${npsResponses.score} between 7 and 8)`.mapWith(Number),
        detractors: sql<number>`count(*) filter (where ${npsResponses.score} <= 6)`.mapWith(Number),
      })
      .from(npsResponses)
      .where(and(eq(npsResponses.audience, "customer"), isNotNull(npsResponses.partnerId), gt(npsResponses.respondedAt, since365), lte(npsResponses.respondedAt, now), within(npsResponses.partnerId, partnerIds)))
      .groupBy(npsResponses.partnerId),
  ]);

  for (const r of installRows) get(r.partnerId)?.installs.push({ stack: r.stack, startedAt: r.startedAt, verifiedAt: r.verifiedAt });
  for (const r of survivalRows) if (r.checked > 0) get(r.partnerId)?.survival.push({ at: now, method: "remote", checked: r.checked, survived: r.survived });
  for (const r of reportRows) {
    get(r.partnerId)?.reports.push({
      id: r.id,
      published: r.publishedAt !== null && r.publishedAt.getTime() <= now.getTime(),
      periodEnd: r.periodEnd,
      checks: r.checks,
      statedPct: r.statedChecked > 0 ? (r.statedSurvived / r.statedChecked) * 100 : 0,
      recomputedPct: r.checked > 0 ? (r.survived / r.checked) * 100 : 0,
    });
  }
  for (const r of exportRows) {
    const e = get(r.partnerId);
    if (!e) continue;
    e.exportsCount += 1;
    e.packs.push({ id: r.id, createdAt: r.createdAt, ...verifyPack({ manifest: r.manifest, manifestSha256: r.manifestSha256, files: r.files }) });
  }
  for (const r of quizRows) get(r.partnerId)?.quizzes.push({ assessment: r.assessment as AssessmentId, bestScorePct: r.best });
  for (const r of incidentRows) get(r.partnerId)?.incidents.push({ openedAt: r.openedAt, firstResponseAt: r.firstResponseAt });
  for (const r of submissionRows) {
    const e = get(r.partnerId);
    if (!e) continue;
    if (r.kind === "enterprise_reference") e.references.push({ status: r.status });
    else if (r.kind === "runbook") e.runbooks.push({ status: r.status });
    else e.penTestLetters.push({ status: r.status, quarter: r.quarter ?? "" });
  }
  for (const r of npsRows) {
    const e = get(r.partnerId);
    if (e) e.nps = { promoters: r.promoters, passives: r.passives, detractors: r.detractors };
  }
  return { evidence, meta };
}

export async function badgesOf(db: Queryable, partnerIds: readonly string[] | null): Promise<Map<string, ExistingBadge[]>> {
  const rows = await db
    .select({ id: partnerBadges.id, partnerId: partnerBadges.partnerId, badge: partnerBadges.badge, tier: partnerBadges.tier, state: partnerBadges.state, issuedAt: partnerBadges.issuedAt, expiresAt: partnerBadges.expiresAt })
    .from(partnerBadges)
    .where(within(partnerBadges.partnerId, partnerIds));
  const out = new Map<string, ExistingBadge[]>();
  for (const r of rows) out.set(r.partnerId, [...(out.get(r.partnerId) ?? []), r]);
  return out;
}

export interface BadgeUpsert {
  partnerId: string;
  badge: ExistingBadge["badge"];
  kind: "track" | "performance";
  tier: Tier | null;
  state: "active" | "probation" | "expired";
  issuedAt: Date;
  expiresAt: Date | null;
}

/**
 * Upserts badge rows (one per partner and badge). A revoked row is left alone
 * (the WHERE of the conflict update). Returns the ids of rows written. One
 * statement per 5,000 rows, sent as one JSON parameter.
 */
export async function upsertBadges(tx: Queryable, rows: readonly BadgeUpsert[], now: Date): Promise<{ id: string; partnerId: string; badge: string }[]> {
  const out: { id: string; partnerId: string; badge: string }[] = [];
  const ts = now.toISOString();
  for (const slice of slices(rows, 5_000)) {
    const json = JSON.stringify(
      slice.map((r) => ({ id: newId("badge"), partner_id: r.partnerId, badge: r.badge, kind: r.kind, tier: r.tier, state: r.state, issued_at: r.issuedAt.toISOString(), expires_at: r.expiresAt?.toISOString() ?? null })),
    );
    const written = await queryRows<{ id: string; partner_id: string; badge: string }>(
      tx,
      sql`insert into partner_badges as b (id, partner_id, badge, kind, tier, state, issued_at, expires_at, state_changed_at, created_at, updated_at)
          select id, partner_id, badge, kind, tier, state, issued_at, expires_at, ${ts}::timestamptz, ${ts}::timestamptz, ${ts}::timestamptz
            from jsonb_to_recordset(${json}::jsonb) as r(id text, partner_id text, badge text, kind text, tier text, state text, issued_at timestamptz, expires_at timestamptz)
          on conflict (partner_id, badge) do update set
            tier = excluded.tier,
            state = excluded.state,
            issued_at = excluded.issued_at,
            expires_at = excluded.expires_at,
            state_changed_at = case when b.state <> excluded.state then excluded.state_changed_at else b.state_changed_at end,
            updated_at = excluded.updated_at
          where b.state <> 'revoked'
          returning b.id, b.partner_id, b.badge`,
    );
    for (const w of written) out.push({ id: w.id, partnerId: w.partner_id, badge: w.badge });
  }
  return out;
}

export interface CertificationWrite {
  partnerId: string;
  status: CertificationRow["status"];
  certifiedAt: Date | null;
  expiresAt: Date | null;
  lastDowngradeAt: Date | null;
  lastReminderAt: Date | null;
  requirementsMet: number;
  requirementsTotal: number;
}

/** Inserts or updates each partner's certification row (an admin's tier override kept), one statement per 5,000 rows. */
export async function upsertCertifications(tx: Queryable, rows: readonly CertificationWrite[], now: Date): Promise<void> {
  const ts = now.toISOString();
  const at = (d: Date | null) => d?.toISOString() ?? null;
  for (const slice of slices(rows, 5_000)) {
    const json = JSON.stringify(
      slice.map((r) => ({
        partner_id: r.partnerId,
        status: r.status,
        certified_at: at(r.certifiedAt),
        expires_at: at(r.expiresAt),
        last_downgrade_at: at(r.lastDowngradeAt),
        last_reminder_at: at(r.lastReminderAt),
        requirements_met: r.requirementsMet,
        requirements_total: r.requirementsTotal,
      })),
    );
    await tx.execute(sql`
      insert into certifications (partner_id, status, certified_at, expires_at, last_downgrade_at, last_reminder_at, requirements_met, requirements_total, evaluated_at, updated_at)
      select partner_id, status, certified_at, expires_at, last_downgrade_at, last_reminder_at, requirements_met, requirements_total, ${ts}::timestamptz, ${ts}::timestamptz
        from jsonb_to_recordset(${json}::jsonb) as r(partner_id text, status text, certified_at timestamptz, expires_at timestamptz, last_downgrade_at timestamptz, last_reminder_at timestamptz, requirements_met smallint, requirements_total smallint)
      on conflict (partner_id) do update set
        status = excluded.status,
        certified_at = excluded.certified_at,
        expires_at = excluded.expires_at,
        last_downgrade_at = excluded.last_downgrade_at,
        last_reminder_at = excluded.last_reminder_at,
        requirements_met = excluded.requirements_met,
        requirements_total = excluded.requirements_total,
        evaluated_at = excluded.evaluated_at,
        updated_at = excluded.updated_at`);
  }
}

export async function setPartnerTier(tx: Queryable, partnerId: string, tier: Tier, now: Date): Promise<void> {
  await tx.update(partners).set({ tier, updatedAt: now }).where(eq(partners.id, partnerId));
}

/** setPartnerTier for many partners: one UPDATE per 5,000, the rows sent as one JSON parameter. */
export async function setPartnerTiers(tx: Queryable, rows: readonly { partnerId: string; tier: Tier }[], now: Date): Promise<void> {
  for (const slice of slices(rows, 5_000)) {
    await tx.execute(sql`
      update partners p set tier = v.tier, updated_at = ${now.toISOString()}::timestamptz
        from jsonb_to_recordset(${JSON.stringify(slice.map((r) => ({ id: r.partnerId, tier: r.tier })))}::jsonb) as v(id text, tier text)
       where p.id = v.id`);
  }
}

export async function setPartnerProbation(tx: Queryable, partnerId: string, probation: boolean, endsAt: Date | null, now: Date): Promise<void> {
  await tx
    .update(partners)
    .set(probation ? { status: "probation", probationEndsAt: endsAt, updatedAt: now } : { status: "active", updatedAt: now })
    .where(and(eq(partners.id, partnerId), sql`${partners.status} <> 'suspended'`));
}

export interface ProbationWrite {
  partnerId: string;
  probation: boolean;
  endsAt: Date | null;
}

/**
 * setPartnerProbation for many partners, in one UPDATE per 5,000: into probation
 * with its end date, or out of it (the end date kept); suspended partners untouched.
 */
export async function setPartnerProbations(tx: Queryable, rows: readonly ProbationWrite[], now: Date): Promise<void> {
  for (const slice of slices(rows, 5_000)) {
    const json = JSON.stringify(slice.map((r) => ({ id: r.partnerId, probation: r.probation, ends_at: r.endsAt?.toISOString() ?? null })));
    await tx.execute(sql`
      update partners p
         set status = case when v.probation then 'probation' else 'active' end,
             probation_ends_at = case when v.probation then v.ends_at else p.probation_ends_at end,
             updated_at = ${now.toISOString()}::timestamptz
        from jsonb_to_recordset(${json}::jsonb) as v(id text, probation boolean, ends_at timestamptz)
       where p.id = v.id and p.status <> 'suspended'`);
  }
}

export async function insertTierChange(tx: Queryable, row: typeof tierChanges.$inferInsert): Promise<TierChangeRow> {
  const [r] = await tx.insert(tierChanges).values(row).returning();
  return r!;
}

/** insertTierChange for many rows, in multi-row inserts of 1,000. */
export async function insertTierChanges(tx: Queryable, rows: readonly TierChangeInsert[]): Promise<void> {
  for (const slice of slices(rows, 1_000)) await tx.insert(tierChanges).values(slice);
}

export async function ownerEmails(db: Queryable, partnerIds: readonly string[]): Promise<Map<string, string[]>> {
  if (!partnerIds.length) return new Map();
  const rows = await db
    .select({ partnerId: memberships.partnerId, email: users.email })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(and(inArray(memberships.partnerId, [...partnerIds]), eq(memberships.role, "owner")));
  const out = new Map<string, string[]>();
  for (const r of rows) out.set(r.partnerId, [...(out.get(r.partnerId) ?? []), r.email]);
  return out;
}

export async function adminEmails(db: Queryable): Promise<string[]> {
  const rows = await db.select({ email: users.email }).from(users).where(eq(users.role, "admin"));
  return rows.map((r) => r.email);
}

// --- console / admin reads ---------------------------------------------------------

export async function findCertification(db: Queryable, partnerId: string): Promise<CertificationRow | null> {
  const [row] = await db.select().from(certifications).where(eq(certifications.partnerId, partnerId));
  return row ?? null;
}

export async function lockCertification(tx: Queryable, partnerId: string): Promise<CertificationRow | null> {
  const [row] = await tx.select().from(certifications).where(eq(certifications.partnerId, partnerId)).for("update");
  return row ?? null;
}

export async function setTierOverride(tx: Queryable, partnerId: string, until: Date, now: Date): Promise<void> {
  await tx
    .insert(certifications)
    .values({ partnerId, tierOverrideUntil: until, updatedAt: now })
    .onConflictDoUpdate({ target: certifications.partnerId, set: { tierOverrideUntil: until, updatedAt: now } });
}

export async function tierHistory(db: Queryable, partnerId: string, limit = 50): Promise<TierChangeRow[]> {
  return db.select().from(tierChanges).where(eq(tierChanges.partnerId, partnerId)).orderBy(desc(tierChanges.at)).limit(limit);
}

export async function listSubmissions(db: Queryable, partnerId: string): Promise<(SubmissionRow & { filename: string; sizeBytes: number })[]> {
  const rows = await db
    .select({ s: certificationSubmissions, filename: uploads.filename, sizeBytes: uploads.sizeBytes })
    .from(certificationSubmissions)
    .innerJoin(uploads, eq(uploads.id, certificationSubmissions.uploadId))
    .where(eq(certificationSubmissions.partnerId, partnerId))
    .orderBy(desc(certificationSubmissions.submittedAt));
  return rows.map((r) => ({ ...r.s, filename: r.filename, sizeBytes: r.sizeBytes }));
}

export async function insertSubmission(tx: Queryable, row: typeof certificationSubmissions.$inferInsert): Promise<SubmissionRow> {
  const [r] = await tx.insert(certificationSubmissions).values(row).returning();
  return r!;
}

export async function lockSubmission(tx: Queryable, id: string): Promise<SubmissionRow | null> {
  const [row] = await tx.select().from(certificationSubmissions).where(eq(certificationSubmissions.id, id)).for("update");
  return row ?? null;
}

export async function reviewSubmission(tx: Queryable, id: string, patch: { status: "approved" | "rejected"; reviewedBy: string; reviewedAt: Date; reviewReason: string | null }): Promise<void> {
  await tx.update(certificationSubmissions).set(patch).where(eq(certificationSubmissions.id, id));
}

export interface QueueItem extends SubmissionRow {
  partnerName: string;
  partnerSlug: string;
  track: string;
  filename: string;
  sizeBytes: number;
}

export async function reviewQueue(db: Queryable, args: { status: "pending" | "approved" | "rejected"; kind?: SubmissionKind; page: number; pageSize: number }): Promise<{ rows: QueueItem[]; total: number }> {
  const where = and(eq(certificationSubmissions.status, args.status), args.kind ? eq(certificationSubmissions.kind, args.kind) : undefined);
  const [rows, [count]] = await Promise.all([
    db
      .select({ s: certificationSubmissions, partnerName: partners.name, partnerSlug: partners.slug, track: partners.track, filename: uploads.filename, sizeBytes: uploads.sizeBytes })
      .from(certificationSubmissions)
      .innerJoin(partners, eq(partners.id, certificationSubmissions.partnerId))
      .innerJoin(uploads, eq(uploads.id, certificationSubmissions.uploadId))
      .where(where)
      .orderBy(args.status === "pending" ? certificationSubmissions.submittedAt : desc(certificationSubmissions.reviewedAt))
      .limit(args.pageSize)
      .offset((args.page - 1) * args.pageSize),
    db.select({ n: sql<number>`count(*)::int` }).from(certificationSubmissions).where(where),
  ]);
  return { rows: rows.map((r) => ({ ...r.s, partnerName: r.partnerName, partnerSlug: r.partnerSlug, track: r.track, filename: r.filename, sizeBytes: r.sizeBytes })), total: count?.n ?? 0 };
}

export async function listIncidents(db: Queryable, partnerId: string, page: number, pageSize: number): Promise<{ rows: IncidentRow[]; total: number }> {
  const [rows, [count]] = await Promise.all([
    db.select().from(incidents).where(eq(incidents.partnerId, partnerId)).orderBy(desc(incidents.openedAt)).limit(pageSize).offset((page - 1) * pageSize),
    db.select({ n: sql<number>`count(*)::int` }).from(incidents).where(eq(incidents.partnerId, partnerId)),
  ]);
  return { rows, total: count?.n ?? 0 };
}

export async function insertIncident(tx: Queryable, row: typeof incidents.$inferInsert): Promise<IncidentRow> {
  const [r] = await tx.insert(incidents).values(row).returning();
  return r!;
}

export async function lockIncident(tx: Queryable, id: string): Promise<IncidentRow | null> {
  const [row] = await tx.select().from(incidents).where(eq(incidents.id, id)).for("update");
  return row ?? null;
}

export async function updateIncident(tx: Queryable, id: string, patch: Partial<typeof incidents.$inferInsert>): Promise<void> {
  await tx.update(incidents).set(patch).where(eq(incidents.id, id));
}

export async function quizHistory(db: Queryable, partnerId: string, assessment?: Assessment, limit = 20): Promise<QuizAttemptRow[]> {
  return db
    .select()
    .from(quizAttempts)
    .where(and(eq(quizAttempts.partnerId, partnerId), assessment ? eq(quizAttempts.assessment, assessment) : undefined))
    .orderBy(desc(quizAttempts.startedAt))
    .limit(limit);
}

export async function certificationOverview(db: Queryable): Promise<{ status: string; n: number }[]> {
  return db
    .select({ status: sql<string>`coalesce(${certifications.status}, 'uncertified')`, n: sql<number>`count(*)::int` })
    .from(partners)
    .leftJoin(certifications, eq(certifications.partnerId, partners.id))
    .groupBy(sql`1`);
}

/** Moves the tier shown on a partner's track badge (not a revoked one). Returns the ids changed. */
export async function syncTrackBadgeTier(tx: Queryable, partnerId: string, badge: ExistingBadge["badge"], tier: Tier, now: Date): Promise<string[]> {
  const rows = await tx
    .update(partnerBadges)
    .set({ tier, updatedAt: now })
    .where(and(eq(partnerBadges.partnerId, partnerId), eq(partnerBadges.badge, badge), sql`${partnerBadges.state} <> 'revoked'`, sql`${partnerBadges.tier} is distinct from ${tier}`))
    .returning({ id: partnerBadges.id });
  return rows.map((r) => r.id);
}

export async function badgeRowsOf(db: Queryable, partnerId: string) {
  return db.select().from(partnerBadges).where(eq(partnerBadges.partnerId, partnerId));
}

export async function listPartnerCertifications(db: Queryable, args: { status?: string; page: number; pageSize: number }) {
  const where = args.status ? sql`coalesce(${certifications.status}, 'uncertified') = ${args.status}` : undefined;
  const [rows, [count]] = await Promise.all([
    db
      .select({ id: partners.id, name: partners.name, track: partners.track, tier: partners.tier, status: sql<string>`coalesce(${certifications.status}, 'uncertified')`, expiresAt: certifications.expiresAt, met: certifications.requirementsMet, total: certifications.requirementsTotal })
      .from(partners)
      .leftJoin(certifications, eq(certifications.partnerId, partners.id))
      .where(where)
      .orderBy(partners.name)
      .limit(args.pageSize)
      .offset((args.page - 1) * args.pageSize),
    db.select({ n: sql<number>`count(*)::int` }).from(partners).leftJoin(certifications, eq(certifications.partnerId, partners.id)).where(where),
  ]);
  return { rows, total: count?.n ?? 0 };
}
