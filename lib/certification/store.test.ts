import { eq, inArray } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { certifications, partnerBadges, partners, tierChanges } from "@/db/schema";
import type { Tier } from "@/lib/partners/constants";
import { makePartner, T0 } from "@/lib/testing/factories";
import { insertTierChange, insertTierChanges, setPartnerProbation, setPartnerProbations, setPartnerTier, setPartnerTiers, upsertBadges, upsertCertifications, type TierChangeInsert } from "./store";

// The nightly run's batch writes: the same rows as the single ones, and the upserts.

const DAY = 86_400_000;
const at = (days: number) => new Date(T0.getTime() + days * DAY);
const LATER = at(3);

type PartnerOverrides = Parameters<typeof makePartner>[0];

/** Two partners in the same state: one written by the single function, one by the batch. */
async function twins(over: PartnerOverrides) {
  return { single: await makePartner({ ...over, updatedAt: at(-10) }), batch: await makePartner({ ...over, updatedAt: at(-10) }) };
}

async function stateOf(id: string) {
  const db = await getDb();
  const [p] = await db.select().from(partners).where(eq(partners.id, id));
  return { tier: p!.tier, status: p!.status, probationEndsAt: p!.probationEndsAt, updatedAt: p!.updatedAt };
}

describe("setPartnerTiers", () => {
  it("moves each partner to its tier as setPartnerTier does, and touches no other partner", async () => {
    const cases: [PartnerOverrides, Tier][] = [
      [{ tier: "verified" }, "advanced"],
      [{ tier: "premier" }, "verified"],
      [{ tier: "advanced", status: "suspended" }, "premier"],
    ];
    const pairs = await Promise.all(cases.map(async ([over, tier]) => ({ ...(await twins(over)), tier })));
    const bystander = await makePartner({ tier: "advanced", updatedAt: at(-10) });
    const db = await getDb();
    await db.transaction(async (tx) => {
      for (const p of pairs) await setPartnerTier(tx, p.single.id, p.tier, LATER);
      await setPartnerTiers(tx, pairs.map((p) => ({ partnerId: p.batch.id, tier: p.tier })), LATER);
      await setPartnerTiers(tx, [], LATER);
    });
    for (const p of pairs) {
      const batch = await stateOf(p.batch.id);
      expect(batch).toEqual(await stateOf(p.single.id));
      expect(batch).toMatchObject({ tier: p.tier, updatedAt: LATER });
    }
    expect(await stateOf(bystander.id)).toMatchObject({ tier: "advanced", updatedAt: at(-10) });
  });
});

describe("setPartnerProbations", () => {
  it("puts partners into probation with its end, or takes them out keeping the end date, as setPartnerProbation does; suspended partners stay suspended", async () => {
    const cases: [PartnerOverrides, boolean, Date | null][] = [
      [{ status: "active" }, true, at(60)],
      [{ status: "probation", probationEndsAt: at(-1) }, false, null],
      [{ status: "probation", probationEndsAt: at(5) }, true, at(61)],
      [{ status: "active", probationEndsAt: at(-100) }, false, null],
      [{ status: "suspended" }, true, at(60)],
      [{ status: "suspended", probationEndsAt: at(-1) }, false, null],
    ];
    const pairs = await Promise.all(cases.map(async ([over, probation, endsAt]) => ({ ...(await twins(over)), probation, endsAt })));
    const bystander = await makePartner({ status: "probation", probationEndsAt: at(9), updatedAt: at(-10) });
    const db = await getDb();
    await db.transaction(async (tx) => {
      for (const p of pairs) await setPartnerProbation(tx, p.single.id, p.probation, p.endsAt, LATER);
      await setPartnerProbations(tx, pairs.map((p) => ({ partnerId: p.batch.id, probation: p.probation, endsAt: p.endsAt })), LATER);
      await setPartnerProbations(tx, [], LATER);
    });
    for (const p of pairs) expect(await stateOf(p.batch.id)).toEqual(await stateOf(p.single.id));
    const [into, out, again, outActive, suspendedIn, suspendedOut] = await Promise.all(pairs.map((p) => stateOf(p.batch.id)));
    expect(into).toMatchObject({ status: "probation", probationEndsAt: at(60), updatedAt: LATER });
    expect(out).toMatchObject({ status: "active", probationEndsAt: at(-1), updatedAt: LATER });
    expect(again).toMatchObject({ status: "probation", probationEndsAt: at(61), updatedAt: LATER });
    expect(outActive).toMatchObject({ status: "active", probationEndsAt: at(-100), updatedAt: LATER });
    expect(suspendedIn).toMatchObject({ status: "suspended", probationEndsAt: null, updatedAt: at(-10) });
    expect(suspendedOut).toMatchObject({ status: "suspended", probationEndsAt: at(-1), updatedAt: at(-10) });
    expect(await stateOf(bystander.id)).toEqual({ tier: "verified", status: "probation", probationEndsAt: at(9), updatedAt: at(-10) });
  });
});

