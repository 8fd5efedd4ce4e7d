"use server";

import { revalidatePath } from "next/cache";
import { runAction, type ActionResult } from "@/lib/actions";
import { getPrincipal } from "@/lib/auth/guards";
import { createPartnerApiKey, createPlatformApiKey, revokeApiKey } from "./manage-keys";

export async function createPartnerApiKeyAction(
  partnerId: string,
  input: unknown,
): Promise<ActionResult<{ secret: string; name: string }>> {
  return runAction(async () => {
    const { key, secret } = await createPartnerApiKey({ principal: await getPrincipal(), partnerId, input, now: new Date() });
    revalidatePath("/console/api-keys");
    return { secret, name: key.name };
  });
}

export async function createPlatformApiKeyAction(input: unknown): Promise<ActionResult<{ secret: string; name: string }>> {
  return runAction(async () => {
    const { key, secret } = await createPlatformApiKey({ principal: await getPrincipal(), input, now: new Date() });
    revalidatePath("/admin/api-keys");
    return { secret, name: key.name };
  });
}

export async function revokeApiKeyAction(keyId: string): Promise<ActionResult> {
  return runAction(async () => {
    await revokeApiKey({ principal: await getPrincipal(), keyId, now: new Date() });
    revalidatePath("/console/api-keys");
    revalidatePath("/admin/api-keys");
    return null;
  }, "Key revoked");
}
