import "server-only";
import { z } from "zod";
import { getDb, type Queryable } from "@/db/client";
import { audit } from "@/lib/audit/audit";
import { actorOf } from "@/lib/auth/actor";
import { assertPartner, type Principal } from "@/lib/auth/permissions";
import { sendEmail } from "@/lib/email/send-email";
import { invitationEmail } from "@/lib/email/templates";
import { getEnv } from "@/lib/env";
import { conflict, notFound, parseOrThrow } from "@/lib/errors";
import { MEMBER_ROLES } from "./constants";
import {
  countOwners,
  deleteMembership,
  findMembershipOfUser,
  findOrCreateUser,
  findPartner,
  insertMembership,
  listMembers,
  lockMembership,
  setMembershipRole,
  type MembershipRow,
} from "./store";

export const inviteMemberSchema = z.object({
  email: z.string().trim().toLowerCase().email("Enter a valid email address"),
  name: z
    .string()
    .trim()
    .max(80, "At most 80 characters")
    .optional()
    .transform((v) => v || null),
  role: z.enum(MEMBER_ROLES, { message: "Choose owner or member" }),
});

export const changeRoleSchema = z.object({ role: z.enum(MEMBER_ROLES, { message: "Choose owner or member" }) });

/** Adds a person to a partner (creating their user if needed) and emails them. */
export async function inviteMember(args: {
  principal: Principal | null;
  partnerId: string;
  input: unknown;
  now: Date;
}): Promise<MembershipRow> {
  assertPartner(args.principal, "members:manage", args.partnerId);
  const input = parseOrThrow(inviteMemberSchema, args.input);
  const principal = args.principal!;
  const db = await getDb();
  const { partner, membership } = await db.transaction(async (tx) => {
    const partner = await findPartner(tx, args.partnerId);
    if (!partner) throw notFound("Partner");
    const user = await findOrCreateUser(tx, input.email, input.name, args.now);
    if (await findMembershipOfUser(tx, args.partnerId, user.id)) throw conflict(`${input.email} is already on this team`);
    const membership = await insertMembership(tx, {
      partnerId: args.partnerId,
      userId: user.id,
      role: input.role,
      createdAt: args.now,
    });
    await audit(tx, {
      actor: actorOf(principal),
      action: "membership.created",
      object: { type: "membership", id: membership.id },
      partnerId: args.partnerId,
      after: { email: input.email, role: input.role },
      at: args.now,
    });
    return { partner, membership };
  });
  await sendEmail({
    kind: "invitation",
    to: input.email,
    partnerId: args.partnerId,
    email: invitationEmail({
      partnerName: partner.name,
      inviterName: principal.kind === "user" ? (principal.viewer.name ?? principal.viewer.email) : "Your team",
      role: membership.role,
      signInUrl: `${getEnv().APP_URL}/sign-in?email=${encodeURIComponent(input.email)}&callbackUrl=%2Fconsole`,
    }),
    now: args.now,
  });
  return membership;
}

async function membershipOrThrow(tx: Queryable, partnerId: string, membershipId: string): Promise<MembershipRow> {
  const m = await lockMembership(tx, partnerId, membershipId);
  if (!m) throw notFound("Team member");
  return m;
}

export async function changeMemberRole(args: {
  principal: Principal | null;
  partnerId: string;
  membershipId: string;
  input: unknown;
  now: Date;
}): Promise<void> {
  assertPartner(args.principal, "members:manage", args.partnerId);
  const { role } = parseOrThrow(changeRoleSchema, args.input);
  const db = await getDb();
  await db.transaction(async (tx) => {
    const m = await membershipOrThrow(tx, args.partnerId, args.membershipId);
    if (m.role === role) return;
    if (m.role === "owner" && (await countOwners(tx, args.partnerId)) <= 1) {
      throw conflict("A partner needs at least one owner: make someone else owner first");
    }
    await setMembershipRole(tx, m.id, role);
    await audit(tx, {
      actor: actorOf(args.principal!),
      action: "membership.role_changed",
      object: { type: "membership", id: m.id },
      partnerId: args.partnerId,
      before: { role: m.role },
      after: { role },
      at: args.now,
    });
  });
}

export async function removeMember(args: {
  principal: Principal | null;
  partnerId: string;
  membershipId: string;
  now: Date;
}): Promise<void> {
  assertPartner(args.principal, "members:manage", args.partnerId);
  const db = await getDb();
  await db.transaction(async (tx) => {
    const m = await membershipOrThrow(tx, args.partnerId, args.membershipId);
    if (m.role === "owner" && (await countOwners(tx, args.partnerId)) <= 1) {
      throw conflict("A partner needs at least one owner: you cannot remove the last one");
    }
    await deleteMembership(tx, m.id);
    await audit(tx, {
      actor: actorOf(args.principal!),
      action: "membership.removed",
      object: { type: "membership", id: m.id },
      partnerId: args.partnerId,
      before: { userId: m.userId, role: m.role },
      at: args.now,
    });
  });
}

export async function getTeam(args: { principal: Principal | null; partnerId: string }) {
  assertPartner(args.principal, "members:read", args.partnerId);
  return listMembers(await getDb(), args.partnerId);
}
