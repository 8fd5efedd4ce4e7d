"use server";

import { revalidatePath } from "next/cache";
import { runAction, type ActionResult } from "@/lib/actions";
import { actorOf } from "@/lib/auth/actor";
import { getPrincipal } from "@/lib/auth/guards";
import { assertAdmin } from "@/lib/auth/permissions";
import { AppError } from "@/lib/errors";
import { getEnv } from "@/lib/env";
import { configuredGateway } from "@/lib/integrations/stripe/connect";
import { formFields } from "@/lib/forms";
import { parseMinorUnits } from "@/lib/money";
import { acceptPayoutTerms, postAdjustment, recordManualPayment, retryPayout, startStripeOnboarding, submitTaxForm, verifyTaxForm } from "./manage";
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

/**
 * An admin's adjustment to a partner's balance, from the form on the partner's
 * admin page: the amount in whole currency units (negative takes money off).
 */
export async function postAdjustmentAction(partnerId: string, form: FormData): Promise<ActionResult> {
  return runAction(async () => {
    const principal = await getPrincipal();
    assertAdmin(principal, "payouts:manage");
    const fields = formFields(form, ["amount", "currency", "memo"]);
    const currency = (fields.currency ?? "").trim().toUpperCase();
    const known = /^[A-Z]{3}$/.test(currency);
    const amountCents = known ? parseMinorUnits(fields.amount ?? "", currency) : 0;
    if (known && amountCents === null) {
      throw new AppError({ code: "validation_failed", message: "One field is invalid", fields: { amount: [`Enter an amount in ${currency} like 25.00 or -25.00`] } });
    }
    try {
      await postAdjustment({ principal, partnerId, input: { amountCents, currency, memo: fields.memo ?? "" }, now: new Date() });
    } catch (error) {
      // The form names the field "amount"; the ledger speaks minor units.
      if (error instanceof AppError && error.fields?.amountCents) throw new AppError({ code: error.code, message: error.message, fields: { ...error.fields, amount: error.fields.amountCents } });
      throw error;
    }
    revalidatePath(`/admin/partners/${partnerId}`);
    return null;
  }, "Adjustment posted to the ledger");
}
