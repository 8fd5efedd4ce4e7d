import "server-only";
import { getDb } from "@/db/client";
import type { ExitTestTrigger } from "@/db/schema";
import { audit } from "@/lib/audit/audit";
import { actorOf } from "@/lib/auth/actor";
import { assertAdmin, type Principal } from "@/lib/auth/permissions";
import { newId } from "@/lib/ids";
import { evaluateAll } from "./evaluate";
import { loadExitTestData } from "./load";
import { buildExitTestFiles, packageOf } from "./package";
import { insertRun } from "./store";
import type { ExitTestResult } from "./types";

export interface ExitTestRun {
  id: string;
  ranAt: Date;
  passed: boolean;
  results: ExitTestResult[];
  manifestSha256: string;
}

/**
 * Runs the exit tests on the live data, builds the evidence package and records
 * the run. The admin page (a principal), the cron route and the command line
 * (no principal: the trigger says who) all come through here.
 */
export async function runExitTests(args: { now: Date; trigger: ExitTestTrigger; principal?: Principal | null }): Promise<ExitTestRun> {
  const viewer = args.trigger === "admin" ? assertAdmin(args.principal ?? null, "exit_tests:run") : null;
  const db = await getDb();
  const data = await loadExitTestData(db, args.now);
  const results = evaluateAll(data, args.now);
  const passed = results.every((r) => r.status === "PASS");
  const id = newId("exitTestRun");
  const files = buildExitTestFiles(data, results, { id, passed });
  const pkg = packageOf(files, args.now, id);
  await db.transaction(async (tx) => {
    await insertRun(tx, {
      id,
      ranAt: args.now,
      trigger: args.trigger,
      triggeredByUserId: viewer?.userId ?? null,
      passed,
      results,
      packageFiles: files,
      manifest: pkg.manifest,
      manifestSha256: pkg.manifestSha256,
    });
    await audit(tx, {
      actor: args.principal ? actorOf(args.principal) : { type: "system", id: args.trigger, label: args.trigger === "cron" ? "Scheduled exit tests" : "Exit tests (command line)" },
      action: "exit_tests.run",
      object: { type: "exit_test_run", id },
      after: { passed, results: results.map((r) => `${r.status} ${r.number}`), manifestSha256: pkg.manifestSha256 },
      at: args.now,
    });
  });
  return { id, ranAt: args.now, passed, results, manifestSha256: pkg.manifestSha256 };
}
