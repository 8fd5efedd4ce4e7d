import "server-only";
import { readFileSync } from "node:fs";
import path from "node:path";
import { sql } from "drizzle-orm";
import { getDbHandle, queryRows } from "@/db/client";

/** Liveness plus a database round trip, for load balancers and uptime checks. */
export async function checkHealth(): Promise<{ ok: boolean; database: string; driver?: string }> {
  try {
    const handle = await getDbHandle();
    await handle.db.execute(sql`select 1`);
    return { ok: true, database: "up", driver: handle.driver };
  } catch {
    return { ok: false, database: "down" };
  }
}

/** Readiness: the database answers and every committed migration is applied. */
export async function checkReady(): Promise<{ ok: boolean; database: string; migrations: { applied: number; expected: number } }> {
  const journal = JSON.parse(
    readFileSync(path.join(/* turbopackIgnore: true */ process.cwd(), "drizzle", "meta", "_journal.json"), "utf8"),
  ) as { entries: unknown[] };
  const expected = journal.entries.length;
  try {
    const { db } = await getDbHandle();
    const [row] = await queryRows<{ n: number }>(db, sql`select count(*)::int as n from drizzle.__drizzle_migrations`);
    const applied = row?.n ?? 0;
    return { ok: applied >= expected, database: "up", migrations: { applied, expected } };
  } catch {
    return { ok: false, database: "down", migrations: { applied: 0, expected } };
  }
}
