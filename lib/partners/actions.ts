"use server";

import { revalidatePath } from "next/cache";
import { runAction, type ActionResult } from "@/lib/actions";
import { getPrincipal } from "@/lib/auth/guards";
import { changeMemberRole, inviteMember, removeMember } from "./team";
import { updateListing } from "./update-listing";

export async function saveListingAction(partnerId: string, input: unknown): Promise<ActionResult<{ message: string }>> {
  return runAction(async () => {
    const saved = await updateListing({ principal: await getPrincipal(), partnerId, input, mode: "replace", now: new Date() });
    revalidatePath("/console", "layout");
    return saved.pendingReviewId ? { message: "Listing saved. Your new proof links go live once an admin approves them." } : { message: "Listing saved" };
  });
}

export async function inviteMemberAction(partnerId: string, input: unknown): Promise<ActionResult> {
  return runAction(async () => {
    await inviteMember({ principal: await getPrincipal(), partnerId, input, now: new Date() });
    revalidatePath("/console/team");
    return null;
  }, "Invitation sent");
}

export async function changeMemberRoleAction(partnerId: string, membershipId: string, role: string): Promise<ActionResult> {
  return runAction(async () => {
    await changeMemberRole({ principal: await getPrincipal(), partnerId, membershipId, input: { role }, now: new Date() });
    revalidatePath("/console/team");
    return null;
  }, "Role changed");
}

export async function removeMemberAction(partnerId: string, membershipId: string): Promise<ActionResult> {
  return runAction(async () => {
    await removeMember({ principal: await getPrincipal(), partnerId, membershipId, now: new Date() });
    revalidatePath("/console/team");
    return null;
  }, "Removed from the team");
}
