import Link from "next/link";
import { cn } from "@/components/ui/cn";
import { PAYOUT_STATUS_LABELS } from "@/lib/payouts/labels";
import { PAYOUT_STATUSES, type PayoutStatus } from "@/lib/payouts/rules";

export function PayoutStatusFilter({ path, current, period }: { path: string; current?: PayoutStatus; period?: string }) {
  const href = (s?: PayoutStatus) => {
    const p = new URLSearchParams();
    if (s) p.set("status", s);
    if (period) p.set("period", period);
    const qs = p.toString();
    return qs ? `${path}?${qs}` : path;
  };
  return (
    <nav aria-label="Filter by state" className="flex flex-wrap gap-2">
      {[undefined, ...PAYOUT_STATUSES].map((s) => (
        <Link
          key={s ?? "all"}
          href={href(s)}
          aria-current={current === s ? "page" : undefined}
          className={cn("rounded-full px-3 py-1 text-sm ring-1 ring-inset", current === s ? "bg-brand-700 text-white ring-brand-700" : "bg-white text-ink-muted ring-slate-300 hover:bg-slate-50")}
        >
          {s ? PAYOUT_STATUS_LABELS[s] : "All"}
        </Link>
      ))}
    </nav>
  );
}
