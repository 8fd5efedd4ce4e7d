"use server";

import { revalidatePath } from "next/cache";
import { headers } from "next/headers";
import { AppError } from "@/lib/errors";
import { checkRateLimits, RATE_LIMITS } from "@/lib/rate-limit";
import { runAction, type ActionResult } from "@/lib/actions";
import { getPrincipal } from "@/lib/auth/guards";
import { assertAdmin } from "@/lib/auth/permissions";
import { submitSurveyResponse, unsubscribeFromSurveys } from "./respond";
import { sendSurveys } from "./send-surveys";
import { ipFromHeaders } from "@/lib/client-ip";

/** Survey pages need no sign-in, so answers are limited per client IP (guessing tokens is pointless, but cheap to stop). */
async function limitPerIp(now: Date): Promise<void> {
  const ip = ipFromHeaders(await headers());
  const limited = await checkRateLimits([{ key: `nps:ip:${ip}`, rule: RATE_LIMITS.formPerIp }], now);
  if (!limited.allowed) throw new AppError({ code: "rate_limited", message: `Too many answers from your network. Try again in ${Math.ceil(limited.retryAfterS / 60)} minutes.` });
}

export async function answerSurveyAction(token: string, input: unknown): Promise<ActionResult> {
  return runAction(async () => {
    const now = new Date();
    await limitPerIp(now);
    await submitSurveyResponse({ token, input, now });
    return null;
  }, "Thank you for your answer");
}

export async function unsubscribeAction(token: string): Promise<ActionResult> {
  return runAction(async () => {
    const now = new Date();
    await limitPerIp(now);
    await unsubscribeFromSurveys({ token, now });
    return null;
  }, "You will not receive these surveys any more");
}

export async function sendSurveysNowAction(): Promise<ActionResult<{ invited: number; reminded: number }>> {
  return runAction(async () => {
    assertAdmin(await getPrincipal(), "nps:send");
    const r = await sendSurveys({ now: new Date() });
    revalidatePath("/admin/nps");
    return { invited: r.invited, reminded: r.reminded };
  });
}
