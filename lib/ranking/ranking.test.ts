import { Faker, en } from "@faker-js/faker";
import { asc } from "drizzle-orm";
import { NextRequest } from "next/server";
import { describe, expect, it } from "vitest";
import { POST as rankingCron } from "@/app/api/cron/ranking/route";
import { getDb } from "@/db/client";
import {
  evidenceExports,
  installs,
  leads,
  npsInvitations,
  npsResponses,
  npsSurveys,
  partnerBadges,
  partnerRankings,
  partners,
  survivalReports,
  survivalWindows,
  ttiRollups,
} from "@/db/schema";
import { STACKS, type Stack, type Tier, type Track } from "@/lib/partners/constants";
import { makePartner } from "@/lib/testing/factories";
import { rankPartners, type BadgeStateInput, type RankingInput } from "./score";
import { recomputeRankings } from "./recompute";

// The SQL ranking run must agree with the pure module: the same fixture goes
// into the database and into rankPartners, and the two must give the same
// components, scores and ranks.

const NOW = new Date("2026-06-15T12:00:00.000Z");
const DAY = 86_400_000;
const daysAgo = (d: number) => new Date(NOW.getTime() - d * DAY);

interface Fixture extends RankingInput {
  status: "active" | "probation" | "suspended";
  probationEndsAt: Date | null;
  updatedAt: Date;
  installDates: Date[];
  reports: Date[];
  exports: Date[];
}

function buildFixture(faker: Faker, count: number): Fixture[] {
  const out: Fixture[] = [];
  for (let i = 0; i < count; i++) {
    const track = faker.helpers.arrayElement<Track>(["installer", "installer", "auditor", "enterprise_integrator"]);
    const tier = faker.helpers.arrayElement<Tier>(["verified", "advanced", "premier"]);
    const status = i % 7 === 3 ? "probation" : i % 11 === 5 ? "suspended" : "active";
    // A probation that already ended still says "probation" until the tier job runs: it no longer counts.
    const probationEndsAt = status === "probation" ? (i % 2 ? daysAgo(-10) : daysAgo(2)) : null;
    const checked = faker.helpers.arrayElement([0, 1000, 5000, 20_000]);
    const survived = checked === 0 ? 0 : checked - faker.number.int({ min: 0, max: Math.floor(checked * 0.012) });
    const tti = faker.helpers
      .arrayElements([...STACKS], { min: 0, max: 3 })
      .map((stack: Stack) => ({ stack, verified: faker.number.int({ min: 0, max: 12 }), p50Seconds: faker.helpers.maybe(() => faker.number.int({ min: 60, max: 200_000 }), { probability: 0.9 }) ?? null }));
    const sla = faker.helpers.arrayElement([null, 4, 24, 48]);
    const leadRows = Array.from({ length: faker.number.int({ min: 0, max: 5 }) }, () => {
      const createdAt = new Date(NOW.getTime() - faker.number.int({ min: 0, max: 100 * 24 }) * 3_600_000);
      const answeredAt = faker.helpers.maybe(() => new Date(createdAt.getTime() + faker.number.int({ min: 0, max: 72 }) * 3_600_000), { probability: 0.7 }) ?? null;
      return { createdAt, answeredAt: answeredAt && answeredAt <= NOW ? answeredAt : null };
    });
    const scores = Array.from({ length: faker.number.int({ min: 0, max: 14 }) }, () => faker.number.int({ min: 0, max: 10 }));
    const reports = Array.from({ length: faker.number.int({ min: 0, max: 3 }) }, () => daysAgo(faker.number.int({ min: 0, max: 150 })));
    const exportsAt = Array.from({ length: faker.number.int({ min: 0, max: 2 }) }, () => daysAgo(faker.number.int({ min: 0, max: 150 })));
    const installDates = Array.from({ length: faker.number.int({ min: 0, max: 4 }) }, () => daysAgo(faker.number.int({ min: 0, max: 400 })));
    const updatedAt = daysAgo(faker.number.int({ min: 0, max: 500 }));
    out.push({
      id: "",
      // Two partners share a name so the id tie-break is exercised.
      name: i === 4 || i === 5 ? "Same Name Studio" : `${faker.company.name()} ${i}`,
      track,
      tier,
      status,
      probationEndsAt,
      onProbation: status === "probation" && probationEndsAt! > NOW,
      survival30: { checked, survived },
      trackBadge: faker.helpers.arrayElement<BadgeStateInput>([null, "active", "probation", "expired", "revoked"]),
      evidence: [...reports, ...exportsAt],
      tti,
      slaResponseHours: sla,
      leads: leadRows,
      nps: {
        promoters: scores.filter((s) => s >= 9).length,
        passives: scores.filter((s) => s >= 7 && s <= 8).length,
        detractors: scores.filter((s) => s <= 6).length,
      },
      activity: [...installDates, ...reports, ...exportsAt, ...leadRows.flatMap((l) => (l.answeredAt ? [l.answeredAt] : [])), updatedAt],
      updatedAt,
      installDates,
      reports,
      exports: exportsAt,
    });
  }
  return out;
}

