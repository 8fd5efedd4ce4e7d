import "server-only";
import { listAuditEvents, type AuditEventRow } from "@/lib/audit/store";
import { listPartnerApiKeys } from "@/lib/api-keys/store";
import { assertPartner, partnerActionsFor, type PartnerAction, type Principal } from "@/lib/auth/permissions";
import { getDb } from "@/db/client";
import { notFound } from "@/lib/errors";
import { listingCompleteness, probationDaysLeft, isOnProbation, type ListingCompleteness } from "./rules";
import { getPartner, listMembers, type PartnerRow } from "./store";

export interface ConsoleOverview {
  partner: PartnerRow;
  onProbation: boolean;
  probationDaysLeft: number;
  completeness: ListingCompleteness;
  teamSize: number;
  activeKeys: number;
  recent: AuditEventRow[];
  can: PartnerAction[];
}

export async function getConsoleOverview(principal: Principal | null, partnerId: string, now: Date): Promise<ConsoleOverview> {
  assertPartner(principal, "partner:read", partnerId);
  const partner = await getPartner(partnerId);
  if (!partner) throw notFound("Partner");
  const [members, keys, recent] = await Promise.all([
    listMembers(await getDb(), partnerId),
    listPartnerApiKeys(partnerId),
    listAuditEvents({ partnerId, page: 1, pageSize: 6 }),
  ]);
  return {
    partner,
    onProbation: isOnProbation(partner, now),
    probationDaysLeft: probationDaysLeft(partner, now),
    completeness: listingCompleteness(partner),
    teamSize: members.length,
    activeKeys: keys.filter((k) => !k.revokedAt).length,
    recent: recent.rows,
    can: principal?.kind === "user" ? partnerActionsFor(principal.viewer, partnerId) : [],
  };
}

/** The partner row for a console page that needs `action`. */
export async function getPartnerFor(principal: Principal | null, partnerId: string, action: PartnerAction): Promise<PartnerRow> {
  assertPartner(principal, action, partnerId);
  const partner = await getPartner(partnerId);
  if (!partner) throw notFound("Partner");
  return partner;
}

export async function getPartnerActivity(principal: Principal | null, partnerId: string, page: number, pageSize = 25) {
  assertPartner(principal, "activity:read", partnerId);
  return listAuditEvents({ partnerId, page, pageSize });
}
