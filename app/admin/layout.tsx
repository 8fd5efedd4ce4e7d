import type { ReactNode } from "react";
import { AppShell } from "@/components/layout/app-shell";
import { signOutAction } from "@/lib/auth/actions";
import { getViewer } from "@/lib/auth/guards";

const NAV = [
  { href: "/admin", label: "Overview", exact: true },
  { href: "/admin/partners", label: "Partners" },
  { href: "/admin/listings", label: "Listing reviews" },
  { href: "/admin/deals", label: "Deals" },
  { href: "/admin/commissions", label: "Commissions" },
  { href: "/admin/payouts", label: "Payouts" },
  { href: "/admin/mdf", label: "MDF" },
  { href: "/admin/marketing", label: "Co-marketing" },

  { href: "/admin/fraud", label: "Fraud holds" },
  { href: "/admin/quality", label: "Quality" },
  { href: "/admin/certification", label: "Certification" },
  { href: "/admin/nps", label: "NPS" },
  { href: "/admin/analytics", label: "Analytics" },
  { href: "/admin/health", label: "Program health" },
  { href: "/admin/exit-tests", label: "Exit tests" },
  { href: "/admin/legal", label: "Legal" },
  { href: "/admin/badges", label: "Badges" },
  { href: "/admin/audit", label: "Audit log" },
  { href: "/admin/outbox", label: "Email outbox" },
  { href: "/admin/api-keys", label: "Platform keys" },
  { href: "/admin/staff", label: "Program staff" },
];

// Display only: every admin page calls requireAdminPage itself.
export default async function AdminLayout({ children }: { children: ReactNode }) {
  const viewer = await getViewer();
  return (
    <AppShell
      area="Admin"
      nav={viewer?.isAdmin ? NAV : []}
      navLabel="Admin"
      viewer={viewer && { name: viewer.name, email: viewer.email, isAdmin: viewer.isAdmin, hasPartner: viewer.memberships.length > 0 }}
      signOutAction={signOutAction}
    >
      {children}
    </AppShell>
  );
}