async function insertFixture(fixture: Fixture[]): Promise<void> {
  const db = await getDb();
  const [survey] = await db.insert(npsSurveys).values({ audience: "customer", quarter: "2026-Q2", openedAt: daysAgo(200), closesAt: daysAgo(-30) }).returning();
  for (const [i, f] of fixture.entries()) {
    const p = await makePartner({
      name: f.name,
      track: f.track,
      tier: f.tier,
      status: f.status,
      probationEndsAt: f.probationEndsAt,
      slaResponseHours: f.slaResponseHours,
      joinedAt: daysAgo(600),
      updatedAt: f.updatedAt,
    });
    f.id = p.id;
    if (f.trackBadge) {
      const badge = f.track === "installer" ? "certified_installer" : f.track === "auditor" ? "certified_auditor" : "enterprise_certified";
      await db.insert(partnerBadges).values({
        partnerId: p.id,
        kind: "track",
        badge,
        tier: f.tier,
        state: f.trackBadge,
        issuedAt: daysAgo(100),
        stateChangedAt: daysAgo(10),
        revokedReason: f.trackBadge === "revoked" ? "Test" : null,
      });
    }
    // A performance badge never counts as certification.
    await db.insert(partnerBadges).values({ partnerId: p.id, kind: "performance", badge: "fast_installer", state: "active", issuedAt: daysAgo(5), stateChangedAt: daysAgo(5) });
    await db.insert(survivalWindows).values([
      { owner: p.id, stack: "all", windowDays: 30, checks: 10, assetsChecked: f.survival30.checked, assetsSurvived: f.survival30.survived, computedAt: NOW },
      // Other windows and stacks are not the 30-day figure.
      { owner: p.id, stack: "all", windowDays: 90, checks: 10, assetsChecked: 10, assetsSurvived: 0, computedAt: NOW },
    ]);
    for (const t of f.tti) {
      await db.insert(ttiRollups).values({ owner: p.id, stack: t.stack, installsStarted: t.verified + 1, installsVerified: t.verified, p50Seconds: t.p50Seconds, p95Seconds: t.p50Seconds, computedAt: NOW });
    }
    await db.insert(ttiRollups).values({ owner: p.id, stack: "all", installsStarted: 99, installsVerified: 99, p50Seconds: 10, p95Seconds: 10, computedAt: NOW });
    // Installs: the activity ones, plus one far in the past that carries the reports and exports.
    const [carrier] = await db
      .insert(installs)
      .values({ partnerId: p.id, stack: "wordpress", siteUrl: `https://c${i}.example`, customerName: "C", startedAt: daysAgo(2000), source: "seed" })
      .returning();
    for (const at of f.installDates) {
      await db.insert(installs).values({ partnerId: p.id, stack: "wordpress", siteUrl: `https://s${i}.example`, customerName: "C", startedAt: at, source: "seed" });
    }
    for (const at of f.reports) {
      await db.insert(survivalReports).values({ installId: carrier!.id, partnerId: p.id, periodStart: daysAgo(2100), periodEnd: daysAgo(2000), publishedAt: at, createdAt: daysAgo(2000) });
    }
    // An unpublished report counts for nothing.
    await db.insert(survivalReports).values({ installId: carrier!.id, partnerId: p.id, periodStart: daysAgo(20), periodEnd: daysAgo(10), createdAt: daysAgo(2000) });
    for (const at of f.exports) {
      await db.insert(evidenceExports).values({ partnerId: p.id, periodStart: daysAgo(30), periodEnd: at, files: 1, bytes: 1, manifestSha256: "0".repeat(64), checks: 1, manifest: {}, createdAt: at });
    }
    for (const l of f.leads) {
      await db.insert(leads).values({ partnerId: p.id, name: "Lead", email: "lead@example.test", message: "Hello", status: l.answeredAt ? "answered" : "new", createdAt: l.createdAt, answeredAt: l.answeredAt });
    }
    const scores = [...Array(f.nps.promoters).fill(10), ...Array(f.nps.passives).fill(7), ...Array(f.nps.detractors).fill(3)];
    for (const [n, score] of scores.entries()) {
      const [inv] = await db
        .insert(npsInvitations)
        .values({ surveyId: survey!.id, partnerId: p.id, email: `c${i}-${n}@example.test`, tokenHash: `${p.id}-${n}`, sentAt: daysAgo(40), expiresAt: daysAgo(-10), respondedAt: daysAgo(30) })
        .returning();
      await db.insert(npsResponses).values({ invitationId: inv!.id, surveyId: survey!.id, audience: "customer", quarter: "2026-Q2", partnerId: p.id, score, respondedAt: daysAgo(30) });
    }
  }
  // Responses older than a year count for nobody, not even the program mean.
  const oldPartner = fixture.find((f) => f.status !== "suspended")!;
  const [inv] = await db
    .insert(npsInvitations)
    .values({ surveyId: survey!.id, partnerId: oldPartner.id, email: "old@example.test", tokenHash: "old", sentAt: daysAgo(400), expiresAt: daysAgo(370), respondedAt: daysAgo(366) })
    .returning();
  await db.insert(npsResponses).values({ invitationId: inv!.id, surveyId: survey!.id, audience: "customer", quarter: "2025-Q2", partnerId: oldPartner.id, score: 0, respondedAt: daysAgo(366) });
}

