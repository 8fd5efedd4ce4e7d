import { created, withApi } from "@/lib/api/handler";
import { recordConversion } from "@/lib/attribution/record-conversion";
import { conversionInputSchema } from "@/lib/attribution/schemas";

/** POST /api/v1/conversions — a signup, pilot or paid event from the platform. */
export const POST = withApi(
  { auth: "platform_key", scopes: ["platform:write"], body: conversionInputSchema },
  async ({ principal, body, now }) => {
    const data = await recordConversion({ principal, input: body, now });
    return data.duplicate ? { data } : created({ data });
  },
);
