import "server-only";
import type { Queryable } from "@/db/client";
import { getDb } from "@/db/client";
import { processMatchedConversions, runAfterCommit, type AfterCommit } from "@/lib/attribution/process-matches";
import { normalizeDomain } from "@/lib/attribution/rules";
import { insertConversion, matchConversions } from "@/lib/attribution/store";
import { audit } from "@/lib/audit/audit";
import { actorOf } from "@/lib/auth/actor";
import { assertPartner, decideProgramFeature, type Principal } from "@/lib/auth/permissions";
import { AppError, notFound, parseOrThrow } from "@/lib/errors";
import { emit } from "@/lib/events/emit";
import { newId, randomString } from "@/lib/ids";
import { checkRateLimits, RATE_LIMITS } from "@/lib/rate-limit";
import { coMarketingPartnerOrThrow } from "./access";
import { qualifyLead } from "./lead-qualification";
import { createWebinarSchema, webinarRegistrationSchema } from "./schemas";
import { findWebinarBySlug, insertRegistration, insertWebinar, qualifiedCounts, setRegistrationConversion, slugTaken, type RegistrationRow, type WebinarRow } from "./store";

export function webinarSlug(title: string, random: string): string {
  const base = title
    .toLowerCase()
    .replace(/&/g, "and")
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 48)
    .replace(/-+$/g, "");
  return `${base || "webinar"}-${random}`;
}

/** Registration is open until the webinar ends, unless the partner closed it. */
export function registrationOpen(w: Pick<WebinarRow, "status" | "startsAt" | "durationMinutes">, now: Date): boolean {
  return w.status === "open" && now.getTime() < w.startsAt.getTime() + w.durationMinutes * 60_000;
}

/** A webinar with its public registration page at /webinars/<slug>. Audited. */
export async function createWebinar(args: { principal: Principal | null; partnerId: string; input: unknown; now: Date }): Promise<WebinarRow> {
  assertPartner(args.principal, "marketing:write", args.partnerId);
  const input = parseOrThrow(createWebinarSchema, args.input);
  // A time without a zone (the form's datetime-local) is read as UTC, as the form says.
  const startsAt = new Date(/(Z|[+-]\d\d:?\d\d)$/i.test(input.startsAt) ? input.startsAt : `${input.startsAt}Z`);
  if (startsAt.getTime() <= args.now.getTime()) throw new AppError({ code: "validation_failed", message: "Schedule the webinar in the future", fields: { startsAt: ["Schedule the webinar in the future"] } });
  const db = await getDb();
  return db.transaction(async (tx) => {
    await coMarketingPartnerOrThrow(tx, args.partnerId);
    let slug = webinarSlug(input.title, randomString(6));
    while (await slugTaken(tx, slug)) slug = webinarSlug(input.title, randomString(6));
    const row = await insertWebinar(tx, {
      id: newId("webinar"),
      partnerId: args.partnerId,
      slug,
      title: input.title,
      description: input.description,
      startsAt,
      durationMinutes: input.durationMinutes,
      createdAt: args.now,
    });
    await audit(tx, {
      actor: actorOf(args.principal!),
      action: "webinar.created",
      object: { type: "webinar", id: row.id },
      partnerId: args.partnerId,
      after: { title: row.title, slug: row.slug, startsAt: row.startsAt.toISOString() },
      at: args.now,
    });
    return row;
  });
}

export async function publicWebinar(slug: string, now: Date) {
  const w = await findWebinarBySlug(await getDb(), slug);
  // A partner that lost co-marketing (suspended) no longer collects leads.
  if (!w || !decideProgramFeature({ tier: w.partnerTier, status: w.partnerStatus }, "co_marketing").allowed) return null;
  return { ...w, open: registrationOpen(w, now) };
}

/**
 * A prospect registers on /webinars/<slug> (no sign-in). The lead is qualified
 * by the rules in lead-qualification.ts and attributed to the partner: a
 * signup-stage conversion with the partner's id goes through the attribution
 * matcher in the same transaction, so the lead shows in the partner's funnel.
 * Registering twice with one email keeps the first registration.
 */
export async function registerForWebinar(args: { slug: string; input: unknown; clientIp: string; now: Date }): Promise<{ registration: RegistrationRow; duplicate: boolean }> {
  const input = parseOrThrow(webinarRegistrationSchema, args.input);
  const webinar = await publicWebinar(args.slug, args.now);
  if (!webinar) throw notFound("Webinar");
  // Public forms share one budget per network; leads are worth money, so floods are refused.
  const limited = await checkRateLimits([{ key: `form:ip:${args.clientIp}`, rule: RATE_LIMITS.formPerIp }], args.now);
  if (!limited.allowed) {
    throw new AppError({ code: "rate_limited", message: `Too many registrations from your network. Try again in ${Math.ceil(limited.retryAfterS / 60)} minutes.` });
  }
  if (!webinar.open) throw new AppError({ code: "conflict", message: "Registration for this webinar is closed" });
  const verdict = qualifyLead(input);
  const email = input.email.toLowerCase();
  const db = await getDb();
  let after: AfterCommit | null = null;
  const result = await db.transaction(async (tx) => {
    const registration = await insertRegistration(tx, {
      id: newId("webinarRegistration"),
      webinarId: webinar.id,
      partnerId: webinar.partnerId,
      name: input.name,
      email,
      company: input.company,
      companySize: input.companySize,
      role: input.role,
      qualified: verdict.qualified,
      reasons: verdict.reasons,
      createdAt: args.now,
    });
    if (!registration) {
      const existing = await tx.query.webinarRegistrations.findFirst({ where: (r, { and, eq, sql }) => and(eq(r.webinarId, webinar.id), sql`lower(${r.email}) = ${email}`) });
      return { registration: existing!, duplicate: true };
    }
    // Each registration is its own lead in attribution, so one person at two partners' webinars counts for both.
    const { row: conversion } = await insertConversion(tx, {
      id: newId("conversion"),
      type: "signup",
      source: "api",
      externalId: `webinar:${registration.id}`,
      customerId: registration.id,
      customerDomain: normalizeDomain(email),
      customerEmail: email,
      company: input.company,
      occurredAt: args.now,
      receivedAt: args.now,
      partnerIdHint: webinar.partnerId,
    });
    await matchConversions(tx, { now: args.now, ids: [conversion.id] });
    after = (await processMatchedConversions(tx, { now: args.now, ids: [conversion.id] })).after;
    await setRegistrationConversion(tx, registration.id, conversion.id);
    await emit(tx, {
      type: "partner.webinar.lead_registered",
      partnerId: webinar.partnerId,
      data: { webinarId: webinar.id, registrationId: registration.id, company: input.company, qualified: verdict.qualified, registeredAt: args.now.toISOString() },
      now: args.now,
    });
    return { registration: { ...registration, conversionId: conversion.id }, duplicate: false };
  });
  if (after) await runAfterCommit(after, args.now);
  return result;
}

export interface QualifiedLeadCount {
  partnerId: string;
  qualifiedLeads: number;
}

/**
 * Qualified webinar leads per partner, registered in [since, until). Partners
 * without any are left out. Used by the program's analytics and exit tests.
 */
export async function qualifiedWebinarLeads(db: Queryable, range: { since: Date; until: Date }): Promise<QualifiedLeadCount[]> {
  const rows = await qualifiedCounts(db, range.since, range.until);
  return rows.map((r) => ({ partnerId: r.partnerId, qualifiedLeads: Number(r.qualified) })).sort((a, b) => b.qualifiedLeads - a.qualifiedLeads || a.partnerId.localeCompare(b.partnerId));
}
