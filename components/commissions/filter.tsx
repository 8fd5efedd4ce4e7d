import Link from "next/link";
import { cn } from "@/components/ui/cn";
import { COMMISSION_STATUS_LABELS } from "@/lib/commissions/labels";
import { COMMISSION_STATUSES, type CommissionStatus } from "@/lib/commissions/rules";

export function CommissionStatusFilter({ path, current }: { path: string; current?: CommissionStatus }) {
  return (
    <nav aria-label="Filter by state" className="flex flex-wrap gap-2">
      {[undefined, ...COMMISSION_STATUSES].map((s) => (
        <Link
          key={s ?? "all"}
          href={s ? `${path}?status=${s}` : path}
          aria-current={current === s ? "page" : undefined}
          className={cn(
            "rounded-full px-3 py-1 text-sm ring-1 ring-inset",
            current === s ? "bg-brand-700 text-white ring-brand-700" : "bg-white text-ink-muted ring-slate-300 hover:bg-slate-50",
          )}
        >
          {s ? COMMISSION_STATUS_LABELS[s] : "All"}
        </Link>
      ))}
    </nav>
  );
}
