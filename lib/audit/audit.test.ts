import { eq, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { auditEvents } from "@/db/schema";
import { pgErrorOf } from "@/lib/errors";
import { T0 } from "@/lib/testing/factories";
import { systemActor } from "./actor";
import { audit, diffFields } from "./audit";
import { listAuditEvents } from "./store";

describe("audit log", () => {
  it("records who did what to which object, with before and after", async () => {
    const db = await getDb();
    const id = await audit(db, {
      actor: systemActor("cron", "Nightly job"),
      action: "partner.tier_changed",
      object: { type: "partner", id: "ptr_abc" },
      partnerId: "ptr_abc",
      before: { tier: "verified" },
      after: { tier: "advanced" },
      at: T0,
    });
    const { rows } = await listAuditEvents({ objectId: "ptr_abc", page: 1, pageSize: 10 });
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      id,
      actorType: "system",
      actorLabel: "Nightly job",
      action: "partner.tier_changed",
      before: { tier: "verified" },
      after: { tier: "advanced" },
    });
    expect(rows[0]!.at.toISOString()).toBe(T0.toISOString());
  });

  it("is append-only: the database refuses UPDATE, DELETE and TRUNCATE", async () => {
    const db = await getDb();
    const id = await audit(db, {
      actor: systemActor("test"),
      action: "thing.happened",
      object: { type: "thing", id: "t1" },
      at: T0,
    });
    const refusal = async (p: Promise<unknown>) => pgErrorOf(await p.then(() => null, (e: unknown) => e))?.message;
    expect(await refusal(db.update(auditEvents).set({ action: "rewritten" }).where(eq(auditEvents.id, id)))).toMatch(
      /append-only: UPDATE/,
    );
    expect(await refusal(db.delete(auditEvents).where(eq(auditEvents.id, id)))).toMatch(/append-only: DELETE/);
    expect(await refusal(db.execute(sql`truncate audit_events`))).toMatch(/append-only: TRUNCATE/);
    const { rows } = await listAuditEvents({ objectId: "t1", page: 1, pageSize: 10 });
    expect(rows[0]?.action).toBe("thing.happened");
  });

  it("rolls back with the change it records", async () => {
    const db = await getDb();
    await expect(
      db.transaction(async (tx) => {
        await audit(tx, { actor: systemActor("test"), action: "doomed.change", object: { type: "x", id: "x1" }, at: T0 });
        throw new Error("the change failed");
      }),
    ).rejects.toThrow("the change failed");
    expect((await listAuditEvents({ objectId: "x1", page: 1, pageSize: 10 })).total).toBe(0);
  });

  it("filters by partner, action prefix and actor", async () => {
    const db = await getDb();
    for (const [action, partnerId] of [
      ["deal.registered", "ptr_f1"],
      ["deal.expired", "ptr_f1"],
      ["payout.created", "ptr_f2"],
    ] as const) {
      await audit(db, { actor: systemActor("filter-test", "Filter Bot"), action, object: { type: "x", id: action }, partnerId, at: T0 });
    }
    expect((await listAuditEvents({ partnerId: "ptr_f1", page: 1, pageSize: 10 })).total).toBe(2);
    expect((await listAuditEvents({ action: "deal.", page: 1, pageSize: 10 })).total).toBe(2);
    expect((await listAuditEvents({ actor: "filter bot", action: "payout", page: 1, pageSize: 10 })).total).toBe(1);
  });
});

describe("diffFields", () => {
  it("keeps only changed fields, comparing arrays by value", () => {
    expect(diffFields({ a: 1, b: ["x"], c: "same" }, { a: 2, b: ["x"], c: "same" })).toEqual({
      before: { a: 1 },
      after: { a: 2 },
    });
    expect(diffFields({ a: 1 }, { a: 1 })).toBeNull();
  });
});
