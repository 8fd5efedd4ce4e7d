import "server-only";
import { getDb } from "@/db/client";
import { audit } from "@/lib/audit/audit";
import { actorOf } from "@/lib/auth/actor";
import { assertAdmin, assertPartner, decidePrincipalForPartner, type Principal } from "@/lib/auth/permissions";
import { conflict, notFound, parseOrThrow, unauthorized } from "@/lib/errors";
import { findPartner } from "@/lib/partners/store";
import { TRACK_SLA_HOURS } from "@/lib/tiers/rules";
import { HOUR_MS } from "./math";
import { incidentNoteSchema, openIncidentSchema } from "./schemas";
import { insertIncident, lockIncident, updateIncident, type IncidentRow } from "./store";

// Incidents on a partner's deployments: opened (by the partner, or by an admin
// on a customer's behalf), first response, resolved. The first-response SLA is
// the track's (2 days; 4 hours for Enterprise Integrators), fixed when opened.

export type SlaState = "met" | "missed" | "open" | "overdue";

/** met/missed once answered; open (still in time) or overdue while unanswered. */
export function slaState(i: Pick<IncidentRow, "openedAt" | "firstResponseAt" | "slaHours">, now: Date): SlaState {
  const deadline = i.openedAt.getTime() + i.slaHours * HOUR_MS;
  if (i.firstResponseAt) return i.firstResponseAt.getTime() <= deadline ? "met" : "missed";
  return now.getTime() <= deadline ? "open" : "overdue";
}

export async function openIncident(args: { principal: Principal | null; partnerId: string; input: unknown; now: Date }): Promise<IncidentRow> {
  const admin = args.principal?.kind === "user" && args.principal.viewer.isAdmin && !args.principal.viewer.memberships.some((m) => m.partnerId === args.partnerId);
  if (admin) assertAdmin(args.principal, "certification:manage");
  else assertPartner(args.principal, "certification:write", args.partnerId);
  const input = parseOrThrow(openIncidentSchema, args.input);
  const db = await getDb();
  const partner = await findPartner(db, args.partnerId);
  if (!partner) throw notFound("Partner");
  const actor = actorOf(args.principal!);
  return db.transaction(async (tx) => {
    const row = await insertIncident(tx, { partnerId: partner.id, title: input.title, description: input.description, severity: input.severity, slaHours: TRACK_SLA_HOURS[partner.track], openedAt: args.now, openedBy: actor.label });
    await audit(tx, { actor, action: "incident.opened", object: { type: "incident", id: row.id }, partnerId: partner.id, after: { title: row.title, severity: row.severity, slaHours: row.slaHours }, at: args.now });
    return row;
  });
}

async function change(args: { principal: Principal | null; incidentId: string; input: unknown; now: Date }, step: "respond" | "resolve"): Promise<IncidentRow> {
  // Signed out: say so, rather than a 404 that reads like the incident is gone.
  if (!args.principal) throw unauthorized();
  const { note } = parseOrThrow(incidentNoteSchema, args.input);
  const db = await getDb();
  return db.transaction(async (tx) => {
    const row = await lockIncident(tx, args.incidentId);
    if (!row || !decidePrincipalForPartner(args.principal, "certification:read", row.partnerId).allowed) throw notFound("Incident");
    assertPartner(args.principal, "certification:write", row.partnerId);
    let patch: Partial<IncidentRow>;
    if (step === "respond") {
      if (row.firstResponseAt) throw conflict("This incident already has a first response");
      patch = { firstResponseAt: args.now, responseNote: note };
    } else {
      if (row.resolvedAt) throw conflict("This incident is already resolved");
      // Resolving answers it too, if nobody had.
      patch = { resolvedAt: args.now, resolutionNote: note, ...(row.firstResponseAt ? {} : { firstResponseAt: args.now, responseNote: note }) };
    }
    await updateIncident(tx, row.id, patch);
    const next = { ...row, ...patch };
    await audit(tx, {
      actor: actorOf(args.principal!),
      action: step === "respond" ? "incident.responded" : "incident.resolved",
      object: { type: "incident", id: row.id },
      partnerId: row.partnerId,
      after: { sla: slaState(next, args.now), ...(step === "respond" ? { firstResponseAt: args.now.toISOString() } : { resolvedAt: args.now.toISOString() }) },
      at: args.now,
    });
    return next;
  });
}

export const respondIncident = (args: { principal: Principal | null; incidentId: string; input: unknown; now: Date }) => change(args, "respond");
export const resolveIncident = (args: { principal: Principal | null; incidentId: string; input: unknown; now: Date }) => change(args, "resolve");
