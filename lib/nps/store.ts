import "server-only";
import { and, count, desc, eq, isNull, sql } from "drizzle-orm";
import { getDb, queryRows, type Queryable } from "@/db/client";
import { npsInvitations, npsResponses, npsSurveys, npsUnsubscribes, partners, type NpsAudience } from "@/db/schema";

export type SurveyRow = typeof npsSurveys.$inferSelect;
export type InvitationRow = typeof npsInvitations.$inferSelect;
export type ResponseRow = typeof npsResponses.$inferSelect;

/** The survey for an audience and quarter, created on first use (race-safe). */
export async function ensureSurvey(tx: Queryable, audience: NpsAudience, quarter: string, openedAt: Date, closesAt: Date): Promise<SurveyRow> {
  await tx.insert(npsSurveys).values({ audience, quarter, openedAt, closesAt }).onConflictDoNothing();
  const [row] = await tx.select().from(npsSurveys).where(and(eq(npsSurveys.audience, audience), eq(npsSurveys.quarter, quarter)));
  return row!;
}

export interface Recipient {
  email: string;
  partnerId: string;
  partnerName: string;
  installId: string | null;
}

/** Customers of verified partner installs, not yet asked in this survey and not unsubscribed. */
export async function customerRecipients(db: Queryable, surveyId: string, verifiedBefore: Date, limit: number): Promise<Recipient[]> {
  return queryRows<Recipient>(
    db,
    sql`select distinct on (lower(i.customer_email), i.partner_id)
               lower(i.customer_email) as "email", i.partner_id as "partnerId", p.name as "partnerName", i.id as "installId"
        from installs i join partners p on p.id = i.partner_id
        where i.customer_email is not null and i.partner_id is not null and p.status <> 'suspended'
          and i.verified_at is not null and i.verified_at <= ${verifiedBefore.toISOString()}::timestamptz
          and not exists (select 1 from nps_unsubscribes u where u.email = lower(i.customer_email))
          and not exists (select 1 from nps_invitations n where n.survey_id = ${surveyId}
                          and lower(n.email) = lower(i.customer_email) and n.partner_id = i.partner_id)
        order by lower(i.customer_email), i.partner_id, i.verified_at
        limit ${limit}`,
  );
}

/** One owner per active partner, not yet asked in this survey. */
export async function partnerRecipients(db: Queryable, surveyId: string, limit: number): Promise<Recipient[]> {
  return queryRows<Recipient>(
    db,
    sql`select distinct on (p.id) lower(u.email) as "email", p.id as "partnerId", p.name as "partnerName", null as "installId"
        from partners p
        join memberships m on m.partner_id = p.id and m.role = 'owner'
        join users u on u.id = m.user_id
        where p.status <> 'suspended'
          and not exists (select 1 from nps_unsubscribes x where x.email = lower(u.email))
          and not exists (select 1 from nps_invitations n where n.survey_id = ${surveyId} and n.partner_id = p.id)
        order by p.id, m.created_at
        limit ${limit}`,
  );
}

/** Inserts an invitation unless the recipient already has one in this survey; null when it did. */
export async function insertInvitation(tx: Queryable, values: typeof npsInvitations.$inferInsert): Promise<InvitationRow | null> {
  const [row] = await tx.insert(npsInvitations).values(values).onConflictDoNothing().returning();
  return row ?? null;
}

export async function findInvitationByHash(db: Queryable, tokenHash: string) {
  const [row] = await db
    .select({ invitation: npsInvitations, audience: npsSurveys.audience, quarter: npsSurveys.quarter, partnerName: partners.name })
    .from(npsInvitations)
    .innerJoin(npsSurveys, eq(npsSurveys.id, npsInvitations.surveyId))
    .leftJoin(partners, eq(partners.id, npsInvitations.partnerId))
    .where(eq(npsInvitations.tokenHash, tokenHash));
  return row ?? null;
}

export async function lockInvitation(tx: Queryable, id: string): Promise<InvitationRow | null> {
  const [row] = await tx.select().from(npsInvitations).where(eq(npsInvitations.id, id)).for("update");
  return row ?? null;
}

export async function markResponded(tx: Queryable, id: string, at: Date): Promise<void> {
  await tx.update(npsInvitations).set({ respondedAt: at }).where(eq(npsInvitations.id, id));
}

export async function insertResponse(tx: Queryable, values: typeof npsResponses.$inferInsert): Promise<ResponseRow> {
  const [row] = await tx.insert(npsResponses).values(values).returning();
  return row!;
}

