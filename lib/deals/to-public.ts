import type { z } from "zod";
import type { DealSchema } from "./schemas";
import type { DealRow } from "./store";

export function toDealPublic(d: DealRow): z.infer<typeof DealSchema> {
  return {
    id: d.id,
    company: d.company,
    domain: d.domain,
    contactName: d.contactName,
    contactEmail: d.contactEmail,
    estimatedValue: { amount: d.estimatedValueCents, currency: d.currency },
    products: d.products,
    expectedCloseAt: d.expectedCloseAt.toISOString().slice(0, 10),
    stage: d.stage,
    inConflict: d.inConflict === "open",
    registeredAt: d.registeredAt.toISOString(),
    protectedUntil: d.protectedUntil.toISOString(),
    closedAt: d.closedAt?.toISOString() ?? null,
    closeReason: d.closeReason,
  };
}
