import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDb } from "../client";
import { partners, webhookDeliveries, webhookEndpoints } from "../schema";
import { seedDemo } from ".";

describe("webhooks demo seed", () => {
  it("gives the demo partners endpoints with deliveries in every state", { timeout: 120_000 }, async () => {
    const db = await getDb();
    await seedDemo(db, { now: new Date("2026-11-26T09:00:00Z") });
    const endpoints = await db.select({ e: webhookEndpoints, slug: partners.slug }).from(webhookEndpoints).innerJoin(partners, eq(partners.id, webhookEndpoints.partnerId));
    expect(new Set(endpoints.map((r) => r.slug))).toEqual(new Set(["brightpixel-studio", "ledgerline-assurance", "northwind-integrations"]));
    expect(endpoints.map((r) => r.e.disabledReason).sort()).toEqual(["failing", "gone", null, null, null].sort());
    expect(endpoints.some((r) => r.e.status === "active" && r.e.failingSince)).toBe(true);
    const statuses = new Set((await db.select({ s: webhookDeliveries.status }).from(webhookDeliveries)).map((r) => r.s));
    expect(statuses).toEqual(new Set(["pending", "succeeded", "failed", "dead"]));
  });
});
