import { formatMoney } from "@/lib/money";
import type { BudgetSummary } from "@/lib/mdf/rules";

/** The year's MDF budget as a stacked bar: reimbursed, approved, pending, remaining. */
export function BudgetMeter({ budget }: { budget: BudgetSummary }) {
  const total = Math.max(budget.budgetCents, 1);
  const parts = [
    { key: "reimbursed", label: "Reimbursed", cents: budget.reimbursedCents, className: "bg-brand-700" },
    { key: "committed", label: "Approved", cents: budget.committedCents, className: "bg-emerald-500" },
    { key: "pending", label: "Pending review", cents: budget.pendingCents, className: "bg-amber-400" },
  ];
  const money = (c: number) => formatMoney(c, budget.currency);
  return (
    <div data-testid="mdf-budget" className="@container">
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <p className="text-sm text-ink-muted">{budget.year} budget {money(budget.budgetCents)}</p>
        <p className="text-lg font-semibold text-ink">
          <span data-testid="mdf-remaining">{money(budget.remainingCents)}</span> <span className="text-sm font-normal text-ink-muted">remaining</span>
        </p>
      </div>
      <div
        className="mt-2 flex h-3 overflow-hidden rounded-full bg-slate-100"
        role="meter"
        aria-label={`MDF budget ${budget.year} used`}
        aria-valuemin={0}
        aria-valuemax={budget.budgetCents}
        aria-valuenow={budget.budgetCents - budget.remainingCents}
        aria-valuetext={`${money(budget.remainingCents)} of ${money(budget.budgetCents)} remaining`}
      >
        {parts.map((p) => (p.cents > 0 ? <div key={p.key} className={p.className} style={{ width: `${Math.min(100, (p.cents / total) * 100)}%` }} /> : null))}
      </div>
      <dl className="mt-3 grid grid-cols-1 gap-x-6 gap-y-1.5 text-sm @sm:grid-cols-2 @3xl:grid-cols-4">
        {parts.map((p) => (
          <div key={p.key} className="flex items-center gap-2">
            <span className={`size-2.5 rounded-full ${p.className}`} aria-hidden="true" />
            <dt className="text-ink-muted">{p.label}</dt>
            <dd className="ml-auto font-medium tabular-nums text-ink">{money(p.cents)}</dd>
          </div>
        ))}
        <div className="flex items-center gap-2">
          <span className="size-2.5 rounded-full bg-slate-200" aria-hidden="true" />
          <dt className="text-ink-muted">Remaining</dt>
          <dd className="ml-auto font-medium tabular-nums text-ink">{money(budget.remainingCents)}</dd>
        </div>
      </dl>
    </div>
  );
}