export async function addUnsubscribe(tx: Queryable, email: string, at: Date): Promise<void> {
  await tx.insert(npsUnsubscribes).values({ email: email.toLowerCase(), at }).onConflictDoNothing();
}

export async function isUnsubscribed(db: Queryable, email: string): Promise<boolean> {
  const [row] = await db.select().from(npsUnsubscribes).where(eq(npsUnsubscribes.email, email.toLowerCase()));
  return Boolean(row);
}

/** Unanswered invitations due a reminder, claimed with SKIP LOCKED and marked in the same statement. */
export async function claimReminders(tx: Queryable, now: Date, sentBefore: Date, maxReminders: number, limit: number) {
  return queryRows<{ id: string; email: string; partner_id: string | null; audience: NpsAudience; partner_name: string | null }>(
    tx,
    sql`update nps_invitations n set reminders = n.reminders + 1, reminded_at = ${now.toISOString()}::timestamptz
        from nps_surveys s, (select id from nps_invitations
              where responded_at is null and reminders < ${maxReminders}
                and sent_at <= ${sentBefore.toISOString()}::timestamptz and expires_at > ${now.toISOString()}::timestamptz
                and not exists (select 1 from nps_unsubscribes u where u.email = lower(nps_invitations.email))
              order by sent_at limit ${limit} for update skip locked) due
        where n.id = due.id and s.id = n.survey_id
        returning n.id, n.email, n.partner_id, s.audience,
                  (select name from partners p where p.id = n.partner_id) as partner_name`,
  );
}

export async function replaceTokenHash(tx: Queryable, id: string, tokenHash: string): Promise<void> {
  await tx.update(npsInvitations).set({ tokenHash }).where(eq(npsInvitations.id, id));
}

// --- reads ---------------------------------------------------------------------

export interface QuarterCounts {
  quarter: string;
  promoters: number;
  passives: number;
  detractors: number;
}

const counts = sql`count(*) filter (where score >= 9)::int as "promoters", count(*) filter (where score between 7 and 8)::int as "passives", count(*) filter (where score <= 6)::int as "detractors"`;

export async function countsByQuarter(audience: NpsAudience, partnerId?: string): Promise<QuarterCounts[]> {
  const db = await getDb();
  return queryRows<QuarterCounts>(
    db,
    sql`select quarter as "quarter", ${counts} from nps_responses
        where audience = ${audience} ${partnerId ? sql`and partner_id = ${partnerId}` : sql``}
        group by quarter order by quarter`,
  );
}

export async function countsByPartner(audience: NpsAudience, quarter: string): Promise<(QuarterCounts & { partnerId: string; partnerName: string })[]> {
  const db = await getDb();
  return queryRows(
    db,
    sql`select r.partner_id as "partnerId", p.name as "partnerName", r.quarter as "quarter", ${counts}
        from nps_responses r join partners p on p.id = r.partner_id
        where r.audience = ${audience} and r.quarter = ${quarter}
        group by r.partner_id, p.name, r.quarter order by count(*) desc, p.name`,
  );
}

export async function listResponses(args: { audience: NpsAudience; partnerId?: string; page: number; pageSize: number }) {
  const db = await getDb();
  const where = and(eq(npsResponses.audience, args.audience), args.partnerId ? eq(npsResponses.partnerId, args.partnerId) : undefined);
  const [rows, [total]] = await Promise.all([
    db
      .select({ response: npsResponses, partnerName: partners.name })
      .from(npsResponses)
      .leftJoin(partners, eq(partners.id, npsResponses.partnerId))
      .where(where)
      .orderBy(desc(npsResponses.respondedAt), desc(npsResponses.id))
      .limit(args.pageSize)
      .offset((args.page - 1) * args.pageSize),
    db.select({ n: count() }).from(npsResponses).where(where),
  ]);
  return { rows: rows.map((r) => ({ ...r.response, partnerName: r.partnerName })), total: total?.n ?? 0 };
}

export async function invitationStats(quarter: string): Promise<{ audience: NpsAudience; sent: number; answered: number; pending: number }[]> {
  const db = await getDb();
  return queryRows(
    db,
    sql`select s.audience as "audience", count(n.id)::int as "sent", count(n.responded_at)::int as "answered",
               (count(n.id) - count(n.responded_at))::int as "pending"
        from nps_surveys s left join nps_invitations n on n.survey_id = s.id
        where s.quarter = ${quarter} group by s.audience order by s.audience`,
  );
}

export async function openInvitationsFor(email: string) {
  const db = await getDb();
  return db.select().from(npsInvitations).where(and(eq(npsInvitations.email, email), isNull(npsInvitations.respondedAt)));
}
