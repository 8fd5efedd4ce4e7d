"use server";

import { revalidatePath } from "next/cache";
import { headers } from "next/headers";
import { formFields, optionalFormFile } from "@/lib/forms";
import { runAction, type ActionResult } from "@/lib/actions";
import { getPrincipal } from "@/lib/auth/guards";
import { createOnePager } from "./one-pagers";
import { addProofFile, addProofLink, removeProof } from "./proofs";
import { commentOnMaterial, resubmitMaterial, reviewMaterial, submitMaterial } from "./submissions";
import { createWebinar, registerForWebinar } from "./webinars";
import { ipFromHeaders } from "@/lib/client-ip";

export async function createOnePagerAction(partnerId: string, input: unknown): Promise<ActionResult<{ id: string }>> {
  return runAction(async () => {
    const row = await createOnePager({ principal: await getPrincipal(), partnerId, input, now: new Date() });
    revalidatePath("/console/marketing");
    return { id: row.id };
  }, "One-pager created");
}

export async function createWebinarAction(partnerId: string, input: unknown): Promise<ActionResult<{ slug: string }>> {
  return runAction(async () => {
    const row = await createWebinar({ principal: await getPrincipal(), partnerId, input, now: new Date() });
    revalidatePath("/console/marketing/webinars");
    return { slug: row.slug };
  }, "Webinar created");
}

export async function registerForWebinarAction(slug: string, input: unknown): Promise<ActionResult<{ duplicate: boolean }>> {
  const ip = ipFromHeaders(await headers());
  return runAction(async () => {
    const { duplicate } = await registerForWebinar({ slug, input, clientIp: ip, now: new Date() });
    return { duplicate };
  }, "You are registered");
}

export async function submitMaterialAction(partnerId: string, form: FormData): Promise<ActionResult<{ id: string }>> {
  return runAction(async () => {
    const row = await submitMaterial({
      principal: await getPrincipal(),
      partnerId,
      input: formFields(form, ["title", "usage", "url", "comment"]),
      file: await optionalFormFile(form),
      now: new Date(),
    });
    revalidatePath("/console/marketing/submissions");
    return { id: row.id };
  }, "Submitted for approval");
}

export async function resubmitMaterialAction(partnerId: string, submissionId: string, form: FormData): Promise<ActionResult> {
  return runAction(async () => {
    await resubmitMaterial({ principal: await getPrincipal(), partnerId, submissionId, input: formFields(form, ["url", "comment"]), file: await optionalFormFile(form), now: new Date() });
    revalidatePath(`/console/marketing/submissions/${submissionId}`);
    return null;
  }, "Resubmitted for approval");
}

export async function commentOnMaterialAction(submissionId: string, form: FormData): Promise<ActionResult> {
  return runAction(async () => {
    await commentOnMaterial({ principal: await getPrincipal(), submissionId, input: formFields(form, ["body"]), now: new Date() });
    revalidatePath(`/console/marketing/submissions/${submissionId}`);
    revalidatePath(`/admin/marketing/${submissionId}`);
    return null;
  }, "Comment added");
}

export async function reviewMaterialAction(submissionId: string, form: FormData): Promise<ActionResult> {
  return runAction(async () => {
    await reviewMaterial({ principal: await getPrincipal(), submissionId, input: formFields(form, ["decision", "comment"]), now: new Date() });
    revalidatePath("/admin/marketing");
    revalidatePath(`/admin/marketing/${submissionId}`);
    return null;
  }, "Review saved");
}

export async function addProofLinkAction(partnerId: string, form: FormData): Promise<ActionResult> {
  return runAction(async () => {
    await addProofLink({ principal: await getPrincipal(), partnerId, input: formFields(form, ["title", "link"]), now: new Date() });
    revalidatePath("/console/marketing/proofs");
    return null;
  }, "Proof link added");
}

export async function addProofFileAction(partnerId: string, form: FormData): Promise<ActionResult> {
  return runAction(async () => {
    await addProofFile({ principal: await getPrincipal(), partnerId, input: formFields(form, ["title"]), file: await optionalFormFile(form), now: new Date() });
    revalidatePath("/console/marketing/proofs");
    return null;
  }, "Proof file uploaded");
}

export async function removeProofAction(partnerId: string, proofId: string): Promise<ActionResult> {
  return runAction(async () => {
    await removeProof({ principal: await getPrincipal(), partnerId, proofId, now: new Date() });
    revalidatePath("/console/marketing/proofs");
    return null;
  }, "Proof removed");
}
