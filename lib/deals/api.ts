import "server-only";
import { getDb } from "@/db/client";
import { decodeCursor, pageFrom } from "@/lib/api/pagination";
import { ownPartnerId } from "@/lib/attribution/api";
import { assertPartner, type Principal } from "@/lib/auth/permissions";
import { notFound } from "@/lib/errors";
import { registerDeal } from "./register-deal";
import { findDeal, listDeals } from "./store";
import { toDealPublic } from "./to-public";
import type { DealStage } from "./rules";

export async function listOwnDeals(principal: Principal | null, q: { cursor?: string; limit: number; stage?: DealStage }) {
  const partnerId = ownPartnerId(principal);
  assertPartner(principal, "deals:read", partnerId);
  const rows = await listDeals({ partnerId, stage: q.stage, limit: q.limit + 1, cursor: decodeCursor(q.cursor) });
  const page = pageFrom(rows, q.limit, (r) => ({ at: r.registeredAt.toISOString(), id: r.id }));
  return { data: page.data.map(toDealPublic), nextCursor: page.nextCursor };
}

export async function getOwnDeal(principal: Principal | null, id: string) {
  const partnerId = ownPartnerId(principal);
  assertPartner(principal, "deals:read", partnerId);
  const deal = await findDeal(await getDb(), id);
  if (!deal || deal.partnerId !== partnerId) throw notFound("Deal");
  return toDealPublic(deal);
}

export async function registerOwnDeal(principal: Principal | null, input: unknown, now: Date) {
  const partnerId = ownPartnerId(principal);
  const { deal } = await registerDeal({ principal, partnerId, input, now });
  return toDealPublic(deal);
}
