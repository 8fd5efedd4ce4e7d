import { eq, inArray } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { partners, tierChanges } from "@/db/schema";
import type { Tier } from "@/lib/partners/constants";
import { makePartner, T0 } from "@/lib/testing/factories";
import { insertTierChange, insertTierChanges, setPartnerProbation, setPartnerProbations, setPartnerTier, setPartnerTiers, type TierChangeInsert } from "./store";

// The batch writes of the nightly run leave the same rows as the single ones.

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
