import { count, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { emailOutbox, installs, npsInvitations, npsResponses } from "@/db/schema";
import { makeTeam, T0 } from "@/lib/testing/factories";
import { computeNps, summarizeCounts } from "./score";
import { submitSurveyResponse, unsubscribeFromSurveys, viewSurvey } from "./respond";
import { sendSurveys } from "./send-surveys";
import { countsByQuarter } from "./store";

const DAY = 86_400_000;

async function linksTo(email: string): Promise<string[]> {
  const db = await getDb();
  const rows = await db.select().from(emailOutbox).where(eq(emailOutbox.toAddress, email)).orderBy(emailOutbox.createdAt);
  return rows.map((r) => /\/nps\/([A-Za-z0-9_-]{43})\n/.exec(r.text)![1]!);
}

async function responses(): Promise<number> {
  const db = await getDb();
  const [r] = await db.select({ n: count() }).from(npsResponses);
  return r!.n;
}

describe("NPS surveys", () => {
  it("invites customers of verified installs and partner owners once a quarter, one answer per token", async () => {
    const team = await makeTeam({ name: "Pixel Co" });
    const db = await getDb();
    await db.insert(installs).values({
      partnerId: team.partner.id,
      stack: "wordpress",
      siteUrl: "https://a.example.com",
      customerName: "Acme",
      customerEmail: "Buyer@Acme.test",
      startedAt: new Date(T0.getTime() - 40 * DAY),
      verifiedAt: new Date(T0.getTime() - 30 * DAY),
      source: "seed",
    });
    // Not verified long enough: not asked yet.
    await db.insert(installs).values({ partnerId: team.partner.id, stack: "shopify", siteUrl: "https://b.example.com", customerName: "New", customerEmail: "new@b.test", startedAt: new Date(T0.getTime() - 2 * DAY), verifiedAt: new Date(T0.getTime() - DAY), source: "seed" });

    const first = await sendSurveys({ now: T0 });
    expect(first.invited).toBeGreaterThanOrEqual(2);
    const [token] = await linksTo("buyer@acme.test");
    expect(token).toBeTruthy();
    expect(await linksTo("new@b.test")).toEqual([]);
    expect(await linksTo(team.owner.email.toLowerCase())).toHaveLength(1);
    const [inv] = await db.select().from(npsInvitations).where(eq(npsInvitations.email, "buyer@acme.test"));
    expect(inv!.tokenHash).not.toContain(token!); // only a hash is stored
    expect(inv!.tokenHash).toMatch(/^[0-9a-f]{64}$/);

    // Running again in the same quarter invites nobody twice.
    const again = await sendSurveys({ now: new Date(T0.getTime() + 60_000) });
    expect(await linksTo("buyer@acme.test")).toHaveLength(1);
    expect(again.invited).toBe(0);

    expect(await viewSurvey(token!, T0)).toMatchObject({ state: "open", audience: "customer", partnerName: "Pixel Co", quarter: "2026-Q1" });
    for (const score of [11, -1, 7.5, "", "  ", "nine", null]) {
      await expect(submitSurveyResponse({ token: token!, input: { score }, now: T0 })).rejects.toMatchObject({ code: "validation_failed", fields: { score: ["Choose a score from 0 to 10"] } });
    }
    await submitSurveyResponse({ token: token!, input: { score: "9", comment: "Fast and careful" }, now: T0 });
    const before = await responses();
    await expect(submitSurveyResponse({ token: token!, input: { score: 0 }, now: T0 })).rejects.toMatchObject({ code: "conflict" });
    await expect(submitSurveyResponse({ token: "x".repeat(43), input: { score: 0 }, now: T0 })).rejects.toMatchObject({ code: "not_found" });
    await expect(submitSurveyResponse({ token: "forged", input: { score: 0 }, now: T0 })).rejects.toMatchObject({ code: "not_found" });
    expect(await responses()).toBe(before);
    expect(await viewSurvey(token!, T0)).toMatchObject({ state: "answered" });

    const quarters = await countsByQuarter("customer", team.partner.id);
    expect(quarters).toEqual([{ quarter: "2026-Q1", promoters: 1, passives: 0, detractors: 0 }]);
  });

  it("reminds once after a week with a fresh link; unsubscribed addresses get nothing more", async () => {
    const team = await makeTeam();
    const owner = team.owner.email.toLowerCase();
    await sendSurveys({ now: T0 });
    const [original] = await linksTo(owner);
    const r = await sendSurveys({ now: new Date(T0.getTime() + 7 * DAY) });
    expect(r.reminded).toBeGreaterThanOrEqual(1);
    const links = await linksTo(owner);
    expect(links).toHaveLength(2);
    expect(await viewSurvey(original!, T0)).toBeNull(); // the old link retired
    expect(await viewSurvey(links[1]!, new Date(T0.getTime() + 7 * DAY))).toMatchObject({ state: "open", audience: "partner" });
    await sendSurveys({ now: new Date(T0.getTime() + 9 * DAY) });
    expect(await linksTo(owner)).toHaveLength(2); // one reminder only

    await unsubscribeFromSurveys({ token: links[1]!, now: T0 });
    await sendSurveys({ now: new Date("2026-04-02T10:00:00Z") }); // next quarter
    expect(await linksTo(owner)).toHaveLength(2);
  });

  it("an expired link is refused", async () => {
    const team = await makeTeam();
    await sendSurveys({ now: T0 });
    const [token] = await linksTo(team.owner.email.toLowerCase());
    await expect(submitSurveyResponse({ token: token!, input: { score: 5 }, now: new Date(T0.getTime() + 31 * DAY) })).rejects.toMatchObject({ code: "unprocessable" });
  });

  it("counts agree with the pure score", () => {
    expect(summarizeCounts(10, 6, 4)).toEqual(computeNps([...Array(10).fill(10), ...Array(6).fill(7), ...Array(4).fill(0)]));
  });
});
