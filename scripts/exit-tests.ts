// `npm run exit-tests`: runs the exit tests on the configured database, records
// the run with its evidence package, prints one PASS/FAIL line per test with its
// numbers, and exits non-zero if any test fails.
// `npm run exit-tests -- --fixture=<pass|fail-1|fail-2|fail-3|empty>` evaluates a
// fixed data set instead (nothing is read or recorded), to see each verdict.
import { getDbHandle } from "@/db/client";
import { migrateDb } from "@/db/migrate";
import { evaluateAll, formatResultLine } from "@/lib/exit-tests/evaluate";
import { FIXTURE_NAMES, fixture, type FixtureName } from "@/lib/exit-tests/fixtures";
import { runExitTests } from "@/lib/exit-tests/run-exit-tests";
import type { ExitTestResult } from "@/lib/exit-tests/types";
import { closeConnections, envOrExit, fail } from "./cli";

const env = envOrExit();
const fixtureArg = process.argv.find((a) => a.startsWith("--fixture="))?.slice("--fixture=".length);

function report(results: ExitTestResult[]): never {
  for (const r of results) console.log(formatResultLine(r));
  const failed = results.filter((r) => r.status === "FAIL").length;
  console.log(`${results.length - failed} passed, ${failed} failed`);
  process.exit(failed ? 1 : 0);
}

try {
  if (fixtureArg !== undefined) {
    if (!(FIXTURE_NAMES as readonly string[]).includes(fixtureArg)) {
      console.error(`Unknown fixture "${fixtureArg}"; use one of: ${FIXTURE_NAMES.join(", ")}`);
      process.exit(2);
    }
    const data = fixture(fixtureArg as FixtureName);
    console.log(`Fixture "${fixtureArg}" (nothing read or recorded)`);
    report(evaluateAll(data, new Date(data.generatedAt)));
  }
  const handle = await getDbHandle();
  await migrateDb(handle, { databaseUrl: env.DATABASE_URL });
  const run = await runExitTests({ now: new Date(), trigger: "cli" });
  console.log(`Run ${run.id} · evidence package manifest SHA-256 ${run.manifestSha256}`);
  await closeConnections();
  report(run.results);
} catch (error) {
  fail(error);
}
