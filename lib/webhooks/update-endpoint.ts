import "server-only";
import { getDb } from "@/db/client";
import { audit, diffFields } from "@/lib/audit/audit";
import { actorOf } from "@/lib/auth/actor";
import { assertPartner, type Principal } from "@/lib/auth/permissions";
import { notFound, parseOrThrow } from "@/lib/errors";
import { urlPolicy } from "./policy";
import { updateEndpointSchema } from "./schemas";
import { lockEndpoint, updateEndpoint, type EndpointRow } from "./store";

/** Changes an endpoint's URL, description or event types. */
export async function editEndpoint(args: {
  principal: Principal | null;
  partnerId: string;
  endpointId: string;
  input: unknown;
  now: Date;
}): Promise<EndpointRow> {
  assertPartner(args.principal, "webhooks:manage", args.partnerId);
  const input = parseOrThrow(updateEndpointSchema(urlPolicy()), args.input);
  const db = await getDb();
  return db.transaction(async (tx) => {
    const before = await lockEndpoint(tx, args.partnerId, args.endpointId);
    if (!before) throw notFound("Webhook endpoint");
    const patch = Object.fromEntries(Object.entries(input).filter(([, v]) => v !== undefined)) as Partial<
      Pick<EndpointRow, "url" | "description" | "eventTypes">
    >;
    const diff = diffFields({ url: before.url, description: before.description, eventTypes: before.eventTypes }, patch);
    if (!diff) return before;
    const after = await updateEndpoint(tx, before.id, { ...patch, updatedAt: args.now });
    await audit(tx, {
      actor: actorOf(args.principal!),
      action: "webhook_endpoint.updated",
      object: { type: "webhook_endpoint", id: before.id },
      partnerId: args.partnerId,
      before: diff.before,
      after: diff.after,
      at: args.now,
    });
    return after;
  });
}