describe("insertTierChanges", () => {
  it("writes the rows insertTierChange writes, past one multi-row insert", async () => {
    const { single, batch } = await twins({ tier: "advanced" });
    const row = (partnerId: string, i: number): TierChangeInsert => ({
      partnerId,
      fromTier: i % 2 ? "advanced" : "verified",
      toTier: i % 2 ? "verified" : "premier",
      reason: (["thresholds", "miss_twice", "probation"] as const)[i % 3]!,
      note: `Change ${i}`,
      actorLabel: "Certification evaluation",
      at: at(i % 7),
    });
    const db = await getDb();
    await db.transaction(async (tx) => {
      for (let i = 0; i < 3; i++) await insertTierChange(tx, row(single.id, i));
      await insertTierChanges(tx, Array.from({ length: 1_001 }, (_, i) => row(batch.id, i)));
      await insertTierChanges(tx, []);
    });
    const rows = await db.select().from(tierChanges).where(inArray(tierChanges.partnerId, [single.id, batch.id]));
    const written = rows.filter((r) => r.partnerId === batch.id);
    expect(written).toHaveLength(1_001);
    expect(new Set(written.map((r) => r.id)).size).toBe(1_001);
    expect(written.every((r) => /^tch_[0-9a-z]{20}$/.test(r.id))).toBe(true);
    const strip = (r: (typeof rows)[number]) => ({ ...r, id: undefined, partnerId: undefined });
    const byNote = new Map(written.map((r) => [r.note, r]));
    for (const one of rows.filter((r) => r.partnerId === single.id)) expect(strip(byNote.get(one.note)!)).toEqual(strip(one));
    expect(written.map((r) => r.note).sort()).toEqual(Array.from({ length: 1_001 }, (_, i) => `Change ${i}`).sort());
  });
});

