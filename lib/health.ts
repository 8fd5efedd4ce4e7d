import "server-only";
import { sql } from "drizzle-orm";
import { getDbHandle } from "@/db/client";

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
