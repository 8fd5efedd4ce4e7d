// `npm run db:seed`: seeds the demo if it is not there yet.
// `npm run db:reset`: deletes everything, migrates and seeds again.
import { rmSync } from "node:fs";
import { sql } from "drizzle-orm";
import { getDbHandle, pgliteDataDir } from "@/db/client";
import { migrateDb } from "@/db/migrate";
import { isSeeded, seedDemo } from "@/db/seed";
import { closeConnections, envOrExit, fail } from "./cli";

const env = envOrExit();
const reset = process.argv.includes("--reset");
try {
  if (reset && !env.DATABASE_URL) rmSync(pgliteDataDir(), { recursive: true, force: true });
  const handle = await getDbHandle();
  if (reset && env.DATABASE_URL) {
    await handle.db.execute(sql`drop schema if exists public cascade`);
    await handle.db.execute(sql`drop schema if exists drizzle cascade`);
    await handle.db.execute(sql`create schema public`);
  }
  await migrateDb(handle, { databaseUrl: env.DATABASE_URL });
  if (await isSeeded(handle.db)) {
    console.log("The demo data is already there; nothing to do. Use `npm run db:reset` to start over.");
  } else {
    const result = await seedDemo(handle.db, { now: new Date() });
    console.log(`Seeded the demo: ${result.partners} partners, ${result.users} users.`);
  }
  await closeConnections();
} catch (error) {
  fail(error);
}
