"use client";

import Link, { useLinkStatus } from "next/link";
import { usePathname } from "next/navigation";
import { cn } from "@/components/ui/cn";

export interface NavItem {
  href: string;
  label: string;
  /** Match only the exact path (for section roots like /console). */
  exact?: boolean;
}

export function SideNav({ items, label }: { items: NavItem[]; label: string }) {
  const pathname = usePathname();
  const active = (item: NavItem) => (item.exact ? pathname === item.href : pathname === item.href || pathname.startsWith(item.href + "/"));
  return (
    <nav aria-label={label}>
      {/* Desktop: a vertical list. Mobile: a row that scrolls sideways. */}
      <ul className="flex gap-1 overflow-x-auto pb-1 lg:flex-col lg:overflow-visible lg:pb-0">
        {items.map((item) => (
          <li key={item.href}>
            <Link
              href={item.href}
              aria-current={active(item) ? "page" : undefined}
              className={cn(
                "block rounded-lg px-3 py-2 text-sm font-medium whitespace-nowrap",
                active(item) ? "bg-brand-50 text-brand-800" : "text-ink-muted hover:bg-slate-100 hover:text-ink",
              )}
            >
              <span className="flex items-center justify-between gap-2">
                {item.label}
                <PendingIndicator />
              </span>
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}

/** Shows while the page behind a clicked link is loading (pages stream no skeleton, so statuses stay real). */
function PendingIndicator() {
  const { pending } = useLinkStatus();
  return pending ? (
    <span role="status" aria-label="Loading" className="size-3.5 animate-spin rounded-full border-2 border-brand-200 border-t-brand-700" />
  ) : null;
}
