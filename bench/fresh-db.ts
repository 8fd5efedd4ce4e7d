// A database of its own for a benchmark: a fresh, migrated PostgreSQL database
// when a URL is given (dropped by close()), else PGlite in memory.
import { randomBytes } from "node:crypto";
import { sql } from "drizzle-orm";
import { openPglite, openPostgres, type DbHandle } from "@/db/client";
import { migrateDb } from "@/db/migrate";

export interface BenchDb {
  handle: DbHandle;
  /** "PostgreSQL, fresh database pp_bench_…" or "PGlite in memory". */
  label: string;
  /** Closes the connections and drops the PostgreSQL database. */
  close: () => Promise<void>;
}

export async function openBenchDb(url: string | undefined, opts: { max: number }): Promise<BenchDb> {
  if (!url) {
    const handle = await openPglite({ dataDir: "memory://" });
    await migrateDb(handle);
    return { handle, label: "PGlite in memory (set DATABASE_URL to run on PostgreSQL)", close: () => handle.close() };
  }
  const name = `pp_bench_${randomBytes(4).toString("hex")}`;
  const admin = await openPostgres(url, { max: 1 });
  await admin.db.execute(sql.raw(`create database ${name}`));
  const target = new URL(url);
  target.pathname = `/${name}`;
  const handle = await openPostgres(target.toString(), { max: opts.max });
  await migrateDb(handle, { databaseUrl: target.toString() });
  return {
    handle,
    label: `PostgreSQL, fresh database ${name}`,
    close: async () => {
      await handle.close();
      await admin.db.execute(sql.raw(`drop database if exists ${name} with (force)`));
      await admin.close();
    },
  };
}
