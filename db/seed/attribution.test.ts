import { eq, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDb, queryRows } from "../client";
import { commissions, conversions, dealConflicts, deals, linkClicks, partners, trackingLinks } from "../schema";
import { authenticateApiKey } from "@/lib/api-keys/manage-keys";
import { funnelFor } from "@/lib/attribution/store";
import { DEMO_PARTNER_API_KEY, seedDemo } from ".";

const NOW = new Date("2026-11-26T09:00:00Z");

describe("attribution demo seed", () => {
  it("shows links, clicks, a funnel, deals in every stage with conflicts, and commissions in every state", { timeout: 120_000 }, async () => {
    const db = await getDb();
    await seedDemo(db, { now: NOW });
    const [bright] = await db.select().from(partners).where(eq(partners.slug, "brightpixel-studio"));

    expect((await db.select().from(trackingLinks).where(eq(trackingLinks.partnerId, bright!.id))).length).toBeGreaterThanOrEqual(3);
    const clicks = await db.select().from(linkClicks);
    expect(clicks.some((c) => c.isBot && !c.counted)).toBe(true);
    expect(clicks.some((c) => !c.isBot && !c.counted)).toBe(true);

    const funnel = await funnelFor(bright!.id, new Date(NOW.getTime() - 90 * 86_400_000));
    expect(funnel.clicks).toBeGreaterThan(funnel.signups);
    expect(funnel.signups).toBeGreaterThan(funnel.pilots);
    expect(funnel.pilots).toBeGreaterThanOrEqual(funnel.paid);
    expect(funnel.paid).toBeGreaterThan(0);

    const stages = new Set((await db.select({ stage: deals.stage }).from(deals)).map((d) => d.stage));
    expect([...stages].sort()).toEqual(["accepted", "expired", "lost", "registered", "won"]);
    const open = await db.select().from(dealConflicts).where(eq(dealConflicts.status, "open"));
    expect(open.length).toBeGreaterThanOrEqual(2);

    const states = await queryRows<{ status: string; n: number }>(db, sql`select status, count(*)::int as n from commissions group by status`);
    expect(states.map((s) => s.status).sort()).toEqual(["held", "paid", "payable", "pending", "reversed"]);
    const held = await db.select().from(commissions).where(eq(commissions.status, "held"));
    expect(held.flatMap((h) => h.heldReasons ?? []).map((r) => r.rule)).toEqual(expect.arrayContaining(["self_referral", "click_flood"]));

    expect((await db.select().from(conversions).where(eq(conversions.status, "unmatched"))).length).toBeGreaterThan(0);
    expect((await authenticateApiKey(DEMO_PARTNER_API_KEY, NOW))?.scopes).toEqual(expect.arrayContaining(["partner:read", "deals:write", "commissions:read"]));
  });
});
