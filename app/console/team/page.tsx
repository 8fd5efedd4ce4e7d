import type { Metadata } from "next";
import { NoPartner } from "@/components/console/no-partner";
import { TeamManager } from "@/components/console/team-manager";
import { PageHeader } from "@/components/ui/page-header";
import { getPrincipal, requireConsole } from "@/lib/auth/guards";
import { canPartner } from "@/lib/auth/permissions";
import { formatDate, formatRelative } from "@/lib/format";
import { changeMemberRoleAction, inviteMemberAction, removeMemberAction } from "@/lib/partners/actions";
import { getTeam } from "@/lib/partners/team";

export const metadata: Metadata = { title: "Team" };

export default async function TeamPage() {
  const { viewer, partnerId } = await requireConsole("/console/team", "members:read");
  if (!partnerId) return <NoPartner isAdmin={viewer.isAdmin} />;
  const team = await getTeam({ principal: await getPrincipal(), partnerId });
  const now = new Date();
  return (
    <>
      <PageHeader title="Team" description="Everyone who can sign in to this partner's console." />
      <TeamManager
        partnerId={partnerId}
        canManage={canPartner(viewer, "members:manage", partnerId)}
        members={team.map((m) => ({
          membershipId: m.membershipId,
          email: m.email,
          name: m.name,
          role: m.role,
          joinedAt: formatDate(m.joinedAt),
          lastSignIn: formatRelative(m.lastSignInAt, now),
          isYou: m.userId === viewer.userId,
        }))}
        invite={inviteMemberAction}
        changeRole={changeMemberRoleAction}
        remove={removeMemberAction}
      />
    </>
  );
}
