import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { auditEvents, emailOutbox, events, mdfRequests, uploads } from "@/db/schema";
import { makeAdmin, makeTeam, T0 } from "@/lib/testing/factories";
import { decideMdfClaim } from "./decide-claim";
import { decideMdfRequest } from "./decide-request";
import { requestMdf } from "./request-mdf";
import { budgetSummary, decideRequest, evaluateClaim, evaluateMdfRequest, reimbursableCents, type MdfAmounts } from "./rules";
import { submitMdfClaim } from "./submit-claim";
import { budgetOf } from "./views";

const DAY = 86_400_000;
const at = (days: number) => new Date(T0.getTime() + days * DAY);
const input = (amount: number, over: Record<string, unknown> = {}) => ({
  activityType: "webinar",
  title: "Provenance for storefronts webinar",
  startsOn: "2026-04-10",
  endsOn: "2026-04-10",
  amount,
  expectedLeads: 40,
  ...over,
});
const PDF = new TextEncoder().encode("%PDF-1.4\n% receipt\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n");
const receipt = { bytes: PDF, filename: "invoice.pdf", declaredType: "application/pdf" };

describe("MDF rules", () => {
  const req = (status: MdfAmounts["status"], requested: number, approved: number | null = null, reimbursed: number | null = null): MdfAmounts => ({
    status,
    requestedCents: requested,
    approvedCents: approved,
    reimbursedCents: reimbursed,
  });

  it("the worked example: pending and approved amounts are held, a partial approval frees the rest", () => {
    expect(budgetSummary("advanced", 2026, [req("pending", 400_000), req("approved", 300_000, 300_000)]).remainingCents).toBe(300_000);
    expect(budgetSummary("advanced", 2026, [req("partly_approved", 400_000, 250_000), req("approved", 300_000, 300_000)]).remainingCents).toBe(450_000);
    // Reimbursed under-spend and rejections go back to the budget.
    expect(budgetSummary("advanced", 2026, [req("reimbursed", 300_000, 300_000, 120_000), req("rejected", 900_000), req("claim_rejected", 100_000, 100_000)]).remainingCents).toBe(880_000);
    expect(budgetSummary("verified", 2026, []).budgetCents).toBe(0);
  });

  const base = { partner: { tier: "advanced" as const, status: "active" as const }, startsOn: "2026-04-10", endsOn: "2026-04-12", sameYear: [] as MdfAmounts[], now: T0 };
  it.each([
    ["exactly the budget", { amountCents: 1_000_000 }, true],
    ["one cent over", { amountCents: 1_000_001 }, "conflict"],
    ["a verified partner", { amountCents: 100, partner: { tier: "verified", status: "active" } }, "forbidden"],
    ["a partner on probation", { amountCents: 100, partner: { tier: "advanced", status: "probation" } }, "forbidden"],
    ["a start in the past", { amountCents: 100, startsOn: "2026-03-01" }, "validation_failed"],
    ["a start today", { amountCents: 100, startsOn: "2026-03-02" }, true],
    ["an end before the start", { amountCents: 100, endsOn: "2026-04-09" }, "validation_failed"],
    ["92 days", { amountCents: 100, endsOn: "2026-07-10" }, true],
    ["93 days", { amountCents: 100, endsOn: "2026-07-11" }, "validation_failed"],
  ] as const)("request: %s", (_name, over, expected) => {
    const r = evaluateMdfRequest({ ...base, ...over } as Parameters<typeof evaluateMdfRequest>[0]);
    expect(r.ok ? true : r.code).toBe(expected);
  });

  it("decisions: full, partial (strictly between zero and the request), reject; only once", () => {
    expect(decideRequest({ status: "pending", requestedCents: 500 }, { decision: "approve" })).toEqual({ ok: true, status: "approved", approvedCents: 500 });
    expect(decideRequest({ status: "pending", requestedCents: 500 }, { decision: "partly_approve", approvedCents: 499 })).toEqual({ ok: true, status: "partly_approved", approvedCents: 499 });
    expect(decideRequest({ status: "pending", requestedCents: 500 }, { decision: "partly_approve", approvedCents: 500 })).toMatchObject({ ok: false });
    expect(decideRequest({ status: "pending", requestedCents: 500 }, { decision: "reject" })).toEqual({ ok: true, status: "rejected", approvedCents: null });
    expect(decideRequest({ status: "approved", requestedCents: 500 }, { decision: "reject" })).toMatchObject({ ok: false, code: "conflict" });
  });

  it("claims only after the activity ends; reimbursement is capped at the approved amount", () => {
    const r = { status: "approved" as const, endsOn: "2026-04-12", approvedCents: 1000 };
    expect(evaluateClaim(r, 900, new Date("2026-04-11T23:59:59Z")).ok).toBe(false);
    expect(evaluateClaim(r, 900, new Date("2026-04-12T00:00:00Z")).ok).toBe(true);
    expect(evaluateClaim({ ...r, status: "pending" }, 900, at(60)).ok).toBe(false);
    expect(reimbursableCents({ approvedCents: 1000, claimedCents: 1200 })).toBe(1000);
    expect(reimbursableCents({ approvedCents: 1000, claimedCents: 640 })).toBe(640);
  });
});

