import Link from "next/link";
import { cn } from "@/components/ui/cn";

const TABS = [
  { href: "/console/marketing", label: "Kits & one-pagers" },
  { href: "/console/marketing/webinars", label: "Webinars" },
  { href: "/console/marketing/submissions", label: "Brand approvals" },
  { href: "/console/marketing/proofs", label: "Proofs & assets" },
];

export function MarketingTabs({ current }: { current: string }) {
  return (
    <nav aria-label="Co-marketing sections" className="mb-6 flex flex-wrap gap-2 border-b border-slate-200 pb-3">
      {TABS.map((t) => (
        <Link
          key={t.href}
          href={t.href}
          aria-current={current === t.href ? "page" : undefined}
          className={cn(
            "rounded-full px-3 py-1 text-sm ring-1 ring-inset",
            current === t.href ? "bg-brand-700 text-white ring-brand-700" : "bg-white text-ink-muted ring-slate-300 hover:bg-slate-50",
          )}
        >
          {t.label}
        </Link>
      ))}
    </nav>
  );
}
