import type { PartnerEvidence } from "./evidence";

/** An empty installer's evidence; tests add what each case needs. */
export function evidence(over: Partial<PartnerEvidence> = {}): PartnerEvidence {
  return {
    partnerId: "ptr_test",
    track: "installer",
    tier: "verified",
    status: "active",
    certifiedAt: null,
    expiresAt: null,
    recordedStatus: "uncertified",
    lastDowngradeAt: null,
    installs: [],
    survival: [],
    reports: [],
    packs: [],
    exportsCount: 0,
    quizzes: [],
    incidents: [],
    references: [],
    runbooks: [],
    penTestLetters: [],
    nps: { promoters: 0, passives: 0, detractors: 0 },
    ...over,
  };
}

export const NOW = new Date("2026-06-15T12:00:00.000Z");
export const daysAgo = (d: number, from = NOW) => new Date(from.getTime() - d * 86_400_000);
export const minutesAfter = (d: Date, m: number) => new Date(d.getTime() + m * 60_000);
