import { randomBytes } from "node:crypto";
import { readFileSync } from "node:fs";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, inject } from "vitest";
import { closeDb, hasOpenDb, openPglite, openPostgres, setDbFactory } from "@/db/client";
import { resetEnvForTests } from "@/lib/env";

// Each test file that touches the database gets its own freshly migrated one,
// opened on first use and installed as the process-wide handle, so the code
// under test runs exactly as in the app. Pure tests never open one.

let dropDatabase: (() => Promise<void>) | undefined;

beforeAll(() => {
  resetEnvForTests();
  const dump = inject("pgliteDump");
  if (dump) {
    setDbFactory(() => openPglite({ dataDir: "memory://", loadDataDir: new Blob([readFileSync(dump)]) }));
    return;
  }
  setDbFactory(async () => {
    const url = process.env.DATABASE_URL!;
    const name = `pp_test_${randomBytes(5).toString("hex")}`;
    const admin = await openPostgres(url, { max: 1 });
    await admin.db.execute(sql.raw(`create database ${name} template ${inject("pgTemplate")}`));
    dropDatabase = async () => {
      await admin.db.execute(sql.raw(`drop database if exists ${name} with (force)`));
      await admin.close();
    };
    const u = new URL(url);
    u.pathname = `/${name}`;
    return openPostgres(u.toString(), { max: 5 });
  });
});

afterAll(async () => {
  if (hasOpenDb()) await closeDb();
  await dropDatabase?.();
  setDbFactory(undefined);
});
