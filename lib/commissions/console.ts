import "server-only";
import { assertAdmin, assertPartner, type Principal } from "@/lib/auth/permissions";
import { listHeldCommissions } from "@/lib/fraud/store";
import { estimatedCommissions } from "./estimates";
import type { CommissionStatus } from "./rules";
import { countCommissions, listCommissions, totalsByStatus } from "./store";

export async function getPartnerCommissionsView(principal: Principal | null, partnerId: string, q: { status?: CommissionStatus; page: number; pageSize: number }) {
  assertPartner(principal, "commissions:read", partnerId);
  const [rows, total, totals, estimates] = await Promise.all([
    listCommissions({ partnerId, status: q.status, limit: q.pageSize, offset: (q.page - 1) * q.pageSize }),
    countCommissions({ partnerId, status: q.status }),
    totalsByStatus(partnerId),
    estimatedCommissions(partnerId),
  ]);
  return { rows, total, totals, estimates };
}

export async function getAdminCommissionsView(principal: Principal | null, q: { status?: CommissionStatus; page: number; pageSize: number }) {
  assertAdmin(principal, "commissions:manage");
  const [rows, total, totals] = await Promise.all([
    listCommissions({ status: q.status, limit: q.pageSize, offset: (q.page - 1) * q.pageSize }),
    countCommissions({ status: q.status }),
    totalsByStatus(),
  ]);
  return { rows, total, totals };
}

export async function getFraudHoldsView(principal: Principal | null, q: { page: number; pageSize: number }) {
  assertAdmin(principal, "fraud:review");
  return listHeldCommissions(q);
}
