import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { auditEvents, dealConflicts, deals, emailOutbox, events } from "@/db/schema";
import { makeAdmin, makeTeam, T0 } from "@/lib/testing/factories";
import { expireDeals } from "./expire-deals";
import { extendDeal, setDealStage } from "./manage-deal";
import { registerDeal } from "./register-deal";
import { resolveConflict } from "./resolve-conflict";
import { evaluateRegistration, extension, isExpiryDue, isReminderDue, type DealFacts } from "./rules";

const DAY = 86_400_000;
const at = (days: number) => new Date(T0.getTime() + days * DAY);
let n = 0;
const input = (domain: string) => ({
  company: `Company ${++n}`,
  domain,
  contactName: "Casey Buyer",
  contactEmail: `casey@${domain}`,
  estimatedValue: 1_200_000,
  products: ["provenance-pro"],
  expectedCloseAt: "2026-05-01",
});

describe("deal rules", () => {
  const deal = (over: Partial<DealFacts>): DealFacts => ({ id: "deal_a", partnerId: "ptr_a", domain: "acme.example", stage: "registered", registeredAt: at(0), protectedUntil: at(60), reminderSentAt: null, ...over });

  it("protects for exactly 60 days; the first open registration of another partner is the conflict", () => {
    const d = evaluateRegistration({ partnerId: "ptr_b", domain: "acme.example", existing: [deal({}), deal({ id: "deal_c", partnerId: "ptr_c", registeredAt: at(-1) })], now: at(1) });
    expect(d).toMatchObject({ ok: true, protectedUntil: at(61), conflictWith: { id: "deal_c" } });
    expect(evaluateRegistration({ partnerId: "ptr_a", domain: "acme.example", existing: [deal({})], now: at(1) })).toMatchObject({ ok: false, code: "duplicate" });
    // Expired or lost registrations do not block anyone.
    expect(evaluateRegistration({ partnerId: "ptr_b", domain: "acme.example", existing: [deal({ stage: "expired" }), deal({ protectedUntil: at(1) })], now: at(1) })).toMatchObject({ ok: true, conflictWith: null });
  });

  it("expires at the end of protection, reminds within 7 days of it, once", () => {
    expect(isExpiryDue(deal({}), at(60) )).toBe(true);
    expect(isExpiryDue(deal({}), new Date(at(60).getTime() - 1))).toBe(false);
    expect(isReminderDue(deal({}), at(53))).toBe(true);
    expect(isReminderDue(deal({}), new Date(at(53).getTime() - 1))).toBe(false);
    expect(isReminderDue(deal({ reminderSentAt: at(53) }), at(54))).toBe(false);
    expect(isExpiryDue(deal({ stage: "won" }), at(90))).toBe(false);
  });

  it("extends from the end of protection, or from now when it has run out", () => {
    expect(extension(deal({}), 30, at(10))).toEqual({ protectedUntil: at(90), stage: "registered" });
    expect(extension(deal({ stage: "expired" }), 30, at(70))).toEqual({ protectedUntil: at(100), stage: "registered" });
    expect(extension(deal({}), 91, at(10))).toBeNull();
    expect(extension(deal({ stage: "won" }), 10, at(10))).toBeNull();
  });
});

