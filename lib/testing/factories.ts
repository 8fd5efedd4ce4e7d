import { getDb } from "@/db/client";
import { memberships, partners, users } from "@/db/schema";
import { newId } from "@/lib/ids";
import type { Principal, Viewer } from "@/lib/auth/permissions";
import { loadViewer } from "@/lib/auth/store";
import type { MemberRole } from "@/lib/partners/constants";

// Test data builders. They insert rows directly: they set the stage, the code
// under test is always called through its real entry points.

export const T0 = new Date("2026-03-02T10:00:00.000Z");

let counter = 0;
const next = () => ++counter;

export async function makePartner(overrides: Partial<typeof partners.$inferInsert> = {}) {
  const n = next();
  const db = await getDb();
  const [row] = await db
    .insert(partners)
    .values({
      slug: `partner-${n}-${newId("partner").slice(4, 10)}`,
      name: `Partner ${n}`,
      track: "installer",
      tier: "verified",
      status: "active",
      joinedAt: T0,
      regions: ["europe"],
      stacks: ["wordpress"],
      languages: ["en"],
      ...overrides,
    })
    .returning();
  return row!;
}

export async function makeUser(overrides: Partial<typeof users.$inferInsert> = {}) {
  const n = next();
  const db = await getDb();
  const [row] = await db
    .insert(users)
    .values({ email: `user${n}-${newId("user").slice(4, 10)}@example.test`, name: `User ${n}`, ...overrides })
    .returning();
  return row!;
}

export async function addMember(partnerId: string, userId: string, role: MemberRole = "member") {
  const db = await getDb();
  const [row] = await db.insert(memberships).values({ partnerId, userId, role }).returning();
  return row!;
}

export async function viewerOf(userId: string): Promise<Viewer> {
  return (await loadViewer(userId))!;
}

export async function userPrincipal(userId: string): Promise<Principal> {
  return { kind: "user", viewer: await viewerOf(userId) };
}

/** A partner with an owner and a member, and their principals. */
export async function makeTeam(overrides: Partial<typeof partners.$inferInsert> = {}) {
  const partner = await makePartner(overrides);
  const owner = await makeUser();
  const member = await makeUser();
  await addMember(partner.id, owner.id, "owner");
  await addMember(partner.id, member.id, "member");
  return {
    partner,
    owner,
    member,
    asOwner: await userPrincipal(owner.id),
    asMember: await userPrincipal(member.id),
  };
}

export async function makeAdmin(): Promise<Principal> {
  const admin = await makeUser({ role: "admin" });
  return userPrincipal(admin.id);
}
