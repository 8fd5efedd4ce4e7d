import { decideAdmin, type AdminAction, type Viewer } from "./permissions";

// Who may change the program staff (admins, and the execs among them), and
// which changes are refused whoever asks. Pure: the caller reads the target and
// the staff counts (under a lock) and applies what this returns.
//
// - Adding or removing an admin is an admin action (staff:manage); granting or
//   revoking the exec role is an exec action (staff:exec).
// - Removing an admin also drops their exec role, so removing an exec is an
//   exec action too: a plain admin cannot strip the execs by demoting them.
// - The program always keeps one admin and one exec, and an admin does not
//   remove themselves (another admin does): nobody locks themselves out by a click.
// - Program staff see every partner's data, so a partner's team member cannot
//   be made an admin: a partner user never sees another partner's data.

export type StaffChange = "add_admin" | "remove_admin" | "grant_exec" | "revoke_exec";

/** The audit action each change is recorded under. */
export const STAFF_AUDIT_ACTION: Record<StaffChange, string> = {
  add_admin: "staff.admin_added",
  remove_admin: "staff.admin_removed",
  grant_exec: "staff.exec_granted",
  revoke_exec: "staff.exec_revoked",
};

export interface StaffTarget {
  userId: string;
  email: string;
  name: string | null;
  isAdmin: boolean;
  isExec: boolean;
  /** Names of the partners whose team this person is on. */
  partnerTeams: readonly string[];
}

export interface StaffCounts {
  admins: number;
  execs: number;
}

export type StaffRole = { isAdmin: boolean; isExec: boolean };

export type StaffDecision =
  | { allowed: true; after: StaffRole }
  | { allowed: false; reason: "unauthenticated" | "forbidden" | "not_found" | "conflict"; message: string };

const ACTION_OF: Record<StaffChange, AdminAction> = {
  add_admin: "staff:manage",
  remove_admin: "staff:manage",
  grant_exec: "staff:exec",
  revoke_exec: "staff:exec",
};

const refuse = (reason: Exclude<StaffDecision, { allowed: true }>["reason"], message: string): StaffDecision => ({ allowed: false, reason, message });
const who = (t: StaffTarget) => t.name ?? t.email;

/**
 * Decides one change to the staff. `target` is the person changed (null when
 * nobody has that email or id yet: adding creates them); `staff` counts the
 * admins and execs as they are before the change.
 */
export function decideStaffChange(actor: Viewer | null, change: StaffChange, target: StaffTarget | null, staff: StaffCounts): StaffDecision {
  const auth = decideAdmin(actor, ACTION_OF[change]);
  if (!auth.allowed) {
    if (auth.reason === "unauthenticated") return refuse("unauthenticated", "Sign in to manage program staff");
    return refuse("forbidden", ACTION_OF[change] === "staff:exec" ? "Only an exec can grant or revoke the exec role" : "Only admins manage program staff");
  }

  if (change === "add_admin") {
    if (!target) return { allowed: true, after: { isAdmin: true, isExec: false } };
    if (target.isAdmin) return refuse("conflict", `${who(target)} is already an admin`);
    if (target.partnerTeams.length > 0) {
      return refuse(
        "conflict",
        `${who(target)} is on the team of ${target.partnerTeams.join(", ")}. Admins see every partner's data, so a partner's team member cannot be one: remove them from the team first.`,
      );
    }
    return { allowed: true, after: { isAdmin: true, isExec: false } };
  }

  if (!target || !target.isAdmin) return refuse("not_found", "Admin not found");

  if (change === "remove_admin") {
    if (target.isExec && !actor!.isExec) return refuse("forbidden", `${who(target)} is an exec: only an exec can remove an exec`);
    if (staff.admins <= 1) return refuse("conflict", `${who(target)} is the only admin: add another admin first`);
    if (target.isExec && staff.execs <= 1) return refuse("conflict", `${who(target)} is the only exec: grant the exec role to another admin first`);
    if (target.userId === actor!.userId) return refuse("conflict", "You cannot remove yourself: ask another admin");
    return { allowed: true, after: { isAdmin: false, isExec: false } };
  }

  if (change === "grant_exec") {
    if (target.isExec) return refuse("conflict", `${who(target)} is already an exec`);
    return { allowed: true, after: { isAdmin: true, isExec: true } };
  }

  if (!target.isExec) return refuse("conflict", `${who(target)} is not an exec`);
  if (staff.execs <= 1) return refuse("conflict", `${who(target)} is the only exec: grant the exec role to another admin first`);
  return { allowed: true, after: { isAdmin: true, isExec: false } };
}

/** The changes a viewer may make to one admin's row, for showing or hiding its buttons. */
export function staffChangesFor(actor: Viewer | null, target: StaffTarget, staff: StaffCounts): Record<Exclude<StaffChange, "add_admin">, boolean> {
  const ok = (c: StaffChange) => decideStaffChange(actor, c, target, staff).allowed;
  return { remove_admin: ok("remove_admin"), grant_exec: ok("grant_exec"), revoke_exec: ok("revoke_exec") };
}
