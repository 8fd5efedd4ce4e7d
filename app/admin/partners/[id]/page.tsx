import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { AuditList } from "@/components/audit/audit-list";
import { AdjustmentForm } from "@/components/payouts/adjustment-form";
import { TierBadge, TrackBadge } from "@/components/partners/badges";
import { PartnerAvatar } from "@/components/partners/partner-avatar";
import { Badge } from "@/components/ui/badge";
import { LinkButton } from "@/components/ui/button";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { Table, Td, Th, Tr } from "@/components/ui/table";
import { listPartnerApiKeys } from "@/lib/api-keys/store";
import { listAuditEvents } from "@/lib/audit/store";
import { getPrincipal, requireAdminPage } from "@/lib/auth/guards";
import { formatDate, formatRelative } from "@/lib/format";
import { formatMoney } from "@/lib/money";
import { getPartnerLedgerView } from "@/lib/payouts/adjustments";
import { LEDGER_KIND_LABELS } from "@/lib/payouts/labels";
import { REGION_LABELS, STACK_LABELS, STATUS_LABELS } from "@/lib/partners/constants";
import { isOnProbation, listingCompleteness, probationDaysLeft } from "@/lib/partners/rules";
import { getPartner } from "@/lib/partners/store";
import { getTeam } from "@/lib/partners/team";

export const metadata: Metadata = { title: "Partner · Admin" };

