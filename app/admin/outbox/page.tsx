import type { Metadata } from "next";
import Link from "next/link";
import { EmailStatus } from "@/components/admin/email-status";
import { FilterBar } from "@/components/admin/filter-bar";
import { Alert } from "@/components/ui/alert";
import { Card } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { Field, Input, Select } from "@/components/ui/field";
import { PageHeader } from "@/components/ui/page-header";
import { Pagination } from "@/components/ui/pagination";
import { Table, Td, Th, Tr } from "@/components/ui/table";
import { adminOutboxParams, linkParams } from "@/lib/admin/params";
import { requireAdminPage } from "@/lib/auth/guards";
import { listEmails } from "@/lib/email/store";
import { getEnv } from "@/lib/env";
import { formatDateTime } from "@/lib/format";
import { flattenSearchParams } from "@/lib/search-params";

export const metadata: Metadata = { title: "Email outbox · Admin" };
const PAGE_SIZE = 30;

export default async function OutboxPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  await requireAdminPage("/admin/outbox", "outbox:read");
  const q = adminOutboxParams.parse(flattenSearchParams(await searchParams));
  const { rows, total } = await listEmails({ ...q, pageSize: PAGE_SIZE });
  const resend = Boolean(getEnv().RESEND_API_KEY);
  return (
    <>
      <PageHeader title="Email outbox" description="Every email the program sends, newest first." />
      <Alert tone={resend ? "success" : "info"} className="mb-4">
        {resend
          ? "Resend is configured: emails are delivered and their status recorded here. Sign-in links are removed from the stored copy after delivery."
          : "No email provider is configured (RESEND_API_KEY): emails stay here and are not delivered. Sign-in links are also printed in the server log."}
      </Alert>
      <FilterBar action="/admin/outbox">
        <Field id="o-to" label="Recipient">
          <Input id="o-to" name="to" defaultValue={q.to ?? ""} placeholder="name@company.com" />
        </Field>
        <Field id="o-status" label="Status">
          <Select id="o-status" name="status" defaultValue={q.status ?? ""}>
            <option value="">All</option>
            <option value="stored">In outbox</option>
            <option value="sent">Sent</option>
            <option value="failed">Failed</option>
            <option value="pending">Sending</option>
          </Select>
        </Field>
      </FilterBar>
      <Card>
        {rows.length === 0 ? (
          <EmptyState title="No emails" description="Nothing matches these filters." />
        ) : (
          <>
            <Table caption="Emails">
              <thead className="bg-slate-50">
                <tr>
                  <Th>Subject</Th>
                  <Th>To</Th>
                  <Th className="hidden md:table-cell">Kind</Th>
                  <Th>Status</Th>
                  <Th className="hidden lg:table-cell">Created</Th>
                </tr>
              </thead>
              <tbody className="divide-y divide-slate-100">
                {rows.map((e) => (
                  <Tr key={e.id}>
                    <Td className="max-w-md">
                      <Link href={`/admin/outbox/${e.id}`} className="font-medium text-brand-800 hover:underline">
                        {e.subject}
                      </Link>
                    </Td>
                    <Td className="break-all">{e.toAddress}</Td>
                    <Td className="hidden font-mono text-xs md:table-cell">{e.kind}</Td>
                    <Td>
                      <EmailStatus status={e.status} />
                    </Td>
                    <Td className="hidden whitespace-nowrap text-ink-muted lg:table-cell">{formatDateTime(e.createdAt)}</Td>
                  </Tr>
                ))}
              </tbody>
            </Table>
            <div className="border-t border-slate-100 px-4">
              <Pagination page={q.page} pageSize={PAGE_SIZE} total={total} path="/admin/outbox" baseParams={linkParams(q)} label="emails" />
            </div>
          </>
        )}
      </Card>
    </>
  );
}