describe("registering deals", () => {
  it("registers, emits partner.deal_registered and audits", async () => {
    const { partner, asOwner } = await makeTeam();
    const { deal, conflict } = await registerDeal({ principal: asOwner, partnerId: partner.id, input: input("Www.Solo-Co.example"), now: at(0) });
    expect(conflict).toBe(false);
    expect(deal).toMatchObject({ domain: "solo-co.example", stage: "registered", protectedUntil: at(60), estimatedValueCents: 1_200_000 });
    const db = await getDb();
    const [event] = await db.select().from(events).where(and(eq(events.partnerId, partner.id), eq(events.type, "partner.deal_registered")));
    expect(event?.payload).toMatchObject({ dealId: deal.id, domain: "solo-co.example", expiresAt: at(60).toISOString() });
    expect(await db.select().from(auditEvents).where(eq(auditEvents.objectId, deal.id))).toHaveLength(1);
    // The same partner cannot hold the domain twice.
    await expect(registerDeal({ principal: asOwner, partnerId: partner.id, input: input("solo-co.example"), now: at(1) })).rejects.toMatchObject({ code: "conflict" });
  });

  it("validates the input and who may register", async () => {
    const { partner, asOwner } = await makeTeam();
    const other = await makeTeam();
    await expect(registerDeal({ principal: asOwner, partnerId: partner.id, input: { ...input("x.example"), domain: "not a domain", products: [] }, now: T0 })).rejects.toMatchObject({
      code: "validation_failed",
      fields: { domain: [expect.any(String)], products: [expect.any(String)] },
    });
    await expect(registerDeal({ principal: other.asOwner, partnerId: partner.id, input: input("y.example"), now: T0 })).rejects.toMatchObject({ code: "forbidden" });
    await expect(registerDeal({ principal: await makeAdmin(), partnerId: partner.id, input: input("z.example"), now: T0 })).rejects.toMatchObject({ code: "forbidden" });
  });

  it("a second partner's registration goes to the conflict queue; the admin decides, both are told, all is audited", async () => {
    const a = await makeTeam({ contactEmail: "deals@a-partner.example" });
    const b = await makeTeam({ contactEmail: "deals@b-partner.example" });
    const first = await registerDeal({ principal: a.asOwner, partnerId: a.partner.id, input: input("contested.example"), now: at(0) });
    const second = await registerDeal({ principal: b.asOwner, partnerId: b.partner.id, input: input("contested.example"), now: at(2) });
    expect(second.conflict).toBe(true);
    const db = await getDb();
    const [conflict] = await db.select().from(dealConflicts).where(eq(dealConflicts.secondDealId, second.deal.id));
    expect(conflict).toMatchObject({ firstDealId: first.deal.id, status: "open" });
    expect((await db.select().from(deals).where(eq(deals.id, first.deal.id)))[0]!.inConflict).toBe("open");

    const admin = await makeAdmin();
    await expect(resolveConflict({ principal: b.asOwner, conflictId: conflict!.id, input: { winnerDealId: second.deal.id, reason: "I was there first really" }, now: at(3) })).rejects.toMatchObject({ code: "forbidden" });
    await expect(resolveConflict({ principal: admin, conflictId: conflict!.id, input: { winnerDealId: second.deal.id, reason: "short" }, now: at(3) })).rejects.toMatchObject({ code: "validation_failed" });
    const r = await resolveConflict({ principal: admin, conflictId: conflict!.id, input: { winnerDealId: second.deal.id, reason: "Introduced the buyer in January; emails checked." }, now: at(3) });
    expect(r.winner).toMatchObject({ id: second.deal.id, stage: "accepted", inConflict: "none" });
    expect(r.loser).toMatchObject({ id: first.deal.id, stage: "lost", inConflict: "none" });
    await expect(resolveConflict({ principal: admin, conflictId: conflict!.id, input: { winnerDealId: first.deal.id, reason: "Changed my mind about it" }, now: at(4) })).rejects.toMatchObject({ code: "conflict" });

    const mails = await db.select().from(emailOutbox).where(eq(emailOutbox.kind, "deal_conflict_resolved"));
    expect(mails.map((m) => m.toAddress)).toEqual(expect.arrayContaining(["deals@a-partner.example", "deals@b-partner.example"]));
    expect(mails.find((m) => m.toAddress === "deals@a-partner.example")!.text).toContain("Introduced the buyer in January");
    const trail = await db.select().from(auditEvents).where(eq(auditEvents.objectId, conflict!.id));
    expect(trail.map((t) => t.action).sort()).toEqual(["deal.conflict_opened", "deal.conflict_opened", "deal.conflict_resolved"]);
  });
});

describe("the deals job and admin changes", () => {
  it("reminds before the end, expires at the end (partner.deal_expired), and an admin can extend", async () => {
    const { partner, asOwner } = await makeTeam({ contactEmail: "deals@job-partner.example" });
    const { deal } = await registerDeal({ principal: asOwner, partnerId: partner.id, input: input("job.example"), now: at(0) });
    const db = await getDb();

    const before = await expireDeals(at(52));
    expect((await db.select().from(deals).where(eq(deals.id, deal.id)))[0]!.reminderSentAt).toBeNull();
    await expireDeals(at(54));
    expect((await db.select().from(deals).where(eq(deals.id, deal.id)))[0]!.reminderSentAt).toEqual(at(54));
    await expireDeals(at(55));
    expect(await db.select().from(emailOutbox).where(and(eq(emailOutbox.kind, "deal_reminder"), eq(emailOutbox.toAddress, "deals@job-partner.example")))).toHaveLength(1);
    expect(before.changed).toBeGreaterThanOrEqual(0);

    const r = await expireDeals(at(60));
    expect(r.changed).toBeGreaterThanOrEqual(1);
    const [expired] = await db.select().from(deals).where(eq(deals.id, deal.id));
    expect(expired).toMatchObject({ stage: "expired", closedAt: at(60) });
    const [event] = await db.select().from(events).where(and(eq(events.partnerId, partner.id), eq(events.type, "partner.deal_expired")));
    expect(event?.payload).toMatchObject({ dealId: deal.id, expiredAt: at(60).toISOString() });

    const admin = await makeAdmin();
    const extended = await extendDeal({ principal: admin, dealId: deal.id, input: { days: 30, reason: "Procurement slipped a month" }, now: at(61) });
    expect(extended).toMatchObject({ stage: "registered", protectedUntil: at(91) });
    await expect(extendDeal({ principal: asOwner, dealId: deal.id, input: { days: 30, reason: "Please" }, now: at(61) })).rejects.toMatchObject({ code: "forbidden" });
    expect(await setDealStage({ principal: admin, dealId: deal.id, input: { stage: "accepted" }, now: at(62) })).toMatchObject({ stage: "accepted" });
    expect(await setDealStage({ principal: admin, dealId: deal.id, input: { stage: "lost", reason: "Went with a competitor" }, now: at(63) })).toMatchObject({ stage: "lost", closeReason: "Went with a competitor" });
    await expect(setDealStage({ principal: admin, dealId: deal.id, input: { stage: "accepted" }, now: at(64) })).rejects.toMatchObject({ code: "conflict" });
  });
});
