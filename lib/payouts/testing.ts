import { getDb } from "@/db/client";
import { commissions, partnerPayoutSettings } from "@/db/schema";
import type { CommissionKind, CommissionStatus } from "@/db/schema";
import { newId } from "@/lib/ids";
import { makeTeam } from "@/lib/testing/factories";

// Test builders for payouts: partners with payout settings, commissions in a state.

const DAY = 86_400_000;

export async function makePayee(opts: { ready?: boolean; currency?: string; stripeAccountId?: string | null; payoutsEnabled?: boolean; tax?: "missing" | "submitted" | "verified" } = {}) {
  const team = await makeTeam({ currency: opts.currency ?? "USD" });
  const db = await getDb();
  const ready = opts.ready ?? true;
  await db.insert(partnerPayoutSettings).values({
    partnerId: team.partner.id,
    termsAcceptedAt: ready ? new Date("2026-01-01T00:00:00Z") : null,
    termsVersion: ready ? "2026-11" : null,
    taxFormStatus: opts.tax ?? (ready ? "verified" : "missing"),
    taxFormType: ready ? "w9" : null,
    stripeAccountId: opts.stripeAccountId ?? null,
    payoutsEnabled: opts.payoutsEnabled ?? false,
    updatedAt: new Date("2026-01-01T00:00:00Z"),
  });
  return team;
}

export async function addCommission(partnerId: string, amountCents: number, earnedAt: Date, opts: { status?: CommissionStatus; kind?: CommissionKind; currency?: string; customerId?: string } = {}) {
  const db = await getDb();
  const kind = opts.kind ?? (amountCents < 0 ? "clawback" : "subscription");
  const [row] = await db
    .insert(commissions)
    .values({
      partnerId,
      customerId: opts.customerId ?? `cus_${newId("commission").slice(4, 14)}`,
      kind,
      sourceKey: `test:${newId("commission")}`,
      sku: kind === "clawback" ? null : "provenance-pro",
      baseCents: amountCents * 4,
      rateBps: kind === "clawback" ? null : 2500,
      grossCents: amountCents,
      refundedCents: 0,
      amountCents,
      currency: opts.currency ?? "USD",
      status: opts.status ?? "payable",
      earnedAt,
      holdUntil: new Date(earnedAt.getTime() + 30 * DAY),
      createdAt: earnedAt,
      updatedAt: earnedAt,
    })
    .returning();
  return row!;
}
