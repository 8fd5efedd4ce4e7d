import "server-only";
import type { Queryable } from "@/db/client";
import { assertProgramFeature } from "@/lib/auth/permissions";
import { notFound } from "@/lib/errors";
import { findPartnerForMarketing } from "./store";

/** The partner, if its standing opens co-marketing (Verified and up, out of probation); 403 otherwise. */
export async function coMarketingPartnerOrThrow(db: Queryable, partnerId: string) {
  const partner = await findPartnerForMarketing(db, partnerId);
  if (!partner) throw notFound("Partner");
  assertProgramFeature(partner, "co_marketing");
  return partner;
}
