import { describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { systemActor } from "@/lib/audit/actor";
import { openEntriesOf, postLedgerEntry, reverseLedgerEntry } from "./ledger";
import { runPayouts } from "./run";
import { addCommission, makePayee } from "./testing";

const RUN = new Date("2026-12-01T06:00:00.000Z");
const OCT = new Date("2026-10-15T12:00:00.000Z");
const NOV = new Date("2026-11-10T12:00:00.000Z");

describe("open entries", () => {
  it("are the entries neither paid out, reversed, reversals nor payouts, per partner, by effective date", async () => {
    const db = await getDb();
    const actor = systemActor("test");
    const a = await makePayee();
    const b = await makePayee();
    const none = await makePayee();
    await addCommission(a.partner.id, 6_000, OCT);
    await runPayouts({ now: RUN, gateway: null }); // a's commission is paid out: settled, with a payout entry
    const post = (partnerId: string, amountCents: number, effectiveAt: Date) =>
      db.transaction((tx) => postLedgerEntry(tx, { partnerId, kind: "adjustment", amountCents, currency: "USD", effectiveAt, memo: "m", actor, now: NOV }));
    const late = await post(a.partner.id, 700, NOV);
    const early = await post(a.partner.id, 300, OCT);
    const cancelled = await post(a.partner.id, 900, OCT);
    await db.transaction((tx) => reverseLedgerEntry(tx, { entryId: cancelled.id, reason: "twice", actor, now: NOV }));
    const other = await post(b.partner.id, -200, OCT);

    const open = await openEntriesOf(db, [a.partner.id, b.partner.id, none.partner.id]);
    expect(Object.fromEntries([...open].map(([partnerId, entries]) => [partnerId, entries.map((e) => e.id)]))).toEqual({
      [a.partner.id]: [early.id, late.id],
      [b.partner.id]: [other.id],
    });
    expect(open.get(a.partner.id)![0]).toEqual(early);
    expect(await openEntriesOf(db, [])).toEqual(new Map());
  });
});
