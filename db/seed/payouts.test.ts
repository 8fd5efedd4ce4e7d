import { eq, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { queryRows } from "@/db/client";
import { authenticateApiKey } from "@/lib/api-keys/manage-keys";
import { ledgerBalances } from "@/lib/payouts/ledger";
import { getDb } from "../client";
import { partnerPayoutSettings, partners, payouts } from "../schema";
import { DEMO_PARTNER_API_KEY, seedDemo } from ".";

describe("payouts demo seed", () => {
  it("shows every payout state, a carried balance, a missing tax form, and balanced payouts", { timeout: 120_000 }, async () => {
    const db = await getDb();
    await seedDemo(db, { now: new Date("2026-11-26T09:00:00Z") });
    const rows = await db.select({ p: payouts, slug: partners.slug }).from(payouts).innerJoin(partners, eq(partners.id, payouts.partnerId));
    expect(new Set(rows.map((r) => r.p.status))).toEqual(new Set(["paid", "failed", "manual", "pending", "held"]));
    const of = (slug: string) => rows.filter((r) => r.slug === slug).map((r) => `${r.p.period}:${r.p.status}`).sort();
    expect(of("brightpixel-studio")).toEqual(["2026-07:paid", "2026-08:paid", "2026-09:failed"]);
    expect(of("ledgerline-assurance")).toEqual(["2026-07:paid", "2026-08:paid"]);
    expect(of("northwind-integrations").every((s) => s.endsWith(":held"))).toBe(true);

    const unbalanced = await queryRows<{ id: string }>(
      db,
      sql`select p.id from payouts p left join payout_lines l on l.payout_id = p.id group by p.id, p.total_cents having coalesce(sum(l.amount_cents), 0) <> p.total_cents`,
    );
    expect(unbalanced).toEqual([]);

    const [north] = await db.select().from(partnerPayoutSettings).innerJoin(partners, eq(partners.id, partnerPayoutSettings.partnerId)).where(eq(partners.slug, "northwind-integrations"));
    expect(north!.partner_payout_settings.taxFormStatus).toBe("missing");
    expect((await db.select().from(partnerPayoutSettings).where(eq(partnerPayoutSettings.taxFormStatus, "submitted"))).length).toBeGreaterThan(0);

    const carried = await queryRows<{ partner_id: string }>(db, sql`select partner_id from ledger_entries where source_ref = 'seed-goodwill-1'`);
    expect(await ledgerBalances(db, carried[0]!.partner_id)).toEqual({ USD: 3_200 });
    expect((await authenticateApiKey(DEMO_PARTNER_API_KEY, new Date("2026-11-26T09:00:00Z")))?.scopes).toContain("payouts:read");
  });
});
