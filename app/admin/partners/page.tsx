import type { Metadata } from "next";
import Link from "next/link";
import { FilterBar } from "@/components/admin/filter-bar";
import { TierBadge, TrackBadge } from "@/components/partners/badges";
import { Badge } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { Field, Input, Select } from "@/components/ui/field";
import { PageHeader } from "@/components/ui/page-header";
import { Pagination } from "@/components/ui/pagination";
import { Table, Td, Th, Tr } from "@/components/ui/table";
import { adminPartnersParams, linkParams } from "@/lib/admin/params";
import { requireAdminPage } from "@/lib/auth/guards";
import { formatDate } from "@/lib/format";
import {
  PARTNER_STATUSES,
  STATUS_LABELS,
  TIERS,
  TIER_LABELS,
  TRACKS,
  TRACK_LABELS,
} from "@/lib/partners/constants";
import { isOnProbation } from "@/lib/partners/rules";
import { listPartnersForAdmin } from "@/lib/partners/store";
import { flattenSearchParams } from "@/lib/search-params";

export const metadata: Metadata = { title: "Partners · Admin" };
const PAGE_SIZE = 25;

export default async function AdminPartnersPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  await requireAdminPage("/admin/partners");
  const q = adminPartnersParams.parse(flattenSearchParams(await searchParams));
  const { rows, total } = await listPartnersForAdmin({ ...q, pageSize: PAGE_SIZE });
  const now = new Date();
  return (
    <>
      <PageHeader title="Partners" description="Every organisation in the program, newest first." />
      <FilterBar action="/admin/partners">
        <Field id="f-q" label="Search" className="w-full sm:w-64">
          <Input id="f-q" name="q" defaultValue={q.q ?? ""} placeholder="Name, slug or ptr_ id" />
        </Field>
        <Field id="f-track" label="Track">
          <Select id="f-track" name="track" defaultValue={q.track ?? ""}>
            <option value="">All tracks</option>
            {TRACKS.map((t) => (
              <option key={t} value={t}>
                {TRACK_LABELS[t]}
              </option>
            ))}
          </Select>
        </Field>
        <Field id="f-tier" label="Tier">
          <Select id="f-tier" name="tier" defaultValue={q.tier ?? ""}>
            <option value="">All tiers</option>
            {TIERS.map((t) => (
              <option key={t} value={t}>
                {TIER_LABELS[t]}
              </option>
            ))}
          </Select>
        </Field>
        <Field id="f-status" label="Status">
          <Select id="f-status" name="status" defaultValue={q.status ?? ""}>
            <option value="">All statuses</option>
            {PARTNER_STATUSES.map((s) => (
              <option key={s} value={s}>
                {STATUS_LABELS[s]}
              </option>
            ))}
          </Select>
        </Field>
      </FilterBar>
      <Card>
        {rows.length === 0 ? (
          <EmptyState title="No partners match" description="Change or reset the filters." />
        ) : (
          <>
            <Table caption="Partners">
              <thead className="bg-slate-50">
                <tr>
                  <Th>Partner</Th>
                  <Th>Track</Th>
                  <Th>Tier</Th>
                  <Th className="hidden md:table-cell">Status</Th>
                  <Th className="hidden md:table-cell">Team</Th>
                  <Th className="hidden lg:table-cell">Joined</Th>
                </tr>
              </thead>
              <tbody className="divide-y divide-slate-100">
                {rows.map((p) => (
                  <Tr key={p.id}>
                    <Td>
                      <Link href={`/admin/partners/${p.id}`} className="font-medium text-brand-800 hover:underline">
                        {p.name}
                      </Link>
                      <div className="font-mono text-xs text-ink-subtle">{p.id}</div>
                    </Td>
                    <Td>
                      <TrackBadge track={p.track} />
                    </Td>
                    <Td>
                      <TierBadge tier={p.tier} probation={isOnProbation(p, now)} />
                    </Td>
                    <Td className="hidden md:table-cell">
                      <Badge tone={p.status === "active" ? "green" : p.status === "probation" ? "gray" : "red"}>{STATUS_LABELS[p.status]}</Badge>
                    </Td>
                    <Td className="hidden md:table-cell">{p.memberCount}</Td>
                    <Td className="hidden text-ink-muted lg:table-cell">{formatDate(p.joinedAt)}</Td>
                  </Tr>
                ))}
              </tbody>
            </Table>
            <div className="border-t border-slate-100 px-4">
              <Pagination page={q.page} pageSize={PAGE_SIZE} total={total} path="/admin/partners" baseParams={linkParams(q)} label="partners" />
            </div>
          </>
        )}
      </Card>
    </>
  );
}
