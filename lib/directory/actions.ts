"use server";

import { revalidatePath } from "next/cache";
import { headers } from "next/headers";
import { runAction, type ActionResult } from "@/lib/actions";
import { getPrincipal } from "@/lib/auth/guards";
import { updateLogo } from "@/lib/partners/update-logo";
import { runRanking } from "@/lib/ranking/run-ranking";
import { assertAdmin } from "@/lib/auth/permissions";
import { submitLead, setLeadState } from "./leads";
import { decideListingReview } from "./reviews";
import { ipFromHeaders } from "@/lib/client-ip";

export async function contactPartnerAction(slug: string, input: unknown): Promise<ActionResult> {
  const ip = ipFromHeaders(await headers());
  return runAction(async () => {
    await submitLead({ slug, input, clientIp: ip, now: new Date() });
    return null;
  }, "Message sent. The partner will answer you by email.");
}

export async function setLeadStatusAction(partnerId: string, leadId: string, status: "new" | "answered" | "closed"): Promise<ActionResult> {
  return runAction(async () => {
    await setLeadState({ principal: await getPrincipal(), partnerId, leadId, status, now: new Date() });
    revalidatePath("/console/leads");
    return null;
  }, status === "answered" ? "Marked as answered" : status === "closed" ? "Lead closed" : "Lead reopened");
}

export async function decideReviewAction(reviewId: string, input: unknown): Promise<ActionResult> {
  return runAction(async () => {
    await decideListingReview({ principal: await getPrincipal(), reviewId, input, now: new Date() });
    revalidatePath("/admin/listings");
    return null;
  }, "Decision saved");
}

export async function uploadLogoAction(partnerId: string, form: FormData): Promise<ActionResult> {
  return runAction(async () => {
    await updateLogo({ principal: await getPrincipal(), partnerId, file: form.get("logo"), now: new Date() });
    revalidatePath("/console/listing");
    return null;
  }, "Logo updated");
}

export async function removeLogoAction(partnerId: string): Promise<ActionResult> {
  return runAction(async () => {
    await updateLogo({ principal: await getPrincipal(), partnerId, file: null, now: new Date() });
    revalidatePath("/console/listing");
    return null;
  }, "Logo removed");
}

export async function runRankingAction(): Promise<ActionResult<{ ranked: number; changed: number }>> {
  return runAction(async () => {
    assertAdmin(await getPrincipal(), "listings:review");
    const r = await runRanking(new Date());
    revalidatePath("/admin/listings");
    return { ranked: r.ranked, changed: r.changed };
  }, "Ranking recomputed");
}
