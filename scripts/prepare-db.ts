// Runs before `npm run dev` and `npm start`: validates the environment, applies
// migrations, and seeds the demo the first time (never again on existing data).
import { getDbHandle } from "@/db/client";
import { migrateDb } from "@/db/migrate";
import { isSeeded, seedDemo } from "@/db/seed";
import { closeConnections, envOrExit, fail } from "./cli";

const env = envOrExit();
try {
  const handle = await getDbHandle();
  const where = env.DATABASE_URL ? "PostgreSQL (DATABASE_URL)" : `PGlite in ${env.DATA_DIR}/pglite`;
  await migrateDb(handle, { databaseUrl: env.DATABASE_URL });
  if (!env.SEED_DEMO) {
    console.log(`Database ready: ${where}. Demo seed disabled (SEED_DEMO=false).`);
  } else if (await isSeeded(handle.db)) {
    console.log(`Database ready: ${where}. Existing data kept.`);
  } else {
    const result = await seedDemo(handle.db, { now: new Date() });
    console.log(`Database ready: ${where}. Seeded the demo: ${result.partners} partners, ${result.users} users.`);
  }
  await closeConnections();
} catch (error) {
  fail(error);
}
