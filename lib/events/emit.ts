import "server-only";
import type { Queryable } from "@/db/client";

export type EventType = "partner.deal_registered" | "partner.deal_expired" | "partner.attribution_matched" | "partner.commission.created";

export interface EmitInput<T extends EventType> {
  type: T;
  partnerId: string;
  data: Record<string, unknown>;
  now: Date;
}

export async function emit<T extends EventType>(_tx: Queryable, _input: EmitInput<T>): Promise<{ eventId: string; deliveryIds: string[] }> {
  return { eventId: "", deliveryIds: [] };
}
