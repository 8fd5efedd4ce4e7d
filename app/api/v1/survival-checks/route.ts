import { created, withApi } from "@/lib/api/handler";
import { recordReportedCheck, toCheckJson } from "@/lib/quality/record-check";
import { recordCheckSchema } from "@/lib/quality/schemas";

/** POST /api/v1/survival-checks — the platform reports one survival check of an install. */
export const POST = withApi({ auth: "platform_key", scopes: ["platform:write"], body: recordCheckSchema }, async ({ principal, body, now }) =>
  created({ data: toCheckJson((await recordReportedCheck({ principal, input: body, now })).check) }),
);
