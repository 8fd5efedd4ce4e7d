"use server";

import { revalidatePath } from "next/cache";
import { runAction, type ActionResult } from "@/lib/actions";
import { getPrincipal } from "@/lib/auth/guards";
import { createEndpoint } from "./create-endpoint";
import { removeEndpoint } from "./delete-endpoint";
import { resendDelivery } from "./resend-delivery";
import { rotateEndpointSecret } from "./rotate-secret";
import { sendTestEvent } from "./send-test-event";
import { setEndpointEnabled } from "./set-endpoint-status";
import { editEndpoint } from "./update-endpoint";
import { attemptSummary, type AttemptSummary } from "./view";

const revalidate = (endpointId?: string) => {
  revalidatePath("/console/webhooks");
  if (endpointId) revalidatePath(`/console/webhooks/${endpointId}`);
};

export async function createEndpointAction(partnerId: string, input: unknown): Promise<ActionResult<{ id: string; secret: string; url: string }>> {
  return runAction(async () => {
    const { endpoint, secret } = await createEndpoint({ principal: await getPrincipal(), partnerId, input, now: new Date() });
    revalidate();
    return { id: endpoint.id, secret, url: endpoint.url };
  });
}

export async function updateEndpointAction(partnerId: string, endpointId: string, input: unknown): Promise<ActionResult> {
  return runAction(async () => {
    await editEndpoint({ principal: await getPrincipal(), partnerId, endpointId, input, now: new Date() });
    revalidate(endpointId);
    return null;
  }, "Endpoint saved");
}

export async function setEndpointEnabledAction(partnerId: string, endpointId: string, enabled: boolean): Promise<ActionResult> {
  return runAction(async () => {
    await setEndpointEnabled({ principal: await getPrincipal(), partnerId, endpointId, enabled, now: new Date() });
    revalidate(endpointId);
    return null;
  }, enabled ? "Endpoint enabled" : "Endpoint disabled: nothing is sent to it until you enable it again");
}

export async function deleteEndpointAction(partnerId: string, endpointId: string): Promise<ActionResult> {
  return runAction(async () => {
    await removeEndpoint({ principal: await getPrincipal(), partnerId, endpointId, now: new Date() });
    revalidate();
    return null;
  }, "Endpoint deleted");
}

export async function rotateSecretAction(partnerId: string, endpointId: string): Promise<ActionResult<{ secret: string }>> {
  return runAction(async () => {
    const { secret } = await rotateEndpointSecret({ principal: await getPrincipal(), partnerId, endpointId, now: new Date() });
    revalidate(endpointId);
    return { secret };
  });
}

export async function sendTestEventAction(partnerId: string, endpointId: string): Promise<ActionResult<AttemptSummary>> {
  return runAction(async () => {
    const { result } = await sendTestEvent({ principal: await getPrincipal(), partnerId, endpointId, now: new Date() });
    revalidate(endpointId);
    return attemptSummary(result);
  });
}

export async function resendDeliveryAction(partnerId: string, deliveryId: string, endpointId: string): Promise<ActionResult<AttemptSummary>> {
  return runAction(async () => {
    const { result } = await resendDelivery({ principal: await getPrincipal(), partnerId, deliveryId, now: new Date() });
    revalidate(endpointId);
    return attemptSummary(result);
  });
}