describe("the ranking run (SQL) agrees with the pure module", () => {
  it("gives the same components, scores and ranks on a varied fixture", async () => {
    const faker = new Faker({ locale: [en] });
    faker.seed(7);
    const fixture = buildFixture(faker, 32);
    await insertFixture(fixture);

    const db = await getDb();
    const first = await recomputeRankings(db, NOW);
    const listed = fixture.filter((f) => f.status !== "suspended");
    expect(first).toEqual({ ranked: listed.length, changed: listed.length, removed: 0 });

    const expected = rankPartners(listed, NOW);
    const rows = await db.select().from(partnerRankings).orderBy(asc(partnerRankings.rank));
    expect(rows.map((r) => r.partnerId)).toEqual(expected.map((e) => e.id));
    for (const [i, row] of rows.entries()) {
      const e = expected[i]!;
      expect(row.rank).toBe(e.rank);
      expect(row.score).toBe(e.score);
      expect(row.compliance).toBeCloseTo(e.compliance, 9);
      expect(row.performance).toBeCloseTo(e.performance, 9);
      expect(row.satisfaction).toBeCloseTo(e.satisfaction, 9);
      expect(row.recency).toBeCloseTo(e.recency, 9);
      expect(row.placementBand).toBe(e.placementBand);
      expect(Boolean(row.onProbation)).toBe(e.onProbation);
      expect(row.computedAt).toEqual(NOW);
    }

    // A second run over the same data changes nothing; suspending a partner removes it.
    expect(await recomputeRankings(db, NOW)).toEqual({ ranked: listed.length, changed: 0, removed: 0 });
    const { eq } = await import("drizzle-orm");
    await db.update(partners).set({ status: "suspended" }).where(eq(partners.id, expected[0]!.id));
    const third = await recomputeRankings(db, NOW);
    expect(third.ranked).toBe(listed.length - 1);
    expect(third.removed).toBe(1);
    const [top] = await db.select().from(partnerRankings).orderBy(asc(partnerRankings.rank)).limit(1);
    expect(top!.partnerId).toBe(expected[1]!.id);
  }, 90_000);

  it("runs from the cron route and answers with counts", async () => {
    await makePartner({ name: "Cron Partner" });
    const res = await rankingCron(new NextRequest("http://localhost:3000/api/cron/ranking", { method: "POST" }));
    expect(res.status).toBe(200);
    const body = await res.json();
    expect(body).toMatchObject({ processed: expect.any(Number), skipped: 0, changed: expect.any(Number) });
    expect(body.processed).toBeGreaterThan(0);
  });
});
