import { z } from "zod";
import { clientIp, created, withApi } from "@/lib/api/handler";
import { signAgreementsSchema } from "@/lib/legal/schemas";
import { signAgreements } from "@/lib/legal/sign-agreements";

const body = signAgreementsSchema.extend({ partnerId: z.string().min(1, { message: "Required" }) });

/**
 * POST /api/console/agreements/signatures — the console's signing, for a
 * signed-in owner (API keys cannot sign). 201 with the receipt id; 409 when a
 * version is no longer in force or was already signed; 400 with field messages.
 */
export const POST = withApi({ auth: "session_or_key", body, rateLimit: { limit: 10, windowMs: 60_000 } }, async ({ req, principal, body, now }) => {
  const { partnerId, ...input } = body;
  const { receiptId, signatures } = await signAgreements({
    principal,
    partnerId,
    input,
    context: { ip: clientIp(req), userAgent: req.headers.get("user-agent") ?? "unknown" },
    now,
  });
  return created({ data: { receiptId, documents: signatures.map((s) => ({ document: s.document, version: s.version, sha256: s.documentSha256 })) } });
});
