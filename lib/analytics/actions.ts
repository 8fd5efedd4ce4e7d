"use server";

import { runAction, type ActionResult } from "@/lib/actions";
import { getPrincipal } from "@/lib/auth/guards";
import { publishNpsQuarter } from "./publish-nps";

export async function publishNpsQuarterAction(input: { quarter: string }): Promise<ActionResult<{ quarter: string }>> {
  return runAction(async () => {
    const r = await publishNpsQuarter({ principal: await getPrincipal(), input, now: new Date() });
    return { quarter: r.quarter };
  }, "Published");
}
