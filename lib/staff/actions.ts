"use server";

import { revalidatePath } from "next/cache";
import { runAction, type ActionResult } from "@/lib/actions";
import { getPrincipal } from "@/lib/auth/guards";
import { addAdmin, grantExec, removeAdmin, revokeExec, type StaffChangeResult } from "./manage-staff";

const who = (r: StaffChangeResult) => r.name ?? r.email;

export async function addAdminAction(input: unknown): Promise<ActionResult<{ message: string }>> {
  return runAction(async () => {
    const r = await addAdmin({ principal: await getPrincipal(), input, now: new Date() });
    revalidatePath("/admin/staff");
    return { message: `${who(r)} is now an admin` };
  });
}

export async function removeAdminAction(userId: string): Promise<ActionResult<{ message: string }>> {
  return runAction(async () => {
    const r = await removeAdmin({ principal: await getPrincipal(), userId, now: new Date() });
    revalidatePath("/admin/staff");
    return { message: `${who(r)} is no longer an admin` };
  });
}

export async function grantExecAction(userId: string): Promise<ActionResult<{ message: string }>> {
  return runAction(async () => {
    const r = await grantExec({ principal: await getPrincipal(), userId, now: new Date() });
    revalidatePath("/admin/staff");
    return { message: `${who(r)} is now an exec` };
  });
}

export async function revokeExecAction(userId: string): Promise<ActionResult<{ message: string }>> {
  return runAction(async () => {
    const r = await revokeExec({ principal: await getPrincipal(), userId, now: new Date() });
    revalidatePath("/admin/staff");
    return { message: `${who(r)} is no longer an exec` };
  });
}
