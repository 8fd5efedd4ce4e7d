import path from "node:path";
import type { DbHandle } from "./client";

const MIGRATIONS_FOLDER = path.join(/* turbopackIgnore: true */ process.cwd(), "drizzle");
// Any constant works; it only has to be the same for every instance of this app.
const MIGRATION_LOCK_KEY = 7_302_114;

/**
 * Applies the committed SQL migrations in drizzle/ (the same files on both drivers).
 * On PostgreSQL, an advisory lock lets several instances start at once safely.
 */
export async function migrateDb(handle: DbHandle, options: { databaseUrl?: string } = {}): Promise<void> {
  if (handle.driver === "pglite") {
    const { migrate } = await import("drizzle-orm/pglite/migrator");
    await migrate(handle.db as never, { migrationsFolder: MIGRATIONS_FOLDER });
    return;
  }
  if (!options.databaseUrl) throw new Error("migrateDb on PostgreSQL needs the connection URL");
  const [{ default: postgres }, { drizzle }, { migrate }] = await Promise.all([
    import("postgres"),
    import("drizzle-orm/postgres-js"),
    import("drizzle-orm/postgres-js/migrator"),
  ]);
  // One dedicated connection, so the session-level lock and the migration share it.
  const client = postgres(options.databaseUrl, { max: 1, onnotice: () => {} });
  try {
    await client`select pg_advisory_lock(${MIGRATION_LOCK_KEY})`;
    await migrate(drizzle({ client }), { migrationsFolder: MIGRATIONS_FOLDER });
    await client`select pg_advisory_unlock(${MIGRATION_LOCK_KEY})`;
  } finally {
    await client.end({ timeout: 5 });
  }
}
