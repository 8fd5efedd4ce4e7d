import Link from "next/link";
import type { MarketingStatus } from "@/db/schema";
import { MarketingStatusBadge } from "@/components/marketing/status-badge";
import { Table, Td, Th, Tr } from "@/components/ui/table";
import { formatDate, pluralize } from "@/lib/format";

export interface SubmissionTableRow {
  id: string;
  title: string;
  status: MarketingStatus;
  referenceId: string | null;
  updatedAt: Date;
  comments: number;
  partnerName?: string;
}

/** Co-marketing submissions as a table: the console lists a partner's own, the admin queue names the partner. */
export function SubmissionTable({ rows, caption, hrefBase, showPartner = false }: { rows: SubmissionTableRow[]; caption: string; hrefBase: "/admin/marketing" | "/console/marketing/submissions"; showPartner?: boolean }) {
  return (
    <Table caption={caption}>
      <thead className="bg-slate-50">
        <tr>
          <Th>Material</Th>
          <Th>Status</Th>
          <Th className="hidden md:table-cell">Reference</Th>
          <Th className="hidden sm:table-cell">Updated</Th>
        </tr>
      </thead>
      <tbody className="divide-y divide-slate-100">
        {rows.map((s) => (
          <Tr key={s.id}>
            <Td>
              <Link href={`${hrefBase}/${s.id}`} className="font-medium text-brand-800 hover:underline">
                {s.title}
              </Link>
              <div className="text-xs text-ink-subtle">{showPartner ? `${s.partnerName} · ${pluralize(s.comments, "comment")}` : pluralize(s.comments, "comment")}</div>
            </Td>
            <Td>
              <MarketingStatusBadge status={s.status} />
            </Td>
            <Td className="hidden font-mono text-xs md:table-cell">{s.referenceId ?? "—"}</Td>
            <Td className="hidden text-ink-muted sm:table-cell">{formatDate(s.updatedAt)}</Td>
          </Tr>
        ))}
      </tbody>
    </Table>
  );
}
