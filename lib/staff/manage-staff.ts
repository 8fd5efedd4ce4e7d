import "server-only";
import { getDb, type Queryable } from "@/db/client";
import { audit, diffFields } from "@/lib/audit/audit";
import { actorOf } from "@/lib/auth/actor";
import { assertAdmin, type Principal, type Viewer } from "@/lib/auth/permissions";
import { decideStaffChange, STAFF_AUDIT_ACTION, type StaffChange, type StaffDecision, type StaffRole, type StaffTarget } from "@/lib/auth/staff-rules";
import { AppError, conflict, forbidden, parseOrThrow, unauthorized } from "@/lib/errors";
import { addAdminSchema, staffMemberSchema } from "./schemas";
import { insertUser, lockStaff, lockUser, lockUserByEmail, partnerTeamsOf, setStaffRole, type UserRow } from "./store";

// Changes to the program staff: authorize, lock the staff, decide with the pure
// rules (lib/auth/staff-rules.ts), apply and audit in one transaction.

export interface StaffChangeResult {
  userId: string;
  email: string;
  name: string | null;
  isAdmin: boolean;
  isExec: boolean;
}

type StaffArgs = { principal: Principal | null; userId: string; now: Date };

/** The new role, or the refusal as an AppError (401, 403, 404 or 409 with the rule's message). */
function roleOrThrow(decision: StaffDecision): StaffRole {
  if (decision.allowed) return decision.after;
  if (decision.reason === "unauthenticated") throw unauthorized(decision.message);
  if (decision.reason === "forbidden") throw forbidden(decision.message);
  if (decision.reason === "not_found") throw new AppError({ code: "not_found", message: decision.message });
  throw conflict(decision.message);
}

async function targetOf(tx: Queryable, user: UserRow | null): Promise<StaffTarget | null> {
  if (!user) return null;
  const isAdmin = user.role === "admin";
  return { userId: user.id, email: user.email, name: user.name, isAdmin, isExec: isAdmin && user.isExec, partnerTeams: await partnerTeamsOf(tx, user.id) };
}

/** Locks the staff; the acting admin's own role as it is now (not as it was when the request began). */
async function lockStaffAs(tx: Queryable, viewer: Viewer) {
  const { counts, roles } = await lockStaff(tx);
  const mine = roles.get(viewer.userId);
  return { counts, actor: { ...viewer, isAdmin: Boolean(mine), isExec: Boolean(mine?.isExec) } };
}

const roleFields = (r: StaffRole) => ({ role: r.isAdmin ? "admin" : "user", isExec: r.isExec });

async function apply(tx: Queryable, a: { principal: Principal; change: StaffChange; user: UserRow; before: StaffTarget | null; after: StaffRole; created?: boolean; now: Date }): Promise<StaffChangeResult> {
  await setStaffRole(tx, a.user.id, a.after);
  // Only what changed, with the person's email first in `after` so the log reads "who: what".
  const diff = a.before ? diffFields(roleFields(a.before), roleFields(a.after)) : { before: null, after: roleFields(a.after) };
  await audit(tx, {
    actor: actorOf(a.principal),
    action: STAFF_AUDIT_ACTION[a.change],
    object: { type: "user", id: a.user.id },
    before: diff?.before ?? null,
    after: { email: a.user.email, ...diff?.after },
    meta: { name: a.user.name, ...(a.created ? { created: true } : {}) },
    at: a.now,
  });
  return { userId: a.user.id, email: a.user.email, name: a.user.name, ...a.after };
}

/** Makes someone an admin by email, creating their user when the address is new. */
export async function addAdmin(args: { principal: Principal | null; input: unknown; now: Date }): Promise<StaffChangeResult> {
  const viewer = assertAdmin(args.principal, "staff:manage");
  const input = parseOrThrow(addAdminSchema, args.input);
  const db = await getDb();
  return db.transaction(async (tx) => {
    const { counts, actor } = await lockStaffAs(tx, viewer);
    const existing = await lockUserByEmail(tx, input.email);
    const before = await targetOf(tx, existing);
    const after = roleOrThrow(decideStaffChange(actor, "add_admin", before, counts));
    const user = existing ?? (await insertUser(tx, { email: input.email, name: input.name, createdAt: args.now }));
    return apply(tx, { principal: args.principal!, change: "add_admin", user, before, after, created: !existing, now: args.now });
  });
}

async function changeStaff(change: Exclude<StaffChange, "add_admin">, args: StaffArgs): Promise<StaffChangeResult> {
  const viewer = assertAdmin(args.principal, change === "remove_admin" ? "staff:manage" : "staff:exec");
  const { userId } = parseOrThrow(staffMemberSchema, { userId: args.userId });
  const db = await getDb();
  return db.transaction(async (tx) => {
    const { counts, actor } = await lockStaffAs(tx, viewer);
    const user = await lockUser(tx, userId);
    const before = await targetOf(tx, user);
    const after = roleOrThrow(decideStaffChange(actor, change, before, counts));
    return apply(tx, { principal: args.principal!, change, user: user!, before, after, now: args.now });
  });
}

/** Demotes an admin to a regular user; their exec role goes with it. */
export const removeAdmin = (args: StaffArgs) => changeStaff("remove_admin", args);

/** Gives an admin the exec role (an exec's decision). */
export const grantExec = (args: StaffArgs) => changeStaff("grant_exec", args);

/** Takes the exec role from an admin, never from the last exec. */
export const revokeExec = (args: StaffArgs) => changeStaff("revoke_exec", args);
