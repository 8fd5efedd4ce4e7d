import type { Metadata } from "next";
import Link from "next/link";
import { AuditList } from "@/components/audit/audit-list";
import { NoPartner } from "@/components/console/no-partner";
import { OnboardingChecklist } from "@/components/onboarding/checklist-card";
import { TierBadge, TrackBadge } from "@/components/partners/badges";
import { LinkButton } from "@/components/ui/button";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { Stat } from "@/components/ui/stat";
import { getPrincipal, requireConsole } from "@/lib/auth/guards";
import { formatDate } from "@/lib/format";
import { STATUS_LABELS } from "@/lib/partners/constants";
import { getConsoleOverview } from "@/lib/partners/console";
import { dismissOnboardingAction } from "@/lib/onboarding/actions";
import { getOnboarding } from "@/lib/onboarding/onboarding";

export const metadata: Metadata = { title: "Partner console" };

export default async function ConsoleHome({ searchParams }: { searchParams: Promise<{ partner?: string }> }) {
  const { partner: requested } = await searchParams;
  const { viewer, partnerId } = await requireConsole("/console", "partner:read", requested);
  if (!partnerId) return <NoPartner isAdmin={viewer.isAdmin} />;
  const now = new Date();
  const o = await getConsoleOverview(await getPrincipal(), partnerId, now);
  const onboarding = await getOnboarding(await getPrincipal(), partnerId, now);
  const pct = Math.round((o.completeness.done / o.completeness.total) * 100);
  return (
    <>
      <PageHeader
        eyebrow="Partner console"
        title={o.partner.name}
        description={`Welcome back, ${viewer.name?.split(" ")[0] ?? viewer.email}. Here is where your partnership stands.`}
        actions={
          <LinkButton href={`/partners/${o.partner.slug}`} variant="secondary">
            View public profile
          </LinkButton>
        }
      />
      {onboarding.visible ? (
        <OnboardingChecklist
          partnerId={partnerId}
          steps={onboarding.steps}
          complete={onboarding.complete}
          canDismiss={o.can.includes("onboarding:dismiss")}
          dismiss={dismissOnboardingAction}
        />
      ) : null}
      <dl className="grid gap-4 sm:grid-cols-2 xl:grid-cols-4">
        <Stat label="Track" value={<TrackBadge track={o.partner.track} />} hint={`Member since ${formatDate(o.partner.joinedAt)}`} />
        <Stat
          label="Tier"
          value={<TierBadge tier={o.partner.tier} probation={o.onProbation} />}
          hint={o.onProbation ? `Probation ends in ${o.probationDaysLeft} days` : STATUS_LABELS[o.partner.status]}
        />
        <Stat label="Team" value={o.teamSize} hint={<Link className="text-brand-700 hover:underline" href="/console/team">Manage team</Link>} />
        <Stat label="Active API keys" value={o.activeKeys} hint={<Link className="text-brand-700 hover:underline" href="/console/api-keys">Manage keys</Link>} />
      </dl>

      <div className="mt-6 grid items-start gap-6 xl:grid-cols-2">
        <Card>
          <CardHeader
            title="Directory listing"
            description={`${o.completeness.done} of ${o.completeness.total} essentials in place`}
            actions={
              o.can.includes("listing:write") ? (
                <LinkButton href="/console/listing" size="sm">
                  Edit listing
                </LinkButton>
              ) : null
            }
          />
          <CardBody>
            <div className="h-2 overflow-hidden rounded-full bg-slate-100" role="progressbar" aria-valuenow={pct} aria-valuemin={0} aria-valuemax={100} aria-label="Listing completeness">
              <div className="h-full rounded-full bg-brand-600" style={{ width: `${pct}%` }} />
            </div>
            {o.completeness.missing.length === 0 ? (
              <p className="mt-4 text-sm text-ink-muted">Your listing has everything prospects look for. Nice work.</p>
            ) : (
              <ul className="mt-4 space-y-1.5 text-sm">
                {o.completeness.missing.map((m) => (
                  <li key={m} className="flex items-center gap-2 text-ink-muted">
                    <span className="size-1.5 rounded-full bg-amber-500" aria-hidden="true" /> Add {m.charAt(0).toLowerCase() + m.slice(1)}
                  </li>
                ))}
              </ul>
            )}
          </CardBody>
        </Card>
        <Card>
          <CardHeader
            title="Recent activity"
            actions={
              <Link href="/console/activity" className="text-sm font-medium text-brand-700 hover:underline">
                View all
              </Link>
            }
          />
          {o.recent.length === 0 ? (
            <EmptyState title="Nothing yet" description="Changes to your listing, team and keys will show up here." />
          ) : (
            <AuditList items={o.recent} now={now} />
          )}
        </Card>
      </div>
    </>
  );
}
