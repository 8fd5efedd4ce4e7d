import Link from "next/link";
import { MdfStatusBadge } from "@/components/mdf/status-badge";
import { Table, Td, Th, Tr } from "@/components/ui/table";
import { formatDate } from "@/lib/format";
import { MDF_ACTIVITY_LABELS, type MdfActivityType, type MdfStatus } from "@/lib/mdf/rules";
import { formatMoney } from "@/lib/money";

export interface MdfRequestTableRow {
  id: string;
  title: string;
  activityType: string;
  status: MdfStatus;
  requestedCents: number;
  approvedCents: number | null;
  currency: string;
  startsOn: string | Date;
  endsOn: string | Date;
  partnerName?: string;
}

/** MDF requests as a table: the console lists a partner's own, the admin queue names the partner. */
export function MdfRequestTable({ rows, caption, hrefBase, showPartner = false }: { rows: MdfRequestTableRow[]; caption: string; hrefBase: "/admin/mdf" | "/console/mdf"; showPartner?: boolean }) {
  return (
    <Table caption={caption}>
      <thead className="bg-slate-50">
        <tr>
          <Th>{showPartner ? "Partner and activity" : "Activity"}</Th>
          <Th>Status</Th>
          <Th className={showPartner ? "text-right" : "hidden text-right sm:table-cell"}>Requested</Th>
          <Th className="hidden text-right md:table-cell">Approved</Th>
          <Th className="hidden lg:table-cell">Dates</Th>
        </tr>
      </thead>
      <tbody className="divide-y divide-slate-100">
        {rows.map((r) => {
          const activity = MDF_ACTIVITY_LABELS[r.activityType as MdfActivityType] ?? r.activityType;
          return (
            <Tr key={r.id}>
              <Td>
                <Link href={`${hrefBase}/${r.id}`} className="font-medium text-brand-800 hover:underline">
                  {r.title}
                </Link>
                <div className="text-xs text-ink-subtle">{showPartner ? `${r.partnerName} · ${activity}` : activity}</div>
              </Td>
              <Td>
                <MdfStatusBadge status={r.status} />
              </Td>
              <Td className={showPartner ? "text-right tabular-nums" : "hidden text-right tabular-nums sm:table-cell"}>{formatMoney(r.requestedCents, r.currency)}</Td>
              <Td className="hidden text-right tabular-nums md:table-cell">{r.approvedCents === null ? "—" : formatMoney(r.approvedCents, r.currency)}</Td>
              <Td className="hidden text-ink-muted lg:table-cell">
                {formatDate(r.startsOn)} – {formatDate(r.endsOn)}
              </Td>
            </Tr>
          );
        })}
      </tbody>
    </Table>
  );
}
