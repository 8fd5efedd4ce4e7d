import "server-only";
import { z } from "zod";
import { getDb } from "@/db/client";
import { audit } from "@/lib/audit/audit";
import { actorOf } from "@/lib/auth/actor";
import { assertAdmin, type Principal } from "@/lib/auth/permissions";
import { AppError, conflict, notFound, parseOrThrow } from "@/lib/errors";
import { SIGN_OFF_STATEMENT } from "./sign-off-statement";
import { findRun, findSignoff, insertSignoff } from "./store";
import { checkPackage } from "./verify";

export const signOffSchema = z.object({
  runId: z.string().trim().min(1, { message: "Required" }),
  /** The package hash the signer saw on the page: signing something else is refused. */
  packageSha256: z.string().trim().regex(/^[0-9a-f]{64}$/, { message: "A SHA-256 in hex" }),
  confirm: z.literal(true, { message: "Confirm that you reviewed the run and its evidence package" }),
});

export { SIGN_OFF_STATEMENT };

/** An executive signs a run's evidence package: signer, time and the package hash. */
export async function signOffRun(args: { principal: Principal | null; input: unknown; now: Date }) {
  const viewer = assertAdmin(args.principal, "exit_tests:sign");
  const input = parseOrThrow(signOffSchema, args.input);
  const db = await getDb();
  return db.transaction(async (tx) => {
    const run = await findRun(tx, input.runId);
    if (!run) throw notFound("Exit-test run");
    const check = checkPackage(run);
    if (!check.intact) throw conflict("The evidence package no longer matches what was generated; it cannot be signed");
    if (check.currentSha256 !== input.packageSha256) {
      throw new AppError({ code: "validation_failed", message: "The package hash does not match this run", fields: { packageSha256: ["Not this run's package"] } });
    }
    if (await findSignoff(tx, run.id, viewer.userId)) throw conflict("You already signed this run");
    const row = await insertSignoff(tx, {
      runId: run.id,
      signerUserId: viewer.userId,
      signerName: viewer.name ?? viewer.email,
      signerEmail: viewer.email,
      packageSha256: check.currentSha256,
      statement: SIGN_OFF_STATEMENT,
      signedAt: args.now,
    });
    if (!row) throw conflict("You already signed this run");
    await audit(tx, {
      actor: actorOf(args.principal!),
      action: "exit_tests.signed",
      object: { type: "exit_test_run", id: run.id },
      after: { packageSha256: row.packageSha256, signer: row.signerEmail },
      at: args.now,
    });
    return { id: row.id, runId: run.id, packageSha256: row.packageSha256, signedAt: row.signedAt };
  });
}
