import type { ReactNode } from "react";
import { SiteFooter } from "@/components/layout/site-footer";
import { SiteHeader } from "@/components/layout/site-header";
import { signOutAction } from "@/lib/auth/actions";
import { getViewer } from "@/lib/auth/guards";

export default async function PublicLayout({ children }: { children: ReactNode }) {
  const viewer = await getViewer();
  return (
    <div className="flex min-h-screen flex-col">
      <SiteHeader
        viewer={viewer && { name: viewer.name, email: viewer.email, isAdmin: viewer.isAdmin, hasPartner: viewer.memberships.length > 0 }}
        signOutAction={signOutAction}
      />
      <main id="main" className="flex-1">
        {children}
      </main>
      <SiteFooter />
    </div>
  );
}
