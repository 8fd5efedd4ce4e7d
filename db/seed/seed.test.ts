import { count, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDb } from "../client";
import { authenticateApiKey } from "@/lib/api-keys/manage-keys";
import { DEMO_ACCOUNTS } from "@/lib/auth/demo-accounts";
import { TIERS, TRACKS } from "@/lib/partners/constants";
import { isOnProbation } from "@/lib/partners/rules";
import { memberships, partners, users } from "../schema";
import { buildDemoData, DEMO_PARTNER_API_KEY, DEMO_PLATFORM_API_KEY, isSeeded, seedDemo } from ".";

const NOW = new Date("2026-11-26T09:00:00Z");

describe("demo seed", () => {
  // The whole demo (every area's seeder) in one transaction: slow on a busy machine.
  it("builds a realistic program once, and knows it did", { timeout: 120_000 }, async () => {
    const db = await getDb();
    expect(await isSeeded(db)).toBe(false);
    const result = await seedDemo(db, { now: NOW });
    expect(result.partners).toBeGreaterThanOrEqual(60);
    expect(await isSeeded(db)).toBe(true);

    const rows = await db.select().from(partners);
    for (const track of TRACKS) for (const tier of TIERS) {
      expect(rows.some((p) => p.track === track && p.tier === tier), `${track}/${tier}`).toBe(true);
    }
    expect(rows.filter((p) => isOnProbation(p, NOW)).length).toBeGreaterThanOrEqual(5);
    expect(new Set(rows.flatMap((p) => p.regions)).size).toBeGreaterThanOrEqual(4);
    expect(new Set(rows.flatMap((p) => p.stacks)).size).toBe(4);
    expect(new Set(rows.flatMap((p) => p.languages)).size).toBeGreaterThanOrEqual(5);

    // Every partner has an owner.
    const owners = await db.select({ partnerId: memberships.partnerId, n: count() }).from(memberships)
      .where(eq(memberships.role, "owner")).groupBy(memberships.partnerId);
    expect(owners).toHaveLength(rows.length);

    // The demo logins exist with their roles, and the demo keys work.
    for (const account of DEMO_ACCOUNTS) {
      const [u] = await db.select().from(users).where(eq(users.email, account.email));
      expect(u?.role).toBe(account.role === "admin" ? "admin" : "user");
    }
    const partnerKey = await authenticateApiKey(DEMO_PARTNER_API_KEY, NOW);
    const bright = rows.find((p) => p.slug === "brightpixel-studio")!;
    expect(partnerKey).toMatchObject({ kind: "partner", partnerId: bright.id });
    expect(await authenticateApiKey(DEMO_PLATFORM_API_KEY, NOW)).toMatchObject({ kind: "platform" });
  });

  it("is deterministic: the same day gives the same rows", () => {
    const a = buildDemoData(NOW);
    const b = buildDemoData(NOW);
    expect(b).toEqual(a);
    expect(a.partners.map((p) => p.id)).toEqual(b.partners.map((p) => p.id));
    expect(new Set(a.partners.map((p) => p.slug)).size).toBe(a.partners.length);
  });
});
