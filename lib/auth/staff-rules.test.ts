import { describe, expect, it } from "vitest";
import type { Viewer } from "./permissions";
import { decideStaffChange, staffChangesFor, type StaffChange, type StaffCounts, type StaffTarget } from "./staff-rules";

const viewer = (over: Partial<Viewer>): Viewer => ({ userId: "usr_actor", email: "actor@provenant.test", name: null, isAdmin: false, memberships: [], ...over });
const actors = {
  anonymous: null,
  partnerOwner: viewer({ memberships: [{ partnerId: "ptr_a", role: "owner" }] }),
  admin: viewer({ isAdmin: true }),
  exec: viewer({ isAdmin: true, isExec: true }),
} as const;

const person = (over: Partial<StaffTarget> = {}): StaffTarget => ({ userId: "usr_kim", email: "kim@provenant.test", name: "Kim", isAdmin: false, isExec: false, partnerTeams: [], ...over });
const targets = {
  nobody: null,
  user: person(),
  teamMember: person({ partnerTeams: ["Acme Web"] }),
  admin: person({ isAdmin: true }),
  exec: person({ isAdmin: true, isExec: true }),
} as const;

const MANY: StaffCounts = { admins: 3, execs: 2 };
const outcome = (d: ReturnType<typeof decideStaffChange>) => (d.allowed ? "allow" : d.reason);

type Actor = keyof typeof actors;
type Target = keyof typeof targets;

// Every change by every kind of actor on every kind of target, with staff to spare.
const TABLE: [StaffChange, Actor, Target, string][] = [
  ["add_admin", "anonymous", "user", "unauthenticated"],
  ["add_admin", "partnerOwner", "user", "forbidden"],
  ["add_admin", "admin", "nobody", "allow"],
  ["add_admin", "admin", "user", "allow"],
  ["add_admin", "exec", "user", "allow"],
  ["add_admin", "admin", "admin", "conflict"],
  ["add_admin", "admin", "exec", "conflict"],
  ["add_admin", "exec", "teamMember", "conflict"],

  ["remove_admin", "anonymous", "admin", "unauthenticated"],
  ["remove_admin", "partnerOwner", "admin", "forbidden"],
  ["remove_admin", "admin", "admin", "allow"],
  ["remove_admin", "exec", "admin", "allow"],
  ["remove_admin", "admin", "exec", "forbidden"],
  ["remove_admin", "exec", "exec", "allow"],
  ["remove_admin", "admin", "user", "not_found"],
  ["remove_admin", "admin", "nobody", "not_found"],

  ["grant_exec", "anonymous", "admin", "unauthenticated"],
  ["grant_exec", "partnerOwner", "admin", "forbidden"],
  ["grant_exec", "admin", "admin", "forbidden"],
  ["grant_exec", "exec", "admin", "allow"],
  ["grant_exec", "exec", "exec", "conflict"],
  ["grant_exec", "exec", "user", "not_found"],
  ["grant_exec", "exec", "nobody", "not_found"],

  ["revoke_exec", "anonymous", "exec", "unauthenticated"],
  ["revoke_exec", "admin", "exec", "forbidden"],
  ["revoke_exec", "exec", "exec", "allow"],
  ["revoke_exec", "exec", "admin", "conflict"],
  ["revoke_exec", "exec", "user", "not_found"],
];

describe("decideStaffChange: change x actor x target", () => {
  it.each(TABLE)("%s by %s on %s -> %s", (change, actor, target, expected) => {
    expect(outcome(decideStaffChange(actors[actor], change, targets[target], MANY))).toBe(expected);
  });

  it("says what the person becomes", () => {
    expect(decideStaffChange(actors.admin, "add_admin", null, MANY)).toEqual({ allowed: true, after: { isAdmin: true, isExec: false } });
    expect(decideStaffChange(actors.exec, "grant_exec", targets.admin, MANY)).toEqual({ allowed: true, after: { isAdmin: true, isExec: true } });
    expect(decideStaffChange(actors.exec, "revoke_exec", targets.exec, MANY)).toEqual({ allowed: true, after: { isAdmin: true, isExec: false } });
  });

  it("removing an admin drops their exec role with it", () => {
    expect(decideStaffChange(actors.exec, "remove_admin", targets.exec, MANY)).toEqual({ allowed: true, after: { isAdmin: false, isExec: false } });
  });
});

