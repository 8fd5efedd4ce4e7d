"use server";

import { revalidatePath } from "next/cache";
import { runAction, type ActionResult } from "@/lib/actions";
import { assertAdmin } from "@/lib/auth/permissions";
import { getPrincipal } from "@/lib/auth/guards";
import { notFound } from "@/lib/errors";
import { retryEmail } from "./send-email";

export async function retryEmailAction(emailId: string): Promise<ActionResult<{ status: string }>> {
  return runAction(async () => {
    assertAdmin(await getPrincipal(), "outbox:retry");
    const row = await retryEmail(emailId, new Date());
    if (!row) throw notFound("Email");
    revalidatePath(`/admin/outbox/${emailId}`);
    revalidatePath("/admin/outbox");
    return { status: row.status };
  });
}
