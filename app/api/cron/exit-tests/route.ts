import { withCron } from "@/lib/cron/with-cron";
import { runExitTests } from "@/lib/exit-tests/run-exit-tests";

/** Daily: runs the exit tests, records the run and its evidence package. */
export const POST = withCron("exit-tests", async ({ now }) => {
  const run = await runExitTests({ now, trigger: "cron" });
  const failed = run.results.filter((r) => r.status === "FAIL").length;
  return { processed: run.results.length, skipped: 0, changed: 1, run: run.id, passed: run.results.length - failed, failed };
});
export const GET = POST;
