import { Table, Td, Th, Tr } from "@/components/ui/table";
import type { MonthReport } from "@/lib/payouts/explain";
import { periodLabel } from "@/lib/payouts/rules";
import { formatMoney } from "@/lib/money";

/** Estimated vs actual per month, with the difference explained. */
export function MonthTable({ months, currency }: { months: MonthReport[]; currency: string }) {
  const shown = months.filter((m) => m.estimatedCents || m.actualCents || m.refundsCents || m.holdsCents).reverse();
  const m = (v: number) => (v ? formatMoney(v, currency) : "—");
  if (!shown.length) return <p className="px-4 py-6 text-sm text-ink-muted">No commissions in the last 12 months.</p>;
  return (
    <Table caption="Estimated against actual commissions per month">
      <thead className="bg-slate-50">
        <tr>
          <Th>Earned in</Th>
          <Th className="text-right">Estimated</Th>
          <Th className="hidden text-right md:table-cell">of which proration</Th>
          <Th className="text-right">Refunds &amp; clawbacks</Th>
          <Th className="text-right">Holds</Th>
          <Th className="text-right">Actual</Th>
          <Th className="hidden text-right sm:table-cell">In payouts</Th>
        </tr>
      </thead>
      <tbody className="divide-y divide-slate-100">
        {shown.map((r) => (
          <Tr key={r.month}>
            <Td>{periodLabel(r.month)}</Td>
            <Td className="text-right tabular-nums">{m(r.estimatedCents)}</Td>
            <Td className="hidden text-right text-ink-muted tabular-nums md:table-cell">{m(r.prorationCents)}</Td>
            <Td className="text-right text-red-700 tabular-nums">{m(r.refundsCents)}</Td>
            <Td className="text-right text-amber-700 tabular-nums">{m(r.holdsCents)}</Td>
            <Td className="text-right font-medium tabular-nums">{m(r.actualCents)}</Td>
            <Td className="hidden text-right tabular-nums sm:table-cell">{m(r.paidCents)}</Td>
          </Tr>
        ))}
      </tbody>
    </Table>
  );
}
