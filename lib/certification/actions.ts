"use server";

import { revalidatePath } from "next/cache";
import { runAction, type ActionResult } from "@/lib/actions";
import { getPrincipal } from "@/lib/auth/guards";
import { assertAdmin } from "@/lib/auth/permissions";
import { log } from "@/lib/log";
import { openIncident, resolveIncident, respondIncident } from "./incidents";
import { startQuiz, submitQuiz, type AttemptResult, type AttemptView } from "./quizzes";
import { runCertification, type CertificationRunResult } from "./run-certification";
import { decideSubmission } from "./submissions";
import { overrideTier } from "./tier-override";

/** Re-evaluates one partner right away, so a passed quiz or an approval shows without waiting for the night. */
async function reevaluate(partnerId: string): Promise<void> {
  try {
    await runCertification({ now: new Date(), partnerIds: [partnerId] });
  } catch (error) {
    log.warn("immediate certification evaluation failed", { partnerId, error: (error as Error).message });
  }
}

export async function startQuizAction(partnerId: string, assessment: string): Promise<ActionResult<AttemptView>> {
  return runAction(async () => startQuiz({ principal: await getPrincipal(), partnerId, assessment, now: new Date() }));
}

export async function submitQuizAction(attemptId: string, answers: (number | null)[]): Promise<ActionResult<AttemptResult>> {
  return runAction(async () => {
    const principal = await getPrincipal();
    const result = await submitQuiz({ principal, attemptId, input: { answers }, now: new Date() });
    await reevaluate(result.partnerId);
    revalidatePath("/console/certification");
    return result;
  });
}

export async function openIncidentAction(partnerId: string, input: unknown): Promise<ActionResult<{ id: string }>> {
  return runAction(async () => {
    const row = await openIncident({ principal: await getPrincipal(), partnerId, input, now: new Date() });
    revalidatePath("/console/certification/incidents");
    return { id: row.id };
  }, "Incident opened");
}

export async function respondIncidentAction(incidentId: string, input: unknown): Promise<ActionResult> {
  return runAction(async () => {
    await respondIncident({ principal: await getPrincipal(), incidentId, input, now: new Date() });
    revalidatePath("/console/certification/incidents");
    return null;
  }, "Response recorded");
}

export async function resolveIncidentAction(incidentId: string, input: unknown): Promise<ActionResult> {
  return runAction(async () => {
    await resolveIncident({ principal: await getPrincipal(), incidentId, input, now: new Date() });
    revalidatePath("/console/certification/incidents");
    return null;
  }, "Incident resolved");
}

export async function reviewSubmissionAction(submissionId: string, input: unknown): Promise<ActionResult<{ status: string }>> {
  return runAction(async () => {
    const row = await decideSubmission({ principal: await getPrincipal(), submissionId, input, now: new Date() });
    await reevaluate(row.partnerId);
    revalidatePath("/admin/certification");
    return { status: row.status };
  });
}

export async function overrideTierAction(partnerId: string, input: unknown): Promise<ActionResult<{ to: string }>> {
  return runAction(async () => {
    const r = await overrideTier({ principal: await getPrincipal(), partnerId, input, now: new Date() });
    revalidatePath(`/admin/certification/partners/${partnerId}`);
    return { to: r.to };
  }, "Tier set");
}

export async function runCertificationNowAction(): Promise<ActionResult<CertificationRunResult>> {
  return runAction(async () => {
    assertAdmin(await getPrincipal(), "certification:manage");
    const result = await runCertification({ now: new Date() });
    revalidatePath("/admin/certification");
    return result;
  });
}
