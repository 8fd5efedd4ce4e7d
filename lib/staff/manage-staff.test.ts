import { eq } from "drizzle-orm";
import { beforeEach, describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { users } from "@/db/schema";
import { listAuditEvents } from "@/lib/audit/store";
import { loadViewer } from "@/lib/auth/store";
import { addMember, makePartner, makeTeam, makeUser, T0, userPrincipal } from "@/lib/testing/factories";
import { addAdmin, grantExec, removeAdmin, revokeExec } from "./manage-staff";
import { getStaffView } from "./views";

// Each test starts with no admins at all, so "the last admin" means what it says.
beforeEach(async () => {
  const db = await getDb();
  await db.update(users).set({ role: "user", isExec: false }).where(eq(users.role, "admin"));
});

async function staffOf(...specs: ("admin" | "exec")[]) {
  return Promise.all(
    specs.map(async (s) => {
      const row = await makeUser({ role: "admin", isExec: s === "exec" });
      return { row, as: await userPrincipal(row.id) };
    }),
  );
}

async function roleOf(userId: string) {
  const db = await getDb();
  const [u] = await db.select({ role: users.role, isExec: users.isExec }).from(users).where(eq(users.id, userId));
  return u;
}

const eventsFor = async (userId: string) => (await listAuditEvents({ objectType: "user", objectId: userId, page: 1, pageSize: 20 })).rows;

describe("adding admins", () => {
  it("creates the user for a new address, makes them an admin and audits it", async () => {
    const [a] = await staffOf("admin");
    const r = await addAdmin({ principal: a!.as, input: { email: "  Kim.Lee@Provenant.TEST ", name: "Kim Lee" }, now: T0 });
    expect(r).toMatchObject({ email: "kim.lee@provenant.test", name: "Kim Lee", isAdmin: true, isExec: false });
    expect(await roleOf(r.userId)).toEqual({ role: "admin", isExec: false });
    const [event] = await eventsFor(r.userId);
    expect(event).toMatchObject({
      action: "staff.admin_added",
      actorId: a!.row.id,
      before: null,
      after: { email: "kim.lee@provenant.test", role: "admin", isExec: false },
      meta: { name: "Kim Lee", created: true },
    });
    expect(event!.at.toISOString()).toBe(T0.toISOString());
  });

  it("promotes an existing user, and refuses someone already on the staff with 409", async () => {
    const [a] = await staffOf("admin");
    const existing = await makeUser({ name: "Robin" });
    // The form sends the schema's own output: no name is null.
    await addAdmin({ principal: a!.as, input: { email: existing.email.toUpperCase(), name: null }, now: T0 });
    expect(await roleOf(existing.id)).toEqual({ role: "admin", isExec: false });
    expect((await eventsFor(existing.id))[0]).toEqual(expect.objectContaining({ before: { role: "user" }, after: { email: existing.email, role: "admin" } }));
    await expect(addAdmin({ principal: a!.as, input: { email: existing.email }, now: T0 })).rejects.toMatchObject({
      code: "conflict",
      message: "Robin is already an admin",
    });
  });

  it("refuses a partner's team member with 409 naming the team, and changes nothing", async () => {
    const [a] = await staffOf("admin");
    const partner = await makePartner({ name: "Acme Web" });
    const member = await makeUser({ name: "Olive" });
    await addMember(partner.id, member.id, "owner");
    await expect(addAdmin({ principal: a!.as, input: { email: member.email }, now: T0 })).rejects.toMatchObject({
      code: "conflict",
      message: expect.stringContaining("Olive is on the team of Acme Web"),
    });
    expect(await roleOf(member.id)).toEqual({ role: "user", isExec: false });
    expect(await eventsFor(member.id)).toEqual([]);
  });

  it("answers bad input with 400 and field messages", async () => {
    const [a] = await staffOf("admin");
    await expect(addAdmin({ principal: a!.as, input: { email: "not-an-email", name: "x".repeat(81) }, now: T0 })).rejects.toMatchObject({
      code: "validation_failed",
      fields: { email: ["Enter a valid email address"], name: ["At most 80 characters"] },
    });
    await expect(removeAdmin({ principal: a!.as, userId: "'; drop table users", now: T0 })).rejects.toMatchObject({
      code: "validation_failed",
      fields: { userId: ["Not a user id"] },
    });
  });

  it("is for admins only: 401 without a session, 403 for a partner's owner", async () => {
    const { asOwner } = await makeTeam();
    await expect(addAdmin({ principal: null, input: { email: "x@provenant.test" }, now: T0 })).rejects.toMatchObject({ code: "unauthorized" });
    await expect(addAdmin({ principal: asOwner, input: { email: "x@provenant.test" }, now: T0 })).rejects.toMatchObject({ code: "forbidden" });
  });
});

describe("removing admins", () => {
  it("demotes an admin to a regular user, who loses admin access at once", async () => {
    const [a, b] = await staffOf("admin", "admin");
    const r = await removeAdmin({ principal: a!.as, userId: b!.row.id, now: T0 });
    expect(r).toMatchObject({ isAdmin: false, isExec: false });
    expect((await loadViewer(b!.row.id))?.isAdmin).toBe(false);
    expect((await eventsFor(b!.row.id))[0]).toMatchObject({ action: "staff.admin_removed", before: { role: "admin" }, after: { email: b!.row.email, role: "user" } });
  });

  it("never removes the last admin, and an admin never removes themselves", async () => {
    const [a] = await staffOf("admin");
    await expect(removeAdmin({ principal: a!.as, userId: a!.row.id, now: T0 })).rejects.toMatchObject({
      code: "conflict",
      message: expect.stringContaining("is the only admin: add another admin first"),
    });
    await staffOf("admin");
    await expect(removeAdmin({ principal: a!.as, userId: a!.row.id, now: T0 })).rejects.toMatchObject({
      code: "conflict",
      message: "You cannot remove yourself: ask another admin",
    });
    expect(await roleOf(a!.row.id)).toEqual({ role: "admin", isExec: false });
    expect(await eventsFor(a!.row.id)).toEqual([]);
  });

  it("drops the exec role with the admin role; only an exec removes an exec, and never the last one", async () => {
    const [exec1, exec2, plain] = await staffOf("exec", "exec", "admin");
    await expect(removeAdmin({ principal: plain!.as, userId: exec2!.row.id, now: T0 })).rejects.toMatchObject({ code: "forbidden" });
    await removeAdmin({ principal: exec1!.as, userId: exec2!.row.id, now: T0 });
    expect(await roleOf(exec2!.row.id)).toEqual({ role: "user", isExec: false });
    expect((await eventsFor(exec2!.row.id))[0]).toEqual(expect.objectContaining({ before: { role: "admin", isExec: true }, after: { email: exec2!.row.email, role: "user", isExec: false } }));
    await expect(removeAdmin({ principal: exec1!.as, userId: exec1!.row.id, now: T0 })).rejects.toMatchObject({
      code: "conflict",
      message: expect.stringContaining("is the only exec"),
    });
  });

  it("404s someone who is not an admin, or nobody", async () => {
    const [a, b] = await staffOf("admin", "admin");
    const plainUser = await makeUser();
    await expect(removeAdmin({ principal: a!.as, userId: plainUser.id, now: T0 })).rejects.toMatchObject({ code: "not_found", message: "Admin not found" });
    await expect(grantExec({ principal: (await staffOf("exec"))[0]!.as, userId: "usr_doesnotexist00000000", now: T0 })).rejects.toMatchObject({ code: "not_found" });
    expect(await roleOf(b!.row.id)).toEqual({ role: "admin", isExec: false });
  });
});

describe("the exec role", () => {
  it("an exec grants it to another admin and revokes it, each change audited", async () => {
    const [exec, other] = await staffOf("exec", "admin");
    await grantExec({ principal: exec!.as, userId: other!.row.id, now: T0 });
    expect((await loadViewer(other!.row.id))?.isExec).toBe(true);
    await revokeExec({ principal: exec!.as, userId: other!.row.id, now: new Date(T0.getTime() + 60_000) });
    expect(await roleOf(other!.row.id)).toEqual({ role: "admin", isExec: false });
    const events = await eventsFor(other!.row.id);
    expect(events.map((e) => [e.action, e.actorId, e.before, e.after])).toEqual([
      ["staff.exec_revoked", exec!.row.id, { isExec: true }, { email: other!.row.email, isExec: false }],
      ["staff.exec_granted", exec!.row.id, { isExec: false }, { email: other!.row.email, isExec: true }],
    ]);
  });

  it("a non-exec admin can neither grant nor revoke it (403), and nothing changes", async () => {
    const [exec, plain, other] = await staffOf("exec", "admin", "admin");
    await expect(grantExec({ principal: plain!.as, userId: other!.row.id, now: T0 })).rejects.toMatchObject({ code: "forbidden" });
    await expect(grantExec({ principal: plain!.as, userId: plain!.row.id, now: T0 })).rejects.toMatchObject({ code: "forbidden" });
    await expect(revokeExec({ principal: plain!.as, userId: exec!.row.id, now: T0 })).rejects.toMatchObject({ code: "forbidden" });
    expect(await roleOf(other!.row.id)).toEqual({ role: "admin", isExec: false });
    expect(await roleOf(exec!.row.id)).toEqual({ role: "admin", isExec: true });
    expect(await eventsFor(other!.row.id)).toEqual([]);
  });

  it("is never revoked from the last exec, and granting it twice is a conflict", async () => {
    const [exec, other] = await staffOf("exec", "admin");
    await expect(revokeExec({ principal: exec!.as, userId: exec!.row.id, now: T0 })).rejects.toMatchObject({
      code: "conflict",
      message: expect.stringContaining("is the only exec: grant the exec role to another admin first"),
    });
    await expect(grantExec({ principal: exec!.as, userId: exec!.row.id, now: T0 })).rejects.toMatchObject({ code: "conflict" });
    await expect(revokeExec({ principal: exec!.as, userId: other!.row.id, now: T0 })).rejects.toMatchObject({ code: "conflict" });
    // With a second exec the first may step down.
    await grantExec({ principal: exec!.as, userId: other!.row.id, now: T0 });
    await revokeExec({ principal: exec!.as, userId: exec!.row.id, now: T0 });
    expect(await roleOf(exec!.row.id)).toEqual({ role: "admin", isExec: false });
  });

  it("goes by the acting admin's role now, not when the request began", async () => {
    const [exec1, exec2, other] = await staffOf("exec", "exec", "admin");
    // exec2's principal was loaded while exec2 was an exec; exec1 then revokes it.
    await revokeExec({ principal: exec1!.as, userId: exec2!.row.id, now: T0 });
    await expect(grantExec({ principal: exec2!.as, userId: other!.row.id, now: T0 })).rejects.toMatchObject({ code: "forbidden" });
    expect(await roleOf(other!.row.id)).toEqual({ role: "admin", isExec: false });
  });
});

describe("the staff list", () => {
  it("lists every admin, execs first, with what the viewer may change on each row", async () => {
    const [exec, plain] = await staffOf("exec", "admin");
    await makeUser({ name: "Not Staff" });
    const asExec = await getStaffView(exec!.as, { page: 1, pageSize: 10 });
    expect(asExec.total).toBe(2);
    expect(asExec.counts).toEqual({ admins: 2, execs: 1 });
    expect(asExec.rows.map((r) => [r.userId, r.isExec, r.isYou])).toEqual([
      [exec!.row.id, true, true],
      [plain!.row.id, false, false],
    ]);
    // The only exec can be neither removed nor revoked; the plain admin can be made an exec.
    expect(asExec.rows.map((r) => r.can)).toEqual([
      { remove_admin: false, grant_exec: false, revoke_exec: false },
      { remove_admin: true, grant_exec: true, revoke_exec: false },
    ]);
    const asPlain = await getStaffView(plain!.as, { page: 1, pageSize: 10 });
    expect(asPlain.canManageExecs).toBe(false);
    expect(asPlain.rows.map((r) => r.can.grant_exec)).toEqual([false, false]);
    expect((await getStaffView(exec!.as, { page: 2, pageSize: 1 })).rows.map((r) => r.userId)).toEqual([plain!.row.id]);
  });

  it("shows since when each person has been an admin: the latest grant, or the account's creation", async () => {
    const [exec] = await staffOf("exec");
    const longAgo = new Date(T0.getTime() - 400 * 86_400_000);
    const user = await makeUser({ name: "Promoted Later", createdAt: longAgo });
    const granted = new Date(T0.getTime() + 5 * 86_400_000);
    await addAdmin({ principal: exec!.as, input: { email: user.email }, now: granted });
    const rows = (await getStaffView(exec!.as, { page: 1, pageSize: 10 })).rows;
    expect(rows.find((r) => r.userId === user.id)!.adminSince.toISOString()).toBe(granted.toISOString());
    expect(rows.find((r) => r.userId === exec!.row.id)!.adminSince.toISOString()).toBe(exec!.row.createdAt.toISOString());
  });

  it("is for admins only", async () => {
    const { asOwner } = await makeTeam();
    await expect(getStaffView(asOwner, { page: 1, pageSize: 10 })).rejects.toMatchObject({ code: "forbidden" });
  });
});