describe("MDF requests, decisions and claims", () => {
  it("a request within budget is stored pending and audited; over budget or ineligible is refused with nothing written", async () => {
    const { partner, asOwner } = await makeTeam({ tier: "advanced" });
    const row = await requestMdf({ principal: asOwner, partnerId: partner.id, input: input(600_000), now: T0 });
    expect(row).toMatchObject({ status: "pending", requestedCents: 600_000, budgetYear: 2026 });
    expect((await budgetOf(partner.id, 2026)).remainingCents).toBe(400_000);
    await expect(requestMdf({ principal: asOwner, partnerId: partner.id, input: input(400_001), now: T0 })).rejects.toMatchObject({
      code: "conflict",
      fields: { amount: [expect.stringContaining("$4,000.00")] },
    });
    await expect(requestMdf({ principal: asOwner, partnerId: partner.id, input: input(-5), now: T0 })).rejects.toMatchObject({ code: "validation_failed", fields: { amount: expect.any(Array) } });
    const verified = await makeTeam({ tier: "verified" });
    await expect(requestMdf({ principal: verified.asOwner, partnerId: verified.partner.id, input: input(100), now: T0 })).rejects.toMatchObject({ code: "forbidden" });
    const db = await getDb();
    expect(await db.select().from(mdfRequests).where(eq(mdfRequests.partnerId, partner.id))).toHaveLength(1);
    expect(await db.select().from(mdfRequests).where(eq(mdfRequests.partnerId, verified.partner.id))).toHaveLength(0);
    const [a] = await db.select().from(auditEvents).where(and(eq(auditEvents.objectId, row.id), eq(auditEvents.action, "mdf_request.created")));
    expect(a).toBeTruthy();
  });

  it("concurrent requests can never overspend the budget", async () => {
    const { partner, asOwner, asMember } = await makeTeam({ tier: "advanced" });
    // Ten requests of $3,000 against $10,000: exactly three fit.
    const results = await Promise.allSettled(
      Array.from({ length: 10 }, (_, i) => requestMdf({ principal: i % 2 ? asMember : asOwner, partnerId: partner.id, input: input(300_000, { title: `Event ${i}` }), now: T0 })),
    );
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(3);
    expect(results.filter((r) => r.status === "rejected").every((r) => (r as PromiseRejectedResult).reason.code === "conflict")).toBe(true);
    const b = await budgetOf(partner.id, 2026);
    expect(b.pendingCents).toBe(900_000);
    expect(b.remainingCents).toBe(100_000);
  });

  it("an admin approves, partly approves or rejects with a reason; events and audit follow", async () => {
    const { partner, asOwner } = await makeTeam({ tier: "premier" });
    const admin = await makeAdmin();
    const a = await requestMdf({ principal: asOwner, partnerId: partner.id, input: input(500_000), now: T0 });
    const b = await requestMdf({ principal: asOwner, partnerId: partner.id, input: input(400_000), now: T0 });
    const c = await requestMdf({ principal: asOwner, partnerId: partner.id, input: input(300_000), now: T0 });
    await expect(decideMdfRequest({ principal: asOwner, requestId: a.id, input: { decision: "approve" }, now: at(1) })).rejects.toMatchObject({ code: "forbidden" });
    await expect(decideMdfRequest({ principal: admin, requestId: c.id, input: { decision: "reject" }, now: at(1) })).rejects.toMatchObject({ fields: { reason: expect.any(Array) } });
    expect((await decideMdfRequest({ principal: admin, requestId: a.id, input: { decision: "approve" }, now: at(1) })).status).toBe("approved");
    expect(await decideMdfRequest({ principal: admin, requestId: b.id, input: { decision: "partly_approve", approvedAmount: 250_000, reason: "Catering is not covered" }, now: at(1) })).toMatchObject({ status: "partly_approved", approvedCents: 250_000 });
    expect((await decideMdfRequest({ principal: admin, requestId: c.id, input: { decision: "reject", reason: "Not a demand-generation activity" }, now: at(1) })).status).toBe("rejected");
    await expect(decideMdfRequest({ principal: admin, requestId: c.id, input: { decision: "approve" }, now: at(2) })).rejects.toMatchObject({ code: "conflict" });
    expect((await budgetOf(partner.id, 2026)).remainingCents).toBe(2_500_000 - 750_000);
    const db = await getDb();
    const evs = await db.select().from(events).where(and(eq(events.partnerId, partner.id), eq(events.type, "partner.mdf_request.decided")));
    expect(evs.map((e) => (e.payload as { status: string }).status).sort()).toEqual(["approved", "partly_approved", "rejected"]);
    // The partner's owners hear about each decision, with the reason.
    const mail = await db.select().from(emailOutbox).where(and(eq(emailOutbox.partnerId, partner.id), eq(emailOutbox.kind, "mdf_request_decided")));
    expect(mail.map((m) => m.subject.split(" — ")[0]).sort()).toEqual(["MDF request approved", "MDF request declined", "MDF request partly approved"]);
    const partial = mail.find((m) => m.subject.startsWith("MDF request partly approved"))!;
    expect(partial.text).toContain("You asked for $4,000.00; $2,500.00 is approved.");
    expect(partial.text).toContain("Catering is not covered");
    expect(partial.text).toContain(`/console/mdf/${b.id}`);
  });

  it("after the activity the partner claims with receipts; the admin approves and it is reimbursed, capped at the approval", async () => {
    const { partner, asOwner, asMember } = await makeTeam({ tier: "advanced" });
    const admin = await makeAdmin();
    const r = await requestMdf({ principal: asOwner, partnerId: partner.id, input: input(500_000), now: T0 });
    await decideMdfRequest({ principal: admin, requestId: r.id, input: { decision: "partly_approve", approvedAmount: 400_000, reason: "Half the ads budget" }, now: at(1) });
    const claim = { claimedAmount: 450_000, actualLeads: 37, resultsSummary: "Ran the webinar with 120 attendees, 37 qualified leads.", proofUrl: "https://brightpixel.example/webinar" };
    await expect(submitMdfClaim({ principal: asMember, partnerId: partner.id, requestId: r.id, input: claim, receipts: [receipt], now: new Date("2026-04-09T12:00:00Z") })).rejects.toMatchObject({ code: "validation_failed" });
    await expect(submitMdfClaim({ principal: asMember, partnerId: partner.id, requestId: r.id, input: claim, receipts: [], now: at(60) })).rejects.toMatchObject({ fields: { receipts: expect.any(Array) } });
    const exe = { bytes: new Uint8Array([0x4d, 0x5a, 0x90, 0, 3, 0, 0, 0, 4, 0, 0, 0, 0xff, 0xff]), filename: "receipt.exe", declaredType: "application/octet-stream" };
    await expect(submitMdfClaim({ principal: asMember, partnerId: partner.id, requestId: r.id, input: claim, receipts: [exe], now: at(60) })).rejects.toMatchObject({ fields: { receipts: [expect.stringContaining("not accepted")] } });
    const other = await makeTeam({ tier: "advanced" });
    await expect(submitMdfClaim({ principal: other.asOwner, partnerId: other.partner.id, requestId: r.id, input: claim, receipts: [receipt], now: at(60) })).rejects.toMatchObject({ code: "not_found" });
    const db = await getDb();
    expect(await db.select().from(uploads).where(eq(uploads.partnerId, partner.id))).toHaveLength(0);

    const claimed = await submitMdfClaim({ principal: asMember, partnerId: partner.id, requestId: r.id, input: claim, receipts: [receipt], now: at(60) });
    expect(claimed).toMatchObject({ status: "claim_submitted", claimedCents: 450_000, actualLeads: 37 });
    expect(claimed.receiptUploadIds).toHaveLength(1);
    const paid = await decideMdfClaim({ principal: admin, requestId: r.id, input: { decision: "approve" }, now: at(62) });
    expect(paid).toMatchObject({ status: "reimbursed", reimbursedCents: 400_000, reimbursedAt: at(62) });
    await expect(decideMdfClaim({ principal: admin, requestId: r.id, input: { decision: "approve" }, now: at(63) })).rejects.toMatchObject({ code: "conflict" });
    expect((await budgetOf(partner.id, 2026)).remainingCents).toBe(600_000);
    const [ev] = await db.select().from(events).where(and(eq(events.partnerId, partner.id), eq(events.type, "partner.mdf_claim.decided")));
    expect(ev?.payload).toMatchObject({ status: "reimbursed", reimbursed: { amount: 400_000, currency: "USD" } });
    const actions = (await db.select().from(auditEvents).where(eq(auditEvents.objectId, r.id))).map((e) => e.action).sort();
    expect(actions).toEqual(["mdf_claim.reimbursed", "mdf_claim.submitted", "mdf_request.created", "mdf_request.partly_approved"]);
    const [mail] = await db.select().from(emailOutbox).where(and(eq(emailOutbox.partnerId, partner.id), eq(emailOutbox.kind, "mdf_claim_decided")));
    expect(mail?.subject).toMatch(/^MDF claim approved — /);
    expect(mail?.text).toContain("$4,000.00 is added to your balance and paid with your next payout.");
  });

  it("a rejected claim returns its funds to the budget", async () => {
    const { partner, asOwner } = await makeTeam({ tier: "advanced" });
    const admin = await makeAdmin();
    const r = await requestMdf({ principal: asOwner, partnerId: partner.id, input: input(200_000), now: T0 });
    await decideMdfRequest({ principal: admin, requestId: r.id, input: { decision: "approve" }, now: at(1) });
    await submitMdfClaim({ principal: asOwner, partnerId: partner.id, requestId: r.id, input: { claimedAmount: 200_000, actualLeads: 0, resultsSummary: "The event was cancelled by the venue." }, receipts: [receipt], now: at(60) });
    await expect(decideMdfClaim({ principal: admin, requestId: r.id, input: { decision: "reject" }, now: at(61) })).rejects.toMatchObject({ fields: { reason: expect.any(Array) } });
    expect((await decideMdfClaim({ principal: admin, requestId: r.id, input: { decision: "reject", reason: "No execution proof" }, now: at(61) })).status).toBe("claim_rejected");
    expect((await budgetOf(partner.id, 2026)).remainingCents).toBe(1_000_000);
  });
});
