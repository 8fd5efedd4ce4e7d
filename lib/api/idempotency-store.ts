import "server-only";
import { and, eq, lt } from "drizzle-orm";
import { getDb } from "@/db/client";
import { idempotencyKeys } from "@/db/schema";
import { newId } from "@/lib/ids";

export type IdempotencyRow = typeof idempotencyKeys.$inferSelect;

/** Claims (owner, key). Returns null when the claim is new, else the row already there. */
export async function claimKey(values: {
  owner: string;
  key: string;
  method: string;
  path: string;
  requestHash: string;
  now: Date;
}): Promise<IdempotencyRow | null> {
  const db = await getDb();
  const inserted = await db
    .insert(idempotencyKeys)
    .values({ id: newId("idempotency"), ...values, state: "in_progress", createdAt: values.now })
    .onConflictDoNothing()
    .returning({ id: idempotencyKeys.id });
  if (inserted.length) return null;
  const [existing] = await db
    .select()
    .from(idempotencyKeys)
    .where(and(eq(idempotencyKeys.owner, values.owner), eq(idempotencyKeys.key, values.key)));
  return existing ?? null;
}

export async function completeKey(owner: string, key: string, status: number, body: unknown): Promise<void> {
  const db = await getDb();
  await db
    .update(idempotencyKeys)
    .set({ state: "done", responseStatus: status, responseBody: body })
    .where(and(eq(idempotencyKeys.owner, owner), eq(idempotencyKeys.key, key)));
}

/** Forgets a claim (the request failed on our side, so a retry may run it again). */
export async function releaseKey(owner: string, key: string): Promise<void> {
  const db = await getDb();
  await db.delete(idempotencyKeys).where(and(eq(idempotencyKeys.owner, owner), eq(idempotencyKeys.key, key)));
}

/** Removes keys older than the retention window; returns how many. */
export async function purgeKeysBefore(cutoff: Date): Promise<number> {
  const db = await getDb();
  const rows = await db.delete(idempotencyKeys).where(lt(idempotencyKeys.createdAt, cutoff)).returning({ id: idempotencyKeys.id });
  return rows.length;
}
