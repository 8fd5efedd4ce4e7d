import "server-only";
import { and, desc, eq, isNull, lt, or, sql } from "drizzle-orm";
import { getDb, type Queryable } from "@/db/client";
import { apiKeys } from "@/db/schema";
import type { ApiKey } from "./schemas";

export type ApiKeyRow = typeof apiKeys.$inferSelect;

const publicColumns = {
  id: apiKeys.id,
  kind: apiKeys.kind,
  name: apiKeys.name,
  prefix: apiKeys.prefix,
  scopes: apiKeys.scopes,
  createdAt: apiKeys.createdAt,
  lastUsedAt: apiKeys.lastUsedAt,
  revokedAt: apiKeys.revokedAt,
};

export async function insertApiKey(tx: Queryable, values: typeof apiKeys.$inferInsert): Promise<ApiKey> {
  const [row] = await tx.insert(apiKeys).values(values).returning(publicColumns);
  return row!;
}

export async function listPartnerApiKeys(partnerId: string): Promise<ApiKey[]> {
  const db = await getDb();
  return db
    .select(publicColumns)
    .from(apiKeys)
    .where(eq(apiKeys.partnerId, partnerId))
    .orderBy(sql`${apiKeys.revokedAt} is not null`, desc(apiKeys.createdAt));
}

export async function listPlatformApiKeys(): Promise<ApiKey[]> {
  const db = await getDb();
  return db
    .select(publicColumns)
    .from(apiKeys)
    .where(eq(apiKeys.kind, "platform"))
    .orderBy(sql`${apiKeys.revokedAt} is not null`, desc(apiKeys.createdAt));
}

export async function findApiKey(tx: Queryable, id: string): Promise<ApiKeyRow | null> {
  const [row] = await tx.select().from(apiKeys).where(eq(apiKeys.id, id));
  return row ?? null;
}

export async function findActiveKeyByHash(hash: string): Promise<ApiKeyRow | null> {
  const db = await getDb();
  const [row] = await db
    .select()
    .from(apiKeys)
    .where(and(eq(apiKeys.hash, hash), isNull(apiKeys.revokedAt)));
  return row ?? null;
}

export async function markRevoked(tx: Queryable, id: string, now: Date): Promise<void> {
  await tx.update(apiKeys).set({ revokedAt: now }).where(and(eq(apiKeys.id, id), isNull(apiKeys.revokedAt)));
}

/** Records use at most once a minute per key, so the hot path does not write on every request. */
export async function touchLastUsed(id: string, now: Date): Promise<void> {
  const db = await getDb();
  const staleBefore = new Date(now.getTime() - 60_000);
  await db
    .update(apiKeys)
    .set({ lastUsedAt: now })
    .where(and(eq(apiKeys.id, id), or(isNull(apiKeys.lastUsedAt), lt(apiKeys.lastUsedAt, staleBefore))));
}
