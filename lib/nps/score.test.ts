import { describe, expect, it } from "vitest";
import { categoryOf, computeNps, formatNps, previousQuarter, quarterOf, quarterRange } from "./score";
import { customerSurveyDue, invitationExpiresAt, invitationState, reminderDue } from "./rules";

describe("NPS", () => {
  it("matches the worked example: 10 promoters, 6 passives, 4 detractors", () => {
    const scores = [...Array(10).fill(9), ...Array(6).fill(8), ...Array(4).fill(3)];
    const s = computeNps(scores);
    expect(s).toMatchObject({ n: 20, promoters: 10, passives: 6, detractors: 4 });
    expect(s.nps).toBeCloseTo(30, 10);
    expect(s.marginOfError!).toBeCloseTo(34.23, 2);
    expect(formatNps(s.nps)).toBe("+30");
  });
  it.each([
    [0, "detractor"],
    [6, "detractor"],
    [7, "passive"],
    [8, "passive"],
    [9, "promoter"],
    [10, "promoter"],
  ] as const)("score %i is a %s", (score, category) => {
    expect(categoryOf(score)).toBe(category);
  });
  it("refuses scores outside 0..10", () => {
    expect(() => categoryOf(11)).toThrow(RangeError);
    expect(() => categoryOf(-1)).toThrow(RangeError);
    expect(() => categoryOf(7.5)).toThrow(RangeError);
  });
  it("all promoters is +100 with no spread; no answers is no score", () => {
    expect(computeNps([10, 9, 10])).toMatchObject({ nps: 100, marginOfError: 0 });
    expect(computeNps([0, 0])).toMatchObject({ nps: -100 });
    expect(computeNps([])).toMatchObject({ n: 0, nps: null, marginOfError: null });
    expect(computeNps([9]).marginOfError).toBeNull();
  });
});

describe("quarters", () => {
  it.each([
    ["2026-01-01T00:00:00Z", "2026-Q1"],
    ["2026-03-31T23:59:59Z", "2026-Q1"],
    ["2026-04-01T00:00:00Z", "2026-Q2"],
    ["2026-12-31T23:59:59Z", "2026-Q4"],
  ])("%s is in %s", (d, q) => expect(quarterOf(new Date(d))).toBe(q));
  it("ranges and previous quarters", () => {
    expect(quarterRange("2026-Q4")).toEqual({ start: new Date("2026-10-01T00:00:00Z"), end: new Date("2027-01-01T00:00:00Z") });
    expect(previousQuarter("2026-Q1")).toBe("2025-Q4");
    expect(() => quarterRange("2026-Q5")).toThrow(RangeError);
  });
});

describe("survey rules", () => {
  const sentAt = new Date("2026-03-02T10:00:00Z");
  const day = 86_400_000;
  const inv = { sentAt, respondedAt: null as Date | null, reminders: 0, expiresAt: invitationExpiresAt(sentAt) };
  it("reminds once, seven days after sending, until answered or expired", () => {
    expect(reminderDue(inv, new Date(sentAt.getTime() + 7 * day - 1))).toBe(false);
    expect(reminderDue(inv, new Date(sentAt.getTime() + 7 * day))).toBe(true);
    expect(reminderDue({ ...inv, reminders: 1 }, new Date(sentAt.getTime() + 8 * day))).toBe(false);
    expect(reminderDue({ ...inv, respondedAt: sentAt }, new Date(sentAt.getTime() + 8 * day))).toBe(false);
    expect(reminderDue(inv, new Date(sentAt.getTime() + 30 * day))).toBe(false);
  });
  it("a link is open for 30 days, answered once", () => {
    expect(invitationState(inv, new Date(sentAt.getTime() + 30 * day - 1))).toBe("open");
    expect(invitationState(inv, new Date(sentAt.getTime() + 30 * day))).toBe("expired");
    expect(invitationState({ ...inv, respondedAt: sentAt }, sentAt)).toBe("answered");
  });
  it("customers are asked 14 days after verification, if there is an address", () => {
    const verifiedAt = sentAt;
    expect(customerSurveyDue({ verifiedAt, customerEmail: "a@b.c" }, new Date(sentAt.getTime() + 14 * day))).toBe(true);
    expect(customerSurveyDue({ verifiedAt, customerEmail: "a@b.c" }, new Date(sentAt.getTime() + 13 * day))).toBe(false);
    expect(customerSurveyDue({ verifiedAt: null, customerEmail: "a@b.c" }, sentAt)).toBe(false);
    expect(customerSurveyDue({ verifiedAt, customerEmail: null }, new Date(sentAt.getTime() + 20 * day))).toBe(false);
  });
});
