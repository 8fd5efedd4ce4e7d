import { withApi } from "@/lib/api/handler";
import { listEventTypes } from "@/lib/webhooks/api";

/** GET /api/v1/webhooks/event-types — every event type with a description and an example payload. */
export const GET = withApi({ auth: "public" }, async () => listEventTypes());
