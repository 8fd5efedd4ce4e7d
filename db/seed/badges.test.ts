import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDb } from "../client";
import { badgeEmbeds, badgePages, badgeViolations, partnerBadges, partners } from "../schema";
import { seedDemo } from ".";

describe("badges demo seed", () => {
  it("has badges in every state, declared pages, embeds and violations in every state", { timeout: 120_000 }, async () => {
    const db = await getDb();
    await seedDemo(db, { now: new Date("2026-11-26T09:00:00Z") });
    const badges = await db.select({ b: partnerBadges, slug: partners.slug }).from(partnerBadges).innerJoin(partners, eq(partners.id, partnerBadges.partnerId));
    expect(new Set(badges.map((r) => r.b.state))).toEqual(new Set(["active", "probation", "expired", "revoked"]));
    const bright = badges.filter((r) => r.slug === "brightpixel-studio").map((r) => `${r.b.badge}:${r.b.state}`).sort();
    expect(bright).toEqual(["certified_installer:active", "fast_installer:active", "five_star_nps:active"]);
    const ledger = badges.filter((r) => r.slug === "ledgerline-assurance").map((r) => r.b.badge).sort();
    expect(ledger).toEqual(["certified_auditor", "compliance_pro"]);
    expect((await db.select().from(badgePages)).length).toBeGreaterThanOrEqual(5);
    expect((await db.select().from(badgeEmbeds)).length).toBeGreaterThanOrEqual(5);
    const statuses = new Set((await db.select({ s: badgeViolations.status }).from(badgeViolations)).map((r) => r.s));
    expect(statuses).toEqual(new Set(["open", "fix_claimed", "resolved", "escalated"]));
  });
});
