import "server-only";
import { getDb } from "@/db/client";
import { decodeCursor, pageFrom } from "@/lib/api/pagination";
import { ownPartnerId } from "@/lib/attribution/api";
import { assertAdmin, assertPartner, canPartner, decideProgramFeature, type Principal } from "@/lib/auth/permissions";
import { notFound } from "@/lib/errors";
import { requestMdf } from "./request-mdf";
import { budgetSummary, type BudgetSummary, type MdfStatus } from "./rules";
import { countRequests, findPartnerStanding, findRequest, listRequests, requestsOfYear, uploadsByIds } from "./store";
import { toBudgetPublic, toMdfRequestPublic } from "./to-public";

export async function budgetOf(partnerId: string, year: number): Promise<BudgetSummary> {
  const db = await getDb();
  const partner = await findPartnerStanding(db, partnerId);
  if (!partner) throw notFound("Partner");
  return budgetSummary(partner.tier, year, await requestsOfYear(db, partnerId, year));
}

/** /console/mdf: eligibility, the year's budget meter and the requests. */
export async function getMdfConsoleView(principal: Principal | null, partnerId: string, now: Date, opts: { page: number; pageSize: number; status?: MdfStatus }) {
  assertPartner(principal, "mdf:read", partnerId);
  const db = await getDb();
  const partner = await findPartnerStanding(db, partnerId);
  if (!partner) throw notFound("Partner");
  const year = now.getUTCFullYear();
  const [thisYear, nextYear, rows, total] = await Promise.all([
    requestsOfYear(db, partnerId, year),
    requestsOfYear(db, partnerId, year + 1),
    listRequests({ partnerId, statuses: opts.status ? [opts.status] : undefined, limit: opts.pageSize, offset: (opts.page - 1) * opts.pageSize }),
    countRequests({ partnerId, statuses: opts.status ? [opts.status] : undefined }),
  ]);
  const eligibility = decideProgramFeature(partner, "mdf");
  return {
    partner,
    eligibility,
    budget: budgetSummary(partner.tier, year, thisYear),
    nextBudget: nextYear.length ? budgetSummary(partner.tier, year + 1, nextYear) : null,
    rows,
    total,
    canWrite: principal?.kind === "user" && canPartner(principal.viewer, "mdf:write", partnerId) && eligibility.allowed,
  };
}

export async function getMdfRequestView(principal: Principal | null, id: string, scope: { partnerId: string } | { admin: true }) {
  if ("admin" in scope) assertAdmin(principal, "mdf:review");
  else assertPartner(principal, "mdf:read", scope.partnerId);
  const db = await getDb();
  const row = await findRequest(db, id);
  if (!row || ("partnerId" in scope && row.partnerId !== scope.partnerId)) throw notFound("MDF request");
  const partner = await findPartnerStanding(db, row.partnerId);
  const [receipts, budget] = await Promise.all([uploadsByIds(db, row.receiptUploadIds), budgetOf(row.partnerId, row.budgetYear)]);
  return {
    row,
    partnerName: partner?.name ?? row.partnerId,
    receipts,
    budget,
    canClaim: "partnerId" in scope && principal?.kind === "user" && canPartner(principal.viewer, "mdf:write", scope.partnerId),
  };
}

export const ADMIN_MDF_QUEUES = {
  requests: { label: "Requests to decide", statuses: ["pending"] as MdfStatus[] },
  claims: { label: "Claims to review", statuses: ["claim_submitted"] as MdfStatus[] },
  all: { label: "All", statuses: [] as MdfStatus[] },
} as const;
export type AdminMdfQueue = keyof typeof ADMIN_MDF_QUEUES;

export async function getAdminMdfView(principal: Principal | null, opts: { queue: AdminMdfQueue; page: number; pageSize: number }) {
  assertAdmin(principal, "mdf:review");
  const statuses = ADMIN_MDF_QUEUES[opts.queue].statuses;
  const [rows, total, pending, claims] = await Promise.all([
    listRequests({ statuses, limit: opts.pageSize, offset: (opts.page - 1) * opts.pageSize }),
    countRequests({ statuses }),
    countRequests({ statuses: ["pending"] }),
    countRequests({ statuses: ["claim_submitted"] }),
  ]);
  return { rows, total, counts: { requests: pending, claims } };
}

// ---------------------------------------------------------------------------
// API (partner key)
// ---------------------------------------------------------------------------

export async function listOwnMdfRequests(principal: Principal | null, q: { cursor?: string; limit: number; status?: MdfStatus }, now: Date) {
  const partnerId = ownPartnerId(principal);
  assertPartner(principal, "mdf:read", partnerId);
  const rows = await listRequests({ partnerId, statuses: q.status ? [q.status] : undefined, limit: q.limit + 1, cursor: decodeCursor(q.cursor) });
  const page = pageFrom(rows, q.limit, (r) => ({ at: r.createdAt.toISOString(), id: r.id }));
  return { data: page.data.map(toMdfRequestPublic), budget: toBudgetPublic(await budgetOf(partnerId, now.getUTCFullYear())), nextCursor: page.nextCursor };
}

export async function createOwnMdfRequest(principal: Principal | null, input: unknown, now: Date) {
  const partnerId = ownPartnerId(principal);
  const row = await requestMdf({ principal, partnerId, input, now });
  return { data: toMdfRequestPublic(row), budget: toBudgetPublic(await budgetOf(partnerId, row.budgetYear)) };
}
