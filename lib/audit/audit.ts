import "server-only";
import { auditEvents } from "@/db/schema";
import { slices, type Queryable } from "@/db/client";
import type { Actor } from "./actor";

export interface AuditInput {
  actor: Actor;
  /** Dotted verb in the past tense: "partner.listing_updated", "api_key.revoked". */
  action: string;
  object: { type: string; id: string };
  /** The partner the object belongs to; lets partners read their own trail. */
  partnerId?: string | null;
  before?: unknown;
  after?: unknown;
  meta?: Record<string, unknown>;
  at: Date;
}

/**
 * Appends one audit event. Call it with the transaction that makes the change,
 * so the change and its record commit together. The table refuses UPDATE/DELETE.
 */
export async function audit(tx: Queryable, input: AuditInput): Promise<string> {
  const [row] = await tx.insert(auditEvents).values(auditRow(input)).returning({ id: auditEvents.id });
  return row!.id;
}

/** The same rows as one audit() call each, in multi-row inserts (a batch job's many changes). */
export async function auditMany(tx: Queryable, inputs: readonly AuditInput[]): Promise<void> {
  for (const slice of slices(inputs, 1_000)) await tx.insert(auditEvents).values(slice.map(auditRow));
}

function auditRow(input: AuditInput): typeof auditEvents.$inferInsert {
  return {
    at: input.at,
    actorType: input.actor.type,
    actorId: input.actor.id,
    actorLabel: input.actor.label,
    action: input.action,
    objectType: input.object.type,
    objectId: input.object.id,
    partnerId: input.partnerId ?? null,
    before: input.before ?? null,
    after: input.after ?? null,
    meta: input.meta ?? null,
  };
}

/** Only the fields that changed, for compact before/after pairs. */
export function diffFields<T extends Record<string, unknown>>(
  before: T,
  after: Partial<T>,
): { before: Partial<T>; after: Partial<T> } | null {
  const b: Partial<T> = {};
  const a: Partial<T> = {};
  for (const key of Object.keys(after) as (keyof T)[]) {
    if (JSON.stringify(before[key]) !== JSON.stringify(after[key])) {
      b[key] = before[key];
      a[key] = after[key];
    }
  }
  return Object.keys(a).length ? { before: b, after: a } : null;
}