describe("the program keeps one admin and one exec", () => {
  it.each([
    // [change, target, admins, execs, outcome]
    ["remove_admin", "admin", 1, 0, "conflict"],
    ["remove_admin", "admin", 2, 1, "allow"],
    ["remove_admin", "exec", 1, 1, "conflict"],
    ["remove_admin", "exec", 2, 1, "conflict"],
    ["remove_admin", "exec", 2, 2, "allow"],
    ["revoke_exec", "exec", 5, 1, "conflict"],
    ["revoke_exec", "exec", 2, 2, "allow"],
  ] as const)("%s of an %s with %i admins and %i execs -> %s", (change, target, admins, execs, expected) => {
    expect(outcome(decideStaffChange(actors.exec, change, targets[target], { admins, execs }))).toBe(expected);
  });

  it("names the way out in the message", () => {
    const lastAdmin = decideStaffChange(actors.admin, "remove_admin", targets.admin, { admins: 1, execs: 0 });
    expect(lastAdmin).toMatchObject({ allowed: false, message: "Kim is the only admin: add another admin first" });
    const lastExec = decideStaffChange(actors.exec, "revoke_exec", targets.exec, { admins: 3, execs: 1 });
    expect(lastExec).toMatchObject({ allowed: false, message: "Kim is the only exec: grant the exec role to another admin first" });
  });
});

describe("who may touch the exec role", () => {
  it("a non-exec admin can neither grant, revoke, nor remove an exec, and is told why", () => {
    expect(decideStaffChange(actors.admin, "grant_exec", targets.admin, MANY)).toEqual({
      allowed: false,
      reason: "forbidden",
      message: "Only an exec can grant or revoke the exec role",
    });
    expect(decideStaffChange(actors.admin, "revoke_exec", targets.exec, MANY)).toMatchObject({ allowed: false, reason: "forbidden" });
    expect(decideStaffChange(actors.admin, "remove_admin", targets.exec, MANY)).toMatchObject({
      allowed: false,
      reason: "forbidden",
      message: "Kim is an exec: only an exec can remove an exec",
    });
  });

  it("an exec flag without the admin role grants nothing", () => {
    const stray = viewer({ isExec: true });
    expect(outcome(decideStaffChange(stray, "grant_exec", targets.admin, MANY))).toBe("forbidden");
    expect(outcome(decideStaffChange(stray, "add_admin", null, MANY))).toBe("forbidden");
  });
});

describe("partner team members", () => {
  it("cannot be made admins, and the message names the team", () => {
    expect(decideStaffChange(actors.admin, "add_admin", person({ name: null, email: "olivia@acme.test", partnerTeams: ["Acme Web", "Beta Ltd"] }), MANY)).toEqual({
      allowed: false,
      reason: "conflict",
      message: "olivia@acme.test is on the team of Acme Web, Beta Ltd. Admins see every partner's data, so a partner's team member cannot be one: remove them from the team first.",
    });
  });
});

describe("staffChangesFor", () => {
  it("shows an exec the exec buttons and a plain admin only what they may do", () => {
    expect(staffChangesFor(actors.exec, targets.admin, MANY)).toEqual({ remove_admin: true, grant_exec: true, revoke_exec: false });
    expect(staffChangesFor(actors.admin, targets.admin, MANY)).toEqual({ remove_admin: true, grant_exec: false, revoke_exec: false });
    expect(staffChangesFor(actors.admin, targets.exec, MANY)).toEqual({ remove_admin: false, grant_exec: false, revoke_exec: false });
    expect(staffChangesFor(actors.exec, targets.exec, { admins: 1, execs: 1 })).toEqual({ remove_admin: false, grant_exec: false, revoke_exec: false });
  });
});

describe("yourself", () => {
  const me = person({ userId: actors.exec.userId, isAdmin: true, isExec: true });

  it("an admin does not remove themselves, but may step down as exec while another exec remains", () => {
    expect(decideStaffChange(actors.exec, "remove_admin", me, MANY)).toEqual({ allowed: false, reason: "conflict", message: "You cannot remove yourself: ask another admin" });
    expect(outcome(decideStaffChange(actors.exec, "revoke_exec", me, MANY))).toBe("allow");
    expect(outcome(decideStaffChange(actors.exec, "revoke_exec", me, { admins: 3, execs: 1 }))).toBe("conflict");
  });
});
