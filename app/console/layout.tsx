import { cookies } from "next/headers";
import type { ReactNode } from "react";
import { AppShell } from "@/components/layout/app-shell";
import { PartnerSwitcher } from "@/components/console/partner-switcher";
import { signOutAction, switchPartner } from "@/lib/auth/actions";
import { ACTIVE_PARTNER_COOKIE, getViewer } from "@/lib/auth/guards";
import { resolveConsolePartner } from "@/lib/auth/permissions";
import { getPartnersByIds } from "@/lib/partners/store";

const NAV = [
  { href: "/console", label: "Overview", exact: true },
  { href: "/console/listing", label: "Directory listing" },
  { href: "/console/ranking", label: "Ranking" },
  { href: "/console/leads", label: "Leads" },
  { href: "/console/performance", label: "Performance" },
  { href: "/console/certification", label: "Certification" },
  { href: "/console/scorecard", label: "Scorecard" },
  { href: "/console/links", label: "Links" },
  { href: "/console/deals", label: "Deals" },
  { href: "/console/commissions", label: "Commissions" },
  { href: "/console/payouts", label: "Payouts" },
  { href: "/console/mdf", label: "MDF" },
  { href: "/console/marketing", label: "Co-marketing" },

  { href: "/console/installs", label: "Installs" },
  { href: "/console/survival", label: "Survival & TTI" },
  { href: "/console/reports", label: "Survival Reports" },
  { href: "/console/evidence", label: "Evidence packs" },
  { href: "/console/nps", label: "Customer NPS" },
  { href: "/console/agreements", label: "Agreements" },
  { href: "/console/badges", label: "Badges" },
  { href: "/console/team", label: "Team" },
  { href: "/console/api-keys", label: "API keys" },
  { href: "/console/webhooks", label: "Webhooks" },
  { href: "/console/activity", label: "Activity" },
];

// Display only: every page checks access itself (a layout does not re-run on client navigation).
export default async function ConsoleLayout({ children }: { children: ReactNode }) {
  const viewer = await getViewer();
  const mine = viewer ? await getPartnersByIds(viewer.memberships.map((m) => m.partnerId)) : [];
  const current = viewer ? resolveConsolePartner(viewer, null, (await cookies()).get(ACTIVE_PARTNER_COOKIE)?.value).partnerId : null;
  return (
    <AppShell
      area="Console"
      nav={NAV}
      navLabel="Console"
      viewer={viewer && { name: viewer.name, email: viewer.email, isAdmin: viewer.isAdmin, hasPartner: mine.length > 0 }}
      signOutAction={signOutAction}
      sidebarTop={<PartnerSwitcher partners={mine.map((p) => ({ id: p.id, name: p.name }))} current={current} action={switchPartner} />}
    >
      {children}
    </AppShell>
  );
}
