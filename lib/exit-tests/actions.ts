"use server";

import { runAction, type ActionResult } from "@/lib/actions";
import { getPrincipal } from "@/lib/auth/guards";
import { runExitTests } from "./run-exit-tests";
import { signOffRun } from "./sign-off";

export async function runExitTestsAction(): Promise<ActionResult<{ id: string; passed: number; failed: number }>> {
  return runAction(async () => {
    const run = await runExitTests({ now: new Date(), trigger: "admin", principal: await getPrincipal() });
    return { id: run.id, passed: run.results.filter((r) => r.status === "PASS").length, failed: run.results.filter((r) => r.status === "FAIL").length };
  });
}

export async function signOffAction(input: { runId: string; packageSha256: string; confirm: boolean }): Promise<ActionResult<{ id: string }>> {
  return runAction(async () => {
    const s = await signOffRun({ principal: await getPrincipal(), input, now: new Date() });
    return { id: s.id };
  }, "Signed");
}
