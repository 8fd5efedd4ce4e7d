import "server-only";
import { getDb } from "@/db/client";
import { audit } from "@/lib/audit/audit";
import { actorOf } from "@/lib/auth/actor";
import { assertPartner, type Principal } from "@/lib/auth/permissions";
import { encryptSecret } from "@/lib/crypto/secrets";
import { conflict, parseOrThrow } from "@/lib/errors";
import { urlPolicy } from "./policy";
import { createEndpointSchema, MAX_ENDPOINTS_PER_PARTNER } from "./schemas";
import { generateSigningSecret, secretHint } from "./signing";
import { countEndpoints, insertEndpoint, type EndpointRow } from "./store";

export interface CreatedEndpoint {
  endpoint: EndpointRow;
  /** The signing secret: shown once, stored only encrypted. */
  secret: string;
}

export async function createEndpoint(args: { principal: Principal | null; partnerId: string; input: unknown; now: Date }): Promise<CreatedEndpoint> {
  assertPartner(args.principal, "webhooks:manage", args.partnerId);
  const input = parseOrThrow(createEndpointSchema(urlPolicy()), args.input);
  const principal = args.principal!;
  const secret = generateSigningSecret();
  const db = await getDb();
  const endpoint = await db.transaction(async (tx) => {
    if ((await countEndpoints(tx, args.partnerId)) >= MAX_ENDPOINTS_PER_PARTNER) {
      throw conflict(`A partner can have at most ${MAX_ENDPOINTS_PER_PARTNER} endpoints: delete one first`);
    }
    const endpoint = await insertEndpoint(tx, {
      partnerId: args.partnerId,
      url: input.url,
      description: input.description,
      eventTypes: input.eventTypes,
      secretEncrypted: encryptSecret(secret),
      secretHint: secretHint(secret),
      createdByUserId: principal.kind === "user" ? principal.viewer.userId : null,
      createdAt: args.now,
      updatedAt: args.now,
    });
    await audit(tx, {
      actor: actorOf(principal),
      action: "webhook_endpoint.created",
      object: { type: "webhook_endpoint", id: endpoint.id },
      partnerId: args.partnerId,
      after: { url: endpoint.url, description: endpoint.description, eventTypes: endpoint.eventTypes },
      at: args.now,
    });
    return endpoint;
  });
  return { endpoint, secret };
}
