"use server";

import { revalidatePath } from "next/cache";
import { runAction, type ActionResult } from "@/lib/actions";
import { getPrincipal } from "@/lib/auth/guards";
import { assertAdmin } from "@/lib/auth/permissions";
import { submitSurveyResponse, unsubscribeFromSurveys } from "./respond";
import { sendSurveys } from "./send-surveys";

export async function answerSurveyAction(token: string, input: unknown): Promise<ActionResult> {
  return runAction(async () => {
    await submitSurveyResponse({ token, input, now: new Date() });
    return null;
  }, "Thank you for your answer");
}

export async function unsubscribeAction(token: string): Promise<ActionResult> {
  return runAction(async () => {
    await unsubscribeFromSurveys({ token, now: new Date() });
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
