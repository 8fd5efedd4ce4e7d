import path from "node:path";
import { mkdirSync } from "node:fs";
import { sql, type ExtractTablesWithRelations, type SQL } from "drizzle-orm";
import type { PgDatabase, PgQueryResultHKT, PgTransaction } from "drizzle-orm/pg-core";
import { getEnv } from "@/lib/env";
import * as schema from "./schema";

// One database handle per process, created on first use (so `next build` never
// opens the data folder). DATABASE_URL -> PostgreSQL through postgres.js;
// otherwise an embedded PGlite under DATA_DIR (in memory for tests).

export type Schema = typeof schema;
export type Db = PgDatabase<PgQueryResultHKT, Schema, ExtractTablesWithRelations<Schema>>;
export type Tx = PgTransaction<PgQueryResultHKT, Schema, ExtractTablesWithRelations<Schema>>;
/** Anything queries can run on: the database or an open transaction. */
export type Queryable = Db | Tx;

export type DbDriver = "pglite" | "postgres";

export interface DbHandle {
  db: Db;
  driver: DbDriver;
  close(): Promise<void>;
}

const g = globalThis as typeof globalThis & { __ppDb?: DbHandle; __ppDbFactory?: () => Promise<DbHandle> };

export function pgliteDataDir(): string {
  return path.join(/* turbopackIgnore: true */ process.cwd(), getEnv().DATA_DIR, "pglite");
}

async function loadPglite() {
  const [{ PGlite }, { pg_trgm }, { drizzle }] = await Promise.all([
    import("@electric-sql/pglite"),
    import("@electric-sql/pglite/contrib/pg_trgm"),
    import("drizzle-orm/pglite"),
  ]);
  return { PGlite, pg_trgm, drizzle };
}

/** Opens a PGlite database. `dataDir` is a folder, or "memory://"; `loadDataDir` restores a dump. */
export async function openPglite(options: { dataDir: string; loadDataDir?: Blob }): Promise<DbHandle> {
  const { PGlite, pg_trgm, drizzle } = await loadPglite();
  if (!options.dataDir.startsWith("memory://")) mkdirSync(options.dataDir, { recursive: true });
  // Single-object form: the two-argument constructor silently drops the options.
  const client = new PGlite({ dataDir: options.dataDir, loadDataDir: options.loadDataDir, extensions: { pg_trgm } });
  await client.waitReady;
  const db = drizzle({ client, schema }) as unknown as Db;
  return { db, driver: "pglite", close: () => client.close() };
}

export async function openPostgres(url: string, options: { max?: number } = {}): Promise<DbHandle> {
  const [{ default: postgres }, { drizzle }] = await Promise.all([
    import("postgres"),
    import("drizzle-orm/postgres-js"),
  ]);
  const client = postgres(url, { max: options.max ?? 10, onnotice: () => {} });
  const db = drizzle({ client, schema }) as unknown as Db;
  return { db, driver: "postgres", close: () => client.end({ timeout: 5 }) };
}

/** The configured database for this process: PostgreSQL if DATABASE_URL is set, else PGlite on disk. */
export async function openConfiguredDb(): Promise<DbHandle> {
  const env = getEnv();
  if (env.DATABASE_URL) return openPostgres(env.DATABASE_URL);
  return openPglite({ dataDir: pgliteDataDir() });
}

let opening: Promise<DbHandle> | undefined;

/** The process-wide handle, opened on first call. */
export async function getDbHandle(): Promise<DbHandle> {
  if (g.__ppDb) return g.__ppDb;
  opening ??= (g.__ppDbFactory ?? openConfiguredDb)().then((handle) => {
    g.__ppDb = handle;
    return handle;
  });
  return opening;
}

export async function getDb(): Promise<Db> {
  return (await getDbHandle()).db;
}

/** Tests: how to open the database when first asked for (instead of the configured one). */
export function setDbFactory(factory: (() => Promise<DbHandle>) | undefined): void {
  g.__ppDbFactory = factory;
  opening = undefined;
}

/** Whether a handle is open in this process. */
export function hasOpenDb(): boolean {
  return Boolean(g.__ppDb);
}

/** Installs a handle (tests, scripts). The previous one is not closed. */
export function useDbHandle(handle: DbHandle | undefined): void {
  g.__ppDb = handle;
  opening = undefined;
}

export async function closeDb(): Promise<void> {
  const handle = g.__ppDb;
  g.__ppDb = undefined;
  opening = undefined;
  await handle?.close();
}

/** Runs raw SQL and returns its rows on either driver (their result shapes differ). */
export async function queryRows<T>(db: Queryable, query: SQL): Promise<T[]> {
  const result = (await db.execute(query)) as unknown;
  if (Array.isArray(result)) return result as T[];
  return ((result as { rows?: T[] }).rows ?? []) as T[];
}

/**
 * Rows in slices of at most `size`, for multi-row inserts: PostgreSQL takes at
 * most 65,535 bind parameters per statement (rows x columns).
 */
export function slices<T>(rows: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < rows.length; i += size) out.push(rows.slice(i, i + size));
  return out;
}

/**
 * A text array built from one bind parameter (a JSON list), for `= any(...)`
 * over thousands of ids: `inArray` would spend one parameter per id.
 */
export function textArray(values: readonly string[]): SQL {
  return sql`array(select jsonb_array_elements_text(${JSON.stringify(values)}::jsonb))`;
}
