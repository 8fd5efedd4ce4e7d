import type { Metadata } from "next";
import { FilterBar } from "@/components/admin/filter-bar";
import { AuditList, type AuditItem } from "@/components/audit/audit-list";
import { buttonClasses } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { Field, Input, Select } from "@/components/ui/field";
import { PageHeader } from "@/components/ui/page-header";
import { Pagination } from "@/components/ui/pagination";
import { adminAuditParams, linkParams } from "@/lib/admin/params";
import { auditActionLabel } from "@/lib/audit/labels";
import { listAuditActions, listAuditEvents } from "@/lib/audit/store";
import { requireAdminPage } from "@/lib/auth/guards";
import { flattenSearchParams } from "@/lib/search-params";

export const metadata: Metadata = { title: "Audit log · Admin" };
const PAGE_SIZE = 50;
const DAY = 86_400_000;

function objectHref(item: AuditItem): string | null {
  if (item.objectType === "partner") return `/admin/partners/${item.objectId}`;
  if (item.objectType === "email") return `/admin/outbox/${item.objectId}`;
  return item.partnerId ? `/admin/partners/${item.partnerId}` : null;
}

export default async function AuditPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  await requireAdminPage("/admin/audit");
  const q = adminAuditParams.parse(flattenSearchParams(await searchParams));
  const [{ rows, total }, actions] = await Promise.all([
    listAuditEvents({
      ...q,
      from: q.from ? new Date(`${q.from}T00:00:00Z`) : undefined,
      // "to" is inclusive of the whole day.
      to: q.to ? new Date(new Date(`${q.to}T00:00:00Z`).getTime() + DAY) : undefined,
      pageSize: PAGE_SIZE,
    }),
    listAuditActions(),
  ]);
  return (
    <>
      <PageHeader
        title="Audit log"
        description="Append-only record of every change to money, tiers, badges, deals, MDF, certifications, teams and keys. Entries cannot be edited or deleted."
        actions={
          <a className={buttonClasses("secondary")} href={`/api/admin/audit/export?${new URLSearchParams(linkParams(q) as Record<string, string>)}`} download>
            Export CSV
          </a>
        }
      />
      <FilterBar action="/admin/audit">
        <Field id="a-action" label="Action">
          <Select id="a-action" name="action" defaultValue={q.action ?? ""}>
            <option value="">All actions</option>
            {actions.map((a) => (
              <option key={a} value={a}>
                {auditActionLabel(a)} ({a})
              </option>
            ))}
          </Select>
        </Field>
        <Field id="a-actor" label="Actor">
          <Input id="a-actor" name="actor" defaultValue={q.actor ?? ""} placeholder="Name, email or id" />
        </Field>
        <Field id="a-object" label="Object id">
          <Input id="a-object" name="objectId" defaultValue={q.objectId ?? ""} placeholder="ptr_…, key_…" />
        </Field>
        <Field id="a-partner" label="Partner id">
          <Input id="a-partner" name="partnerId" defaultValue={q.partnerId ?? ""} placeholder="ptr_…" />
        </Field>
        <Field id="a-from" label="From">
          <Input id="a-from" name="from" type="date" defaultValue={q.from ?? ""} />
        </Field>
        <Field id="a-to" label="To">
          <Input id="a-to" name="to" type="date" defaultValue={q.to ?? ""} />
        </Field>
      </FilterBar>
      <Card>
        {rows.length === 0 ? (
          <EmptyState title="No events match" description="Widen the dates or reset the filters." />
        ) : (
          <>
            <AuditList items={rows} now={new Date()} objectHref={objectHref} />
            <div className="border-t border-slate-100 px-4">
              <Pagination page={q.page} pageSize={PAGE_SIZE} total={total} path="/admin/audit" baseParams={linkParams(q)} label="events" />
            </div>
          </>
        )}
      </Card>
    </>
  );
}
