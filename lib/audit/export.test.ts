import { describe, expect, it } from "vitest";
import { makeAdmin, makeTeam, T0 } from "@/lib/testing/factories";
import { systemActor } from "./actor";
import { audit } from "./audit";
import { exportAuditCsv } from "./export";
import { getDb } from "@/db/client";

describe("audit CSV export", () => {
  it("exports the filtered events for admins, one row each, with JSON before/after", async () => {
    const db = await getDb();
    for (let i = 0; i < 3; i++) {
      await audit(db, { actor: systemActor("t", "Exporter"), action: `export.test_${i}`, object: { type: "x", id: `x${i}` }, partnerId: "ptr_exp", after: { n: i, note: "a,b" }, at: T0 });
    }
    const csv = await new Response(exportAuditCsv(await makeAdmin(), { partnerId: "ptr_exp" })).text();
    const lines = csv.trim().split("\n");
    expect(lines[0]).toBe("id,at,actor_type,actor_id,actor,action,object_type,object_id,partner_id,before,after");
    expect(lines).toHaveLength(4);
    expect(csv).toContain('"{""n"":2,""note"":""a,b""}"');
  });

  it("is refused to partner users", async () => {
    const { asOwner } = await makeTeam();
    expect(() => exportAuditCsv(asOwner, {})).toThrowError(expect.objectContaining({ code: "forbidden" }));
  });
});
