import "server-only";
import { assertAdmin, assertPartner, type Principal } from "@/lib/auth/permissions";
import { rankingOf, rankingSummary, trackRankOf } from "@/lib/ranking/store";
import { countNewLeads, listLeads, type LeadRow } from "./lead-store";
import { countPendingReviews, latestDecidedReviewOf, listReviews, pendingReviewOf, type ListingReviewRow } from "./review-store";

// What the console and admin pages read, each behind its permission check.

/** The partner's own score breakdown. Never public. */
export async function getOwnRanking(principal: Principal | null, partnerId: string) {
  assertPartner(principal, "ranking:read", partnerId);
  const [ranking, trackRank, summary] = await Promise.all([rankingOf(partnerId), trackRankOf(partnerId), rankingSummary()]);
  return { ranking, trackRank, ranked: summary.ranked };
}

export async function getLeads(principal: Principal | null, partnerId: string, status: LeadRow["status"] | undefined, page: number) {
  assertPartner(principal, "leads:read", partnerId);
  const [list, unanswered] = await Promise.all([listLeads(partnerId, status, page, 20), countNewLeads(partnerId)]);
  return { ...list, unanswered, page, pageSize: 20 };
}

export async function getProofLinkStatus(principal: Principal | null, partnerId: string): Promise<{ pending: ListingReviewRow | null; lastDecided: ListingReviewRow | null }> {
  assertPartner(principal, "listing:write", partnerId);
  const [pending, lastDecided] = await Promise.all([pendingReviewOf(partnerId), latestDecidedReviewOf(partnerId)]);
  return { pending, lastDecided };
}

export async function getReviewQueue(principal: Principal | null, state: ListingReviewRow["state"], page: number) {
  assertAdmin(principal, "listings:review");
  const [list, pending, summary] = await Promise.all([listReviews(state, page, 20), countPendingReviews(), rankingSummary()]);
  return { ...list, pending, page, pageSize: 20, ranking: summary };
}
