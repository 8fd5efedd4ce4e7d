"use server";

import { revalidatePath } from "next/cache";
import { runAction, type ActionResult } from "@/lib/actions";
import { getPrincipal } from "@/lib/auth/guards";
import { archiveLink, createLink, trackingUrl } from "./manage-links";

export async function createLinkAction(partnerId: string, input: unknown): Promise<ActionResult<{ code: string; url: string }>> {
  return runAction(async () => {
    const link = await createLink({ principal: await getPrincipal(), partnerId, input, now: new Date() });
    revalidatePath("/console/links");
    return { code: link.code, url: trackingUrl(link.code) };
  }, "Link created");
}

export async function archiveLinkAction(partnerId: string, linkId: string): Promise<ActionResult> {
  return runAction(async () => {
    await archiveLink({ principal: await getPrincipal(), partnerId, linkId, now: new Date() });
    revalidatePath("/console/links");
    return null;
  }, "Link archived");
}
