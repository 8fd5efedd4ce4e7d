import { Stat } from "@/components/ui/stat";
import { COMMISSION_STATUS_HINTS, COMMISSION_STATUS_LABELS } from "@/lib/commissions/labels";
import { COMMISSION_STATUSES } from "@/lib/commissions/rules";
import type { StatusTotal } from "@/lib/commissions/store";
import { formatMoney } from "@/lib/money";

/** One tile per state: the sum in each currency and the count. */
export function CommissionTotals({ totals }: { totals: StatusTotal[] }) {
  return (
    <dl className="grid gap-4 sm:grid-cols-2 xl:grid-cols-5">
      {COMMISSION_STATUSES.map((s) => {
        const rows = totals.filter((t) => t.status === s);
        const n = rows.reduce((a, r) => a + r.count, 0);
        return (
          <Stat
            key={s}
            label={COMMISSION_STATUS_LABELS[s]}
            value={rows.length ? rows.map((r) => formatMoney(r.amountCents, r.currency)).join(" · ") : formatMoney(0, "USD")}
            hint={`${n} ${n === 1 ? "commission" : "commissions"} · ${COMMISSION_STATUS_HINTS[s]}`}
          />
        );
      })}
    </dl>
  );
}
