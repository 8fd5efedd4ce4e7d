import { eq } from "drizzle-orm";
import { getDb } from "@/db/client";
import { webhookDeliveries, webhookEndpoints } from "@/db/schema";
import type { Principal } from "@/lib/auth/permissions";
import { createEndpoint } from "@/lib/webhooks/create-endpoint";
import { T0 } from "./factories";

// Webhook test helpers: endpoints are created through the real operation.

export async function addEndpoint(principal: Principal, partnerId: string, url: string, eventTypes: string[] = ["*"], now = T0) {
  return createEndpoint({ principal, partnerId, input: { url, eventTypes }, now });
}

export async function deliveriesOf(endpointId: string) {
  const db = await getDb();
  return db.select().from(webhookDeliveries).where(eq(webhookDeliveries.endpointId, endpointId));
}

export async function endpointRow(id: string) {
  const db = await getDb();
  const [row] = await db.select().from(webhookEndpoints).where(eq(webhookEndpoints.id, id));
  return row;
}

/** The earliest time any delivery of these endpoints is due again, or null when none is. */
export async function nextDue(endpointIds: string[]): Promise<Date | null> {
  const rows = (await Promise.all(endpointIds.map(deliveriesOf))).flat();
  const due = rows
    .filter((r) => (r.status === "pending" || r.status === "failed") && r.nextAttemptAt)
    .map((r) => r.nextAttemptAt!.getTime());
  return due.length ? new Date(Math.min(...due)) : null;
}
