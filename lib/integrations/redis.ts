import "server-only";
import { Redis } from "ioredis";
import { getEnv } from "@/lib/env";
import { log } from "@/lib/log";

// One Redis connection per process when REDIS_URL is set (rate limits, caches).
// Without it, callers use their in-process fallbacks.

const g = globalThis as typeof globalThis & { __ppRedis?: Redis | null };

export function getRedis(): Redis | null {
  if (g.__ppRedis !== undefined) return g.__ppRedis;
  const url = getEnv().REDIS_URL;
  if (!url) return (g.__ppRedis = null);
  const client = new Redis(url, { maxRetriesPerRequest: 2, enableOfflineQueue: true, lazyConnect: false });
  client.on("error", (error) => log.warn("redis error", { error: error.message }));
  return (g.__ppRedis = client);
}

/** Closes this process's connection, if one was opened (command-line scripts, before exiting). */
export async function closeRedis(): Promise<void> {
  const client = g.__ppRedis;
  g.__ppRedis = undefined;
  if (client) await client.quit().catch(() => client.disconnect());
}

/** Tests: forget the connection (after closing it) so the next call reads the environment again. */
export async function resetRedisForTests(): Promise<void> {
  const client = g.__ppRedis;
  g.__ppRedis = undefined;
  if (client) await client.quit().catch(() => undefined);
}
