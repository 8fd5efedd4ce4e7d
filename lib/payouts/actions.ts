"use server";

import { revalidatePath } from "next/cache";
import { runAction, type ActionResult } from "@/lib/actions";
import { actorOf } from "@/lib/auth/actor";
import { getPrincipal } from "@/lib/auth/guards";
import { assertAdmin } from "@/lib/auth/permissions";
import { getEnv } from "@/lib/env";
import { configuredGateway } from "@/lib/integrations/stripe/connect";
import { acceptPayoutTerms, recordManualPayment, retryPayout, startStripeOnboarding, submitTaxForm, verifyTaxForm } from "./manage";
import { runPayouts } from "./run";

export async function acceptTermsAction(partnerId: string): Promise<ActionResult> {
  return runAction(async () => {
    await acceptPayoutTerms({ principal: await getPrincipal(), partnerId, now: new Date() });
    revalidatePath("/console/payouts");
    return null;
  }, "Payout terms accepted");
}

export async function submitTaxFormAction(partnerId: string, input: unknown): Promise<ActionResult> {
  return runAction(async () => {
    await submitTaxForm({ principal: await getPrincipal(), partnerId, input, now: new Date() });
    revalidatePath("/console/payouts");
    return null;
  }, "Tax form submitted for review");
}

export async function startStripeOnboardingAction(partnerId: string): Promise<ActionResult<{ url: string }>> {
  return runAction(async () => startStripeOnboarding({ principal: await getPrincipal(), partnerId, gateway: configuredGateway(), appUrl: getEnv().APP_URL, now: new Date() }));
}

export async function runPayoutsAction(): Promise<ActionResult<{ period: string; created: number; carried: number; released: number; transferred: number; failed: number }>> {
  return runAction(async () => {
    const principal = await getPrincipal();
    const viewer = assertAdmin(principal, "payouts:run");
    const r = await runPayouts({ now: new Date(), gateway: configuredGateway(), trigger: "admin", actor: actorOf(principal!), triggeredByUserId: viewer.userId });
    revalidatePath("/admin/payouts");
    return { period: r.period, created: r.created, carried: r.carried, released: r.released, transferred: r.transferred, failed: r.failed };
  });
}

export async function recordManualPaymentAction(payoutId: string, input: unknown): Promise<ActionResult> {
  return runAction(async () => {
    await recordManualPayment({ principal: await getPrincipal(), payoutId, input, now: new Date() });
    revalidatePath("/admin/payouts");
    return null;
  }, "Payment recorded");
}

export async function retryPayoutAction(payoutId: string): Promise<ActionResult> {
  return runAction(async () => {
    await retryPayout({ principal: await getPrincipal(), payoutId, gateway: configuredGateway(), now: new Date() });
    revalidatePath("/admin/payouts");
    return null;
  }, "Payout sent again");
}

export async function verifyTaxFormAction(partnerId: string): Promise<ActionResult> {
  return runAction(async () => {
    await verifyTaxForm({ principal: await getPrincipal(), partnerId, now: new Date() });
    revalidatePath("/admin/payouts");
    return null;
  }, "Tax form verified");
}
