import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import type { TestProject } from "vitest/node";

// Migrate once per run, then every test file starts from a copy:
// - PGlite: the migrated data folder is dumped to a file each test file loads;
// - PostgreSQL (DATABASE_URL): a migrated template database each test file clones.

declare module "vitest" {
  export interface ProvidedContext {
    pgliteDump: string;
    pgTemplate: string;
  }
}

export default async function setup(project: TestProject) {
  process.env.TZ = "UTC";
  const { openPglite, openPostgres } = await import("../../db/client");
  const { migrateDb } = await import("../../db/migrate");
  const url = process.env.DATABASE_URL;

  if (!url) {
    const handle = await openPglite({ dataDir: "memory://" });
    await migrateDb(handle);
    const client = (handle.db as unknown as { $client: { dumpDataDir(c: "none"): Promise<Blob> } }).$client;
    const dump = await client.dumpDataDir("none");
    await handle.close();
    const dir = mkdtempSync(path.join(os.tmpdir(), "pp-test-"));
    const file = path.join(dir, "migrated.tar");
    writeFileSync(file, Buffer.from(await dump.arrayBuffer()));
    project.provide("pgliteDump", file);
    project.provide("pgTemplate", "");
    return () => rmSync(dir, { recursive: true, force: true });
  }

  const template = `pp_tpl_${randomBytes(4).toString("hex")}`;
  const admin = await openPostgres(url, { max: 1 });
  const { sql } = await import("drizzle-orm");
  await admin.db.execute(sql.raw(`create database ${template}`));
  const templateUrl = withDatabase(url, template);
  const tpl = await openPostgres(templateUrl, { max: 1 });
  await migrateDb(tpl, { databaseUrl: templateUrl });
  await tpl.close();
  project.provide("pgliteDump", "");
  project.provide("pgTemplate", template);
  return async () => {
    await admin.db.execute(sql.raw(`drop database if exists ${template} with (force)`));
    await admin.close();
  };
}

export function withDatabase(url: string, database: string): string {
  const u = new URL(url);
  u.pathname = `/${database}`;
  return u.toString();
}
