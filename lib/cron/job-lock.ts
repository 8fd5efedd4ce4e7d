import "server-only";
import type { Sql } from "postgres";
import { getDbHandle } from "@/db/client";

// One run of a cron job at a time across every instance. On PostgreSQL a
// session advisory lock on a reserved connection, taken with try (a second
// caller skips at once instead of queueing behind the first); on PGlite, which
// only one process can open, an in-process flag does the same.
//
// Work that is claimed row by row (webhook deliveries, probes, holds) is shared
// with FOR UPDATE SKIP LOCKED as well; this lock also covers jobs that rebuild
// or send in bulk (rollups, surveys), where two overlapping runs would repeat work.

/** Namespace of the two-key advisory locks (the migration lock uses a one-key lock). */
const LOCK_NAMESPACE = 7_302_115;

const running = new Set<string>();

export type LockedRun<T> = { ran: true; result: T } | { ran: false };

export async function withJobLock<T>(name: string, fn: () => Promise<T>): Promise<LockedRun<T>> {
  const handle = await getDbHandle();
  if (handle.driver !== "postgres") {
    if (running.has(name)) return { ran: false };
    running.add(name);
    try {
      return { ran: true, result: await fn() };
    } finally {
      running.delete(name);
    }
  }
  const client = (handle.db as unknown as { $client: Sql }).$client;
  const conn = await client.reserve();
  try {
    const [row] = await conn<{ locked: boolean }[]>`select pg_try_advisory_lock(${LOCK_NAMESPACE}, hashtext(${name})) as locked`;
    if (!row?.locked) return { ran: false };
    try {
      return { ran: true, result: await fn() };
    } finally {
      await conn`select pg_advisory_unlock(${LOCK_NAMESPACE}, hashtext(${name}))`;
    }
  } finally {
    conn.release();
  }
}
