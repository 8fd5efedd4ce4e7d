// The seeded demo sign-ins (also listed in the README). One-click demo login
// accepts only these, and only when DEMO_LOGIN is on (the default outside production).

export const DEMO_ACCOUNTS = [
  { email: "admin@provenant.dev", name: "Avery Admin", label: "Program admin", partnerSlug: null, role: "admin" },
  { email: "olivia@brightpixel.studio", name: "Olivia Owner", label: "Owner, Brightpixel Studio (Installer)", partnerSlug: "brightpixel-studio", role: "owner" },
  { email: "marco@brightpixel.studio", name: "Marco Member", label: "Member, Brightpixel Studio (Installer)", partnerSlug: "brightpixel-studio", role: "member" },
  { email: "grace@ledgerline.io", name: "Grace Auditor", label: "Owner, Ledgerline Assurance (Auditor)", partnerSlug: "ledgerline-assurance", role: "owner" },
  { email: "sam@northwind-integrations.com", name: "Sam Integrator", label: "Owner, Northwind Integrations (Enterprise)", partnerSlug: "northwind-integrations", role: "owner" },
] as const;

export type DemoAccount = (typeof DEMO_ACCOUNTS)[number];

export function isDemoAccount(email: string): boolean {
  return DEMO_ACCOUNTS.some((a) => a.email === email.trim().toLowerCase());
}
