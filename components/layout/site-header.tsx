import Link from "next/link";
import { Logo } from "./logo";
import { UserMenu, type ViewerSummary } from "./user-menu";

const LINKS = [
  { href: "/", label: "Find a partner" },
  { href: "/auditors", label: "Auditors" },
  { href: "/program", label: "Program" },
  { href: "/docs/api", label: "API" },
  { href: "/docs/webhooks", label: "Webhooks" },
];

export function SiteHeader({ viewer, signOutAction }: { viewer: ViewerSummary | null; signOutAction: () => Promise<void> }) {
  return (
    <header className="border-b border-slate-200 bg-white/90 backdrop-blur">
      <div className="mx-auto flex h-16 max-w-page items-center justify-between gap-4 px-4 sm:px-6">
        <div className="flex items-center gap-8">
          <Logo />
          <nav aria-label="Main" className="hidden items-center gap-1 md:flex">
            {LINKS.map((l) => (
              <Link key={l.href} href={l.href} className="rounded-lg px-3 py-2 text-sm font-medium text-ink-muted hover:bg-slate-100 hover:text-ink">
                {l.label}
              </Link>
            ))}
          </nav>
        </div>
        <UserMenu viewer={viewer} signOutAction={signOutAction} />
      </div>
      <nav aria-label="Main (mobile)" className="flex gap-1 overflow-x-auto border-t border-slate-100 px-4 py-2 md:hidden">
        {LINKS.map((l) => (
          <Link key={l.href} href={l.href} className="rounded-lg px-3 py-1.5 text-sm font-medium whitespace-nowrap text-ink-muted hover:bg-slate-100">
            {l.label}
          </Link>
        ))}
      </nav>
    </header>
  );
}
