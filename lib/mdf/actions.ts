"use server";

import { revalidatePath } from "next/cache";
import { formFields } from "@/lib/forms";
import { runAction, type ActionResult } from "@/lib/actions";
import { getPrincipal } from "@/lib/auth/guards";
import { bytesOfFile } from "@/lib/storage/uploads";
import { decideMdfClaim } from "./decide-claim";
import { decideMdfRequest } from "./decide-request";
import { requestMdf } from "./request-mdf";
import { submitMdfClaim } from "./submit-claim";

export async function requestMdfAction(partnerId: string, input: unknown): Promise<ActionResult<{ id: string }>> {
  return runAction(async () => {
    const row = await requestMdf({ principal: await getPrincipal(), partnerId, input, now: new Date() });
    revalidatePath("/console/mdf");
    return { id: row.id };
  }, "MDF requested");
}

export async function decideMdfRequestAction(requestId: string, form: FormData): Promise<ActionResult> {
  return runAction(async () => {
    const input: Record<string, unknown> = formFields(form, ["decision", "reason"]);
    const amount = form.get("approvedAmount");
    // The form takes whole dollars and cents ("3500.00"); the operation takes minor units.
    if (typeof amount === "string" && amount.trim() !== "") input.approvedAmount = Number.isFinite(Number(amount)) ? Math.round(Number(amount) * 100) : amount;
    await decideMdfRequest({ principal: await getPrincipal(), requestId, input, now: new Date() });
    revalidatePath("/admin/mdf");
    revalidatePath(`/admin/mdf/${requestId}`);
    return null;
  }, "Decision saved");
}

export async function submitMdfClaimAction(partnerId: string, requestId: string, form: FormData): Promise<ActionResult> {
  return runAction(async () => {
    const input: Record<string, unknown> = formFields(form, ["actualLeads", "resultsSummary", "proofUrl"]);
    const amount = form.get("claimedAmount");
    if (typeof amount === "string" && amount.trim() !== "") input.claimedAmount = Number.isFinite(Number(amount)) ? Math.round(Number(amount) * 100) : amount;
    const receipts = await Promise.all(form.getAll("receipts").filter((f): f is File => f instanceof Blob && f.size > 0).map((f) => bytesOfFile(f, "receipts")));
    await submitMdfClaim({ principal: await getPrincipal(), partnerId, requestId, input, receipts, now: new Date() });
    revalidatePath(`/console/mdf/${requestId}`);
    return null;
  }, "Claim submitted");
}

export async function decideMdfClaimAction(requestId: string, form: FormData): Promise<ActionResult> {
  return runAction(async () => {
    await decideMdfClaim({ principal: await getPrincipal(), requestId, input: formFields(form, ["decision", "reason"]), now: new Date() });
    revalidatePath("/admin/mdf");
    revalidatePath(`/admin/mdf/${requestId}`);
    return null;
  }, "Claim decided");
}
