import type { ReactNode } from "react";
import { Logo } from "./logo";
import { SideNav, type NavItem } from "./side-nav";
import { UserMenu, type ViewerSummary } from "./user-menu";

/** The signed-in shell shared by /console and /admin: top bar, side navigation, content. */
export function AppShell({
  area,
  nav,
  navLabel,
  viewer,
  signOutAction,
  sidebarTop,
  children,
}: {
  area: string;
  nav: NavItem[];
  navLabel: string;
  viewer: ViewerSummary | null;
  signOutAction: () => Promise<void>;
  sidebarTop?: ReactNode;
  children: ReactNode;
}) {
  return (
    <div className="min-h-screen">
      <header className="sticky top-0 z-20 border-b border-slate-200 bg-white/95 backdrop-blur">
        <div className="mx-auto flex h-14 max-w-page items-center justify-between gap-4 px-4 sm:px-6">
          <Logo suffix={area} />
          <UserMenu viewer={viewer} signOutAction={signOutAction} />
        </div>
      </header>
      <div className="mx-auto flex max-w-page flex-col gap-6 px-4 py-6 sm:px-6 lg:flex-row lg:gap-10 lg:py-8">
        <aside className="lg:w-56 lg:shrink-0">
          <div className="space-y-4 lg:sticky lg:top-20">
            {sidebarTop}
            <SideNav items={nav} label={navLabel} />
          </div>
        </aside>
        <main id="main" className="min-w-0 flex-1">
          {children}
        </main>
      </div>
    </div>
  );
}
