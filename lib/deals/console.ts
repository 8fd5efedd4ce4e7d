import "server-only";
import { getDb } from "@/db/client";
import { assertAdmin, assertPartner, canPartner, type Principal } from "@/lib/auth/permissions";
import { notFound } from "@/lib/errors";
import type { DealStage } from "./rules";
import { conflictsOfDeal, countDeals, countOpenConflicts, findDeal, listConflicts, listDeals, stageCounts } from "./store";

export async function getPartnerDealsView(principal: Principal | null, partnerId: string, q: { stage?: DealStage; page: number; pageSize: number }) {
  assertPartner(principal, "deals:read", partnerId);
  const [rows, total, counts] = await Promise.all([
    listDeals({ partnerId, stage: q.stage, limit: q.pageSize, offset: (q.page - 1) * q.pageSize }),
    countDeals({ partnerId, stage: q.stage }),
    stageCounts(partnerId),
  ]);
  return { rows, total, counts, canWrite: principal?.kind === "user" && canPartner(principal.viewer, "deals:write", partnerId) };
}

/** One of the partner's deals, with its conflicts (the other partner's name is not shown). */
export async function getPartnerDealView(principal: Principal | null, partnerId: string, dealId: string) {
  assertPartner(principal, "deals:read", partnerId);
  const db = await getDb();
  const deal = await findDeal(db, dealId);
  if (!deal || deal.partnerId !== partnerId) throw notFound("Deal");
  const conflicts = await conflictsOfDeal(db, deal.id);
  return { deal, conflicts };
}

export async function getAdminDealsView(principal: Principal | null, q: { stage?: DealStage; q?: string; page: number; pageSize: number }) {
  assertAdmin(principal, "deals:resolve");
  const [conflicts, openConflicts, rows, total, counts] = await Promise.all([
    listConflicts({ status: "open", limit: 50 }),
    countOpenConflicts(),
    listDeals({ stage: q.stage, q: q.q, limit: q.pageSize, offset: (q.page - 1) * q.pageSize }),
    countDeals({ stage: q.stage, q: q.q }),
    stageCounts(),
  ]);
  return { conflicts, openConflicts, rows, total, counts };
}

export async function getAdminDealView(principal: Principal | null, dealId: string) {
  assertAdmin(principal, "deals:manage");
  const db = await getDb();
  const deal = await findDeal(db, dealId);
  if (!deal) throw notFound("Deal");
  const conflicts = await conflictsOfDeal(db, deal.id);
  const views = conflicts.length ? await listConflicts({ status: "open", limit: 100, ids: conflicts.map((c) => c.id) }) : [];
  const resolved = conflicts.length ? await listConflicts({ status: "resolved", limit: 100, ids: conflicts.map((c) => c.id) }) : [];
  return { deal, conflicts: [...views, ...resolved] };
}
