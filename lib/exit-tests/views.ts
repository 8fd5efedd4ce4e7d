import "server-only";
import { getDb } from "@/db/client";
import { assertAdmin, canAdmin, type Principal } from "@/lib/auth/permissions";
import { notFound } from "@/lib/errors";
import { packageOf } from "./package";
import { countRuns, findRun, listRuns, signoffsOf } from "./store";
import type { ExitTestResult } from "./types";
import { checkPackage } from "./verify";

export async function getExitTestsView(principal: Principal | null, opts: { page: number; pageSize: number; runId?: string }) {
  const viewer = assertAdmin(principal, "exit_tests:run");
  const db = await getDb();
  const [runs, total] = await Promise.all([listRuns(db, { limit: opts.pageSize, offset: (opts.page - 1) * opts.pageSize }), countRuns(db)]);
  const selectedId = opts.runId ?? runs[0]?.id;
  const run = selectedId ? await findRun(db, selectedId) : null;
  const selected = run
    ? await (async () => {
        const check = checkPackage(run);
        const signoffs = await signoffsOf(db, run.id);
        return {
          id: run.id,
          ranAt: run.ranAt,
          trigger: run.trigger,
          passed: run.passed,
          results: run.results as ExitTestResult[],
          manifestSha256: run.manifestSha256,
          files: (run.manifest as { files: { path: string; sha256: string; bytes: number }[] }).files,
          check,
          signoffs: signoffs.map((s) => ({ ...s, matches: s.packageSha256 === check.currentSha256 })),
          signedByMe: signoffs.some((s) => s.signerUserId === viewer.userId),
        };
      })()
    : null;
  return {
    runs: runs.map((r) => ({ ...r, results: r.results as ExitTestResult[] })),
    total,
    selected,
    canSign: canAdmin(viewer, "exit_tests:sign"),
    /** A run was asked for that does not exist. */
    missingRun: Boolean(opts.runId && !run),
  };
}

/** The run's zip, rebuilt byte for byte from the stored files. */
export async function exitTestPackage(principal: Principal | null, runId: string) {
  assertAdmin(principal, "exit_tests:run");
  const run = await findRun(await getDb(), runId);
  if (!run) throw notFound("Exit-test run");
  const pkg = packageOf(run.packageFiles, run.ranAt, run.id);
  return { zip: pkg.zip, filename: `exit-tests-${run.ranAt.toISOString().slice(0, 10)}-${run.id}.zip`, manifestSha256: pkg.manifestSha256 };
}
