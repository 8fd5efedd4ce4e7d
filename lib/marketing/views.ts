import "server-only";
import { getDb } from "@/db/client";
import { assertAdmin, assertPartner, canPartner, decideProgramFeature, type Principal } from "@/lib/auth/permissions";
import { notFound } from "@/lib/errors";
import type { MarketingStatus } from "@/db/schema";
import {
  commentsOf,
  findPartnerForMarketing,
  findSubmission,
  listOnePagers,
  listProofs,
  listSubmissions,
  listWebinarsWithCounts,
  recentRegistrations,
  submissionCounts,
} from "./store";

async function standing(principal: Principal | null, partnerId: string) {
  assertPartner(principal, "marketing:read", partnerId);
  const partner = await findPartnerForMarketing(await getDb(), partnerId);
  if (!partner) throw notFound("Partner");
  const eligibility = decideProgramFeature(partner, "co_marketing");
  const canWrite = principal?.kind === "user" && canPartner(principal.viewer, "marketing:write", partnerId) && eligibility.allowed;
  return { partner, eligibility, canWrite };
}

export async function getKitsView(principal: Principal | null, partnerId: string, opts: { page: number; pageSize: number }) {
  const s = await standing(principal, partnerId);
  const onePagers = s.eligibility.allowed ? await listOnePagers(partnerId, opts.pageSize, (opts.page - 1) * opts.pageSize) : { rows: [], total: 0 };
  const proofs = s.eligibility.allowed ? await listProofs(partnerId, 50, 0) : { rows: [], total: 0 };
  const proofChoices = [...new Set([...s.partner.proofLinks, ...proofs.rows.filter((p) => p.kind === "link").map((p) => p.verifyUrl!)])];
  return { ...s, onePagers, proofChoices };
}

export async function getWebinarsView(principal: Principal | null, partnerId: string, opts: { page: number; pageSize: number }) {
  const s = await standing(principal, partnerId);
  if (!s.eligibility.allowed) return { ...s, webinars: { rows: [], total: 0 }, recent: [] };
  const [webinars, recent] = await Promise.all([listWebinarsWithCounts(partnerId, opts.pageSize, (opts.page - 1) * opts.pageSize), recentRegistrations(partnerId, 10)]);
  return { ...s, webinars, recent };
}

export async function getSubmissionsView(principal: Principal | null, partnerId: string, opts: { page: number; pageSize: number; status?: MarketingStatus }) {
  const s = await standing(principal, partnerId);
  const [list, counts] = await Promise.all([
    listSubmissions({ partnerId, statuses: opts.status ? [opts.status] : undefined, limit: opts.pageSize, offset: (opts.page - 1) * opts.pageSize }),
    submissionCounts(partnerId),
  ]);
  return { ...s, ...list, counts };
}

export async function getProofsView(principal: Principal | null, partnerId: string, opts: { page: number; pageSize: number }) {
  const s = await standing(principal, partnerId);
  const proofs = await listProofs(partnerId, opts.pageSize, (opts.page - 1) * opts.pageSize);
  return { ...s, proofs };
}

export async function getSubmissionView(principal: Principal | null, id: string, scope: { partnerId: string } | { admin: true }) {
  if ("admin" in scope) assertAdmin(principal, "marketing:review");
  else assertPartner(principal, "marketing:read", scope.partnerId);
  const db = await getDb();
  const submission = await findSubmission(db, id);
  if (!submission || ("partnerId" in scope && submission.partnerId !== scope.partnerId)) throw notFound("Submission");
  const comments = await commentsOf(db, id);
  const canWrite = "partnerId" in scope && principal?.kind === "user" && canPartner(principal.viewer, "marketing:write", scope.partnerId);
  return { submission, comments, canWrite };
}

export const ADMIN_MARKETING_QUEUES = {
  pending: { label: "Waiting for review", statuses: ["pending"] as MarketingStatus[] },
  changes_requested: { label: "Changes requested", statuses: ["changes_requested"] as MarketingStatus[] },
  approved: { label: "Approved", statuses: ["approved"] as MarketingStatus[] },
  all: { label: "All", statuses: [] as MarketingStatus[] },
} as const;
export type AdminMarketingQueue = keyof typeof ADMIN_MARKETING_QUEUES;

export async function getAdminMarketingView(principal: Principal | null, opts: { queue: AdminMarketingQueue; page: number; pageSize: number }) {
  assertAdmin(principal, "marketing:review");
  const [list, counts] = await Promise.all([
    listSubmissions({ statuses: ADMIN_MARKETING_QUEUES[opts.queue].statuses, limit: opts.pageSize, offset: (opts.page - 1) * opts.pageSize }),
    submissionCounts(),
  ]);
  return { ...list, counts };
}
