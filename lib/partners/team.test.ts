import { describe, expect, it } from "vitest";
import { listAuditEvents } from "@/lib/audit/store";
import { listEmails } from "@/lib/email/store";
import { makeAdmin, makeTeam, T0 } from "@/lib/testing/factories";
import { changeMemberRole, getTeam, inviteMember, removeMember } from "./team";

describe("team management", () => {
  it("an owner invites someone new: user, membership, email and audit event", async () => {
    const { partner, asOwner } = await makeTeam({ name: "Acme Web" });
    const m = await inviteMember({
      principal: asOwner,
      partnerId: partner.id,
      input: { email: "  New.Person@Example.TEST ", name: "New Person", role: "member" },
      now: T0,
    });
    const team = await getTeam({ principal: asOwner, partnerId: partner.id });
    expect(team.map((t) => t.email)).toContain("new.person@example.test");
    const { rows } = await listEmails({ to: "new.person@example.test", page: 1, pageSize: 5 });
    expect(rows[0]).toMatchObject({ kind: "invitation", status: "stored" });
    expect(rows[0]!.subject).toContain("Acme Web");
    const audit = await listAuditEvents({ objectId: m.id, page: 1, pageSize: 5 });
    expect(audit.rows[0]).toMatchObject({ action: "membership.created", after: { role: "member" } });
  });

  it("refuses a second invitation for the same person with 409", async () => {
    const { partner, member, asOwner } = await makeTeam();
    await expect(
      inviteMember({ principal: asOwner, partnerId: partner.id, input: { email: member.email, role: "owner" }, now: T0 }),
    ).rejects.toMatchObject({ code: "conflict" });
  });

  it("members cannot manage the team; owners of other partners cannot even read it", async () => {
    const a = await makeTeam();
    const b = await makeTeam();
    await expect(
      inviteMember({ principal: a.asMember, partnerId: a.partner.id, input: { email: "x@y.test", role: "member" }, now: T0 }),
    ).rejects.toMatchObject({ code: "forbidden" });
    await expect(getTeam({ principal: b.asOwner, partnerId: a.partner.id })).rejects.toMatchObject({ code: "forbidden" });
    expect(await getTeam({ principal: a.asMember, partnerId: a.partner.id })).toHaveLength(2);
  });

  it("never leaves a partner without an owner", async () => {
    const { partner, asOwner } = await makeTeam();
    const team = await getTeam({ principal: asOwner, partnerId: partner.id });
    const owner = team.find((t) => t.role === "owner")!;
    const member = team.find((t) => t.role === "member")!;
    await expect(
      changeMemberRole({ principal: asOwner, partnerId: partner.id, membershipId: owner.membershipId, input: { role: "member" }, now: T0 }),
    ).rejects.toMatchObject({ code: "conflict" });
    await expect(
      removeMember({ principal: asOwner, partnerId: partner.id, membershipId: owner.membershipId, now: T0 }),
    ).rejects.toMatchObject({ code: "conflict" });

    await changeMemberRole({ principal: asOwner, partnerId: partner.id, membershipId: member.membershipId, input: { role: "owner" }, now: T0 });
    await removeMember({ principal: asOwner, partnerId: partner.id, membershipId: owner.membershipId, now: T0 });
    const after = await getTeam({ principal: await makeAdmin(), partnerId: partner.id });
    expect(after.map((t) => [t.email, t.role])).toEqual([[member.email, "owner"]]);
    const actions = (await listAuditEvents({ partnerId: partner.id, page: 1, pageSize: 10 })).rows.map((r) => r.action);
    expect(actions).toEqual(expect.arrayContaining(["membership.role_changed", "membership.removed"]));
  });

  it("404s a membership of another partner", async () => {
    const a = await makeTeam();
    const b = await makeTeam();
    const bTeam = await getTeam({ principal: b.asOwner, partnerId: b.partner.id });
    await expect(
      removeMember({ principal: a.asOwner, partnerId: a.partner.id, membershipId: bTeam[0]!.membershipId, now: T0 }),
    ).rejects.toMatchObject({ code: "not_found" });
  });
});