describe("upsertBadges", () => {
  it("inserts new badges, updates held ones (the state change time moves only with the state), leaves revoked ones alone and returns the rows written", async () => {
    const p = await makePartner({ track: "installer" });
    const q = await makePartner({ track: "auditor" });
    const db = await getDb();
    const [held] = await db.insert(partnerBadges).values({ partnerId: p.id, kind: "track", badge: "certified_installer", tier: "verified", state: "probation", issuedAt: at(-70), expiresAt: at(295), stateChangedAt: at(-70), createdAt: at(-70), updatedAt: at(-70) }).returning();
    const [sameState] = await db.insert(partnerBadges).values({ partnerId: p.id, kind: "performance", badge: "fast_installer", state: "active", issuedAt: at(-50), stateChangedAt: at(-50), createdAt: at(-50), updatedAt: at(-50) }).returning();
    const [revoked] = await db.insert(partnerBadges).values({ partnerId: q.id, kind: "performance", badge: "compliance_pro", state: "revoked", revokedReason: "Misuse", issuedAt: at(-300), stateChangedAt: at(-10), createdAt: at(-300), updatedAt: at(-10) }).returning();
    const written = await db.transaction((tx) =>
      upsertBadges(
        tx,
        [
          { partnerId: p.id, badge: "certified_installer", kind: "track", tier: "advanced", state: "active", issuedAt: at(-70), expiresAt: at(295) },
          { partnerId: p.id, badge: "fast_installer", kind: "performance", tier: null, state: "active", issuedAt: at(-50), expiresAt: null },
          { partnerId: q.id, badge: "compliance_pro", kind: "performance", tier: null, state: "active", issuedAt: T0, expiresAt: null },
          { partnerId: q.id, badge: "certified_auditor", kind: "track", tier: "verified", state: "probation", issuedAt: T0, expiresAt: at(365) },
        ],
        T0,
      ),
    );
    const rows = await db.select().from(partnerBadges).where(inArray(partnerBadges.partnerId, [p.id, q.id]));
    const row = (id: string) => rows.find((r) => r.id === id)!;
    const created = rows.find((r) => r.partnerId === q.id && r.badge === "certified_auditor")!;
    expect(written.map((w) => `${w.partnerId}:${w.badge}:${w.id}`).sort()).toEqual(
      [`${p.id}:certified_installer:${held!.id}`, `${p.id}:fast_installer:${sameState!.id}`, `${q.id}:certified_auditor:${created.id}`].sort(),
    );
    expect(row(held!.id)).toEqual({ ...held, tier: "advanced", state: "active", stateChangedAt: T0, updatedAt: T0 });
    expect(row(sameState!.id)).toEqual({ ...sameState, updatedAt: T0 });
    expect(row(revoked!.id)).toEqual(revoked);
    expect(created).toMatchObject({ kind: "track", tier: "verified", state: "probation", issuedAt: T0, expiresAt: at(365), stateChangedAt: T0, createdAt: T0, updatedAt: T0, revokedReason: null });
    expect(created.id).toMatch(/^bdg_[0-9a-z]{20}$/);
    expect(await db.transaction((tx) => upsertBadges(tx, [], T0))).toEqual([]);
  });
});

describe("upsertCertifications", () => {
  it("inserts or updates each partner's certification row, keeping an admin's tier override", async () => {
    const p = await makePartner();
    const q = await makePartner();
    const db = await getDb();
    await db.insert(certifications).values({ partnerId: p.id, status: "certified", certifiedAt: at(-200), expiresAt: at(165), tierOverrideUntil: at(30), requirementsMet: 2, requirementsTotal: 4, evaluatedAt: at(-1), updatedAt: at(-1) });
    await db.transaction(async (tx) => {
      await upsertCertifications(
        tx,
        [
          { partnerId: p.id, status: "recertifying", certifiedAt: at(-200), expiresAt: at(165), lastDowngradeAt: at(-3), lastReminderAt: T0, requirementsMet: 3, requirementsTotal: 4 },
          { partnerId: q.id, status: "uncertified", certifiedAt: null, expiresAt: null, lastDowngradeAt: null, lastReminderAt: null, requirementsMet: 1, requirementsTotal: 4 },
        ],
        T0,
      );
      await upsertCertifications(tx, [], T0);
    });
    const rows = new Map((await db.select().from(certifications).where(inArray(certifications.partnerId, [p.id, q.id]))).map((r) => [r.partnerId, r]));
    expect(rows.get(p.id)).toEqual({ partnerId: p.id, status: "recertifying", certifiedAt: at(-200), expiresAt: at(165), lastDowngradeAt: at(-3), lastReminderAt: T0, tierOverrideUntil: at(30), requirementsMet: 3, requirementsTotal: 4, evaluatedAt: T0, updatedAt: T0 });
    expect(rows.get(q.id)).toEqual({ partnerId: q.id, status: "uncertified", certifiedAt: null, expiresAt: null, lastDowngradeAt: null, lastReminderAt: null, tierOverrideUntil: null, requirementsMet: 1, requirementsTotal: 4, evaluatedAt: T0, updatedAt: T0 });
  });
});
