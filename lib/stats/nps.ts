// NPS with its 95% margin of error: the program's one definition lives in
// lib/nps/score.ts (scores +1/0/-1, var = pP + pD - (pP - pD)^2,
// MoE = 100 * 1.96 * sqrt(var / n)); re-exported for the analytics.

export { computeNps, summarizeCounts, formatNps, type NpsSummary } from "@/lib/nps/score";