export default async function AdminPartnerPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  await requireAdminPage(`/admin/partners/${id}`);
  const partner = await getPartner(id);
  if (!partner) notFound();
  const now = new Date();
  const principal = await getPrincipal();
  const [team, keys, audit, ledger] = await Promise.all([
    getTeam({ principal, partnerId: id }),
    listPartnerApiKeys(id),
    listAuditEvents({ partnerId: id, page: 1, pageSize: 10 }),
    getPartnerLedgerView(principal, id),
  ]);
  const currencies = [...new Set([partner.currency, ...Object.keys(ledger.balances), "USD"])];
  const balanceText = Object.entries(ledger.balances)
    .filter(([, cents]) => cents !== 0)
    .map(([cur, cents]) => formatMoney(cents, cur))
    .join(" · ");
  const completeness = listingCompleteness(partner);
  const probation = isOnProbation(partner, now);
  return (
    <>
      <nav aria-label="Breadcrumb" className="mb-4 text-sm text-ink-muted">
        <Link href="/admin/partners" className="hover:text-ink">
          Partners
        </Link>{" "}
        / <span className="text-ink">{partner.name}</span>
      </nav>
      <PageHeader
        title={
          <span className="flex items-center gap-3">
            <PartnerAvatar name={partner.name} logoUrl={partner.logoUrl} /> {partner.name}
          </span>
        }
        description={<span className="font-mono text-xs">{partner.id}</span>}
        actions={
          <>
            <LinkButton href={`/partners/${partner.slug}`} variant="secondary">
              Public profile
            </LinkButton>
            <LinkButton href={`/admin/audit?partnerId=${partner.id}`} variant="secondary">
              Audit trail
            </LinkButton>
          </>
        }
      />
      <div className="grid gap-6 xl:grid-cols-3">
        <Card className="xl:col-span-1">
          <CardHeader title="Program status" />
          <CardBody>
            <dl className="space-y-3 text-sm">
              <div className="flex justify-between gap-4"><dt className="text-ink-subtle">Track</dt><dd><TrackBadge track={partner.track} /></dd></div>
              <div className="flex justify-between gap-4"><dt className="text-ink-subtle">Tier</dt><dd><TierBadge tier={partner.tier} probation={probation} /></dd></div>
              <div className="flex justify-between gap-4"><dt className="text-ink-subtle">Status</dt><dd><Badge tone={partner.status === "active" ? "green" : partner.status === "probation" ? "gray" : "red"}>{STATUS_LABELS[partner.status]}</Badge></dd></div>
              {probation ? <div className="flex justify-between gap-4"><dt className="text-ink-subtle">Probation ends</dt><dd>{formatDate(partner.probationEndsAt)} ({probationDaysLeft(partner, now)} days)</dd></div> : null}
              <div className="flex justify-between gap-4"><dt className="text-ink-subtle">Joined</dt><dd>{formatDate(partner.joinedAt)}</dd></div>
              <div className="flex justify-between gap-4"><dt className="text-ink-subtle">Listing</dt><dd>{completeness.done}/{completeness.total} complete</dd></div>
              <div className="flex justify-between gap-4"><dt className="text-ink-subtle">Regions</dt><dd className="text-right">{partner.regions.map((r) => REGION_LABELS[r]).join(", ")}</dd></div>
              <div className="flex justify-between gap-4"><dt className="text-ink-subtle">Stacks</dt><dd className="text-right">{partner.stacks.map((s) => STACK_LABELS[s]).join(", ")}</dd></div>
              <div className="flex justify-between gap-4"><dt className="text-ink-subtle">Currency</dt><dd>{partner.currency}</dd></div>
            </dl>
          </CardBody>
        </Card>
        <div className="space-y-6 xl:col-span-2">
          <Card>
            <CardHeader title="Team" description={`${team.length} people`} />
            <Table caption="Team">
              <thead className="bg-slate-50">
                <tr><Th>Person</Th><Th>Role</Th><Th>Last sign-in</Th></tr>
              </thead>
              <tbody className="divide-y divide-slate-100">
                {team.map((m) => (
                  <Tr key={m.membershipId}>
                    <Td><div className="font-medium">{m.name ?? m.email}</div><div className="text-xs text-ink-subtle">{m.email}</div></Td>
                    <Td><Badge tone={m.role === "owner" ? "brand" : "neutral"}>{m.role}</Badge></Td>
                    <Td className="text-ink-muted">{formatRelative(m.lastSignInAt, now)}</Td>
                  </Tr>
                ))}
              </tbody>
            </Table>
          </Card>
          <Card>
            <CardHeader title="API keys" description={`${keys.filter((k) => !k.revokedAt).length} active`} />
            {keys.length === 0 ? (
              <EmptyState title="No API keys" />
            ) : (
              <Table caption="API keys">
                <thead className="bg-slate-50"><tr><Th>Name</Th><Th>Key</Th><Th>Last used</Th><Th>Status</Th></tr></thead>
                <tbody className="divide-y divide-slate-100">
                  {keys.map((k) => (
                    <Tr key={k.id}>
                      <Td className="font-medium">{k.name}</Td>
                      <Td className="font-mono text-xs">{k.prefix}…</Td>
                      <Td className="text-ink-muted">{formatRelative(k.lastUsedAt, now)}</Td>
                      <Td>{k.revokedAt ? <Badge tone="gray">Revoked</Badge> : <Badge tone="green">Active</Badge>}</Td>
                    </Tr>
                  ))}
                </tbody>
              </Table>
            )}
          </Card>
          <Card>
            <CardHeader
              title="Payout ledger"
              description={`Open balance: ${balanceText || "nothing owed"}. Entries are never edited; a correction is a new entry, paid with the next payout.`}
            />
            {ledger.entries.length === 0 ? (
              <EmptyState title="No ledger entries yet" description="Commissions are posted when a payout run settles them." />
            ) : (
              <Table caption="Latest ledger entries">
                <thead className="bg-slate-50">
                  <tr><Th>Entry</Th><Th className="text-right">Amount</Th><Th className="hidden md:table-cell">Posted</Th></tr>
                </thead>
                <tbody className="divide-y divide-slate-100">
                  {ledger.entries.map((e) => (
                    <Tr key={e.id} data-testid="ledger-row">
                      <Td>
                        <div className="font-medium">{LEDGER_KIND_LABELS[e.kind]}</div>
                        <div className="max-w-md truncate text-xs text-ink-subtle" title={e.memo}>{e.memo || "—"}</div>
                      </Td>
                      <Td className={`text-right tabular-nums ${e.amountCents < 0 ? "text-red-700" : ""}`}>{formatMoney(e.amountCents, e.currency)}</Td>
                      <Td className="hidden text-ink-muted md:table-cell">
                        {formatDate(e.createdAt)}
                        <div className="text-xs text-ink-subtle">{e.createdBy}</div>
                      </Td>
                    </Tr>
                  ))}
                </tbody>
              </Table>
            )}
            <CardBody className="border-t border-slate-100">
              <h3 className="mb-3 text-sm font-medium text-ink">Post an adjustment</h3>
              <AdjustmentForm partnerId={partner.id} currencies={currencies} />
            </CardBody>
          </Card>
          <Card>
            <CardHeader title="Recent activity" />
            {audit.rows.length === 0 ? <EmptyState title="No activity" /> : <AuditList items={audit.rows} now={now} />}
          </Card>
        </div>
      </div>
    </>
  );
}
