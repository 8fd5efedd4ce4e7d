import type { Metadata } from "next";
import { NoPartner } from "@/components/console/no-partner";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { Stat } from "@/components/ui/stat";
import { getPrincipal, requireConsole } from "@/lib/auth/guards";
import { getOwnRanking } from "@/lib/directory/views";
import { formatDateTime } from "@/lib/format";
import { RANKING } from "@/lib/ranking/score";

export const metadata: Metadata = { title: "Directory ranking" };

const pct = (x: number | null | undefined) => (x === null || x === undefined ? "n/a" : `${Math.round(x * 100)}`);

function Bar({ value, label }: { value: number; label: string }) {
  return (
    <div className="h-2 w-full rounded-full bg-slate-100" role="meter" aria-valuemin={0} aria-valuemax={100} aria-valuenow={Math.round(value * 100)} aria-label={label}>
      <div className="h-2 rounded-full bg-brand-600" style={{ width: `${Math.max(2, value * 100)}%` }} />
    </div>
  );
}

export default async function RankingPage() {
  const { viewer, partnerId } = await requireConsole("/console/ranking", "ranking:read");
  if (!partnerId) return <NoPartner isAdmin={viewer.isAdmin} />;
  const { ranking, trackRank, ranked } = await getOwnRanking(await getPrincipal(), partnerId);
  if (!ranking) {
    return (
      <>
        <PageHeader title="Directory ranking" description="Your score and how it is made. Only your team sees this page." />
        <Card>
          <EmptyState title="Not ranked yet" description="Rankings are recomputed regularly; yours appears after the next run." />
        </Card>
      </>
    );
  }
  const inputs = ranking.inputs as Record<string, number | null>;
  const w = RANKING.weights;
  const components = [
    {
      key: "compliance",
      label: "Compliance",
      weight: w.compliance,
      value: ranking.compliance,
      parts: [
        ["Credential survival, 30 days", inputs.survival, "1 at the 99.9% bar, 0 at 99% or below"],
        ["Certification (track badge)", inputs.certification, "active 1, probation 0.5, otherwise 0"],
        ["Evidence in the last 90 days", inputs.evidence, "published Survival Reports + Evidence Packs, 3 or more = full"],
      ],
    },
    {
      key: "performance",
      label: "Performance",
      weight: w.performance,
      value: ranking.performance,
      parts: [
        ["Time to install against each stack's bar", inputs.tti, "at or under the bar 1, twice the bar 0"],
        ["Leads answered within your SLA (90 days)", inputs.sla, "0.5 until a lead is due; 0 without a published SLA"],
      ],
    },
    {
      key: "satisfaction",
      label: "Customer satisfaction",
      weight: w.satisfaction,
      value: ranking.satisfaction,
      parts: [
        [
          `Customer NPS, 12 months (${Number(inputs.promoters ?? 0)} promoters, ${Number(inputs.passives ?? 0)} passives, ${Number(inputs.detractors ?? 0)} detractors)`,
          ranking.satisfaction,
          `shrunk toward the program mean with ${RANKING.npsPriorWeight} virtual responses: NPS ${Math.round(Number(inputs.npsShrunk ?? 0) * 100)}`,
        ],
      ],
    },
    {
      key: "recency",
      label: "Recency & activity",
      weight: w.recency,
      value: ranking.recency,
      parts: [["Recent activity (installs, reports, packs, answered leads, listing edits)", ranking.recency, `each halves in weight every ${RANKING.activityHalfLifeDays} days; 3 fresh = 0.5`]],
    },
  ] as const;
  return (
    <>
      <PageHeader
        title="Directory ranking"
        description="Your score and how it is made. Only your team sees this page; prospects see your place in the directory, never the numbers."
      />
      <dl className="grid gap-4 sm:grid-cols-3">
        <Stat label="Score" value={<span data-testid="ranking-score">{(ranking.score * 100).toFixed(1)}</span>} hint="out of 100" />
        <Stat label="Place in the directory" value={`#${ranking.rank}`} hint={`of ${ranked} listed partners`} />
        <Stat label="Place in your track" value={trackRank ? `#${trackRank.rank}` : "—"} hint={trackRank ? `of ${trackRank.of}` : undefined} />
      </dl>
      <p className="mt-3 text-xs text-ink-subtle">
        Computed {formatDateTime(ranking.computedAt)}. Placement: Premier partners come first, then Advanced, then Verified; partners on probation come after
        the rest of their tier. Within a tier, the score decides.
      </p>
      <div className="mt-6 grid gap-6 xl:grid-cols-2" data-testid="score-breakdown">
        {components.map((c) => (
          <Card key={c.key}>
            <CardHeader
              title={`${c.label} · ${pct(c.value)} / 100`}
              description={`Weighs ${Math.round(c.weight * 100)}% of the score: contributes ${(c.weight * c.value * 100).toFixed(1)} points.`}
            />
            <CardBody className="space-y-4">
              <Bar value={c.value} label={c.label} />
              <ul className="space-y-3 text-sm">
                {c.parts.map(([label, value, how]) => (
                  <li key={label}>
                    <div className="flex justify-between gap-4">
                      <span className="text-ink">{label}</span>
                      <span className="font-medium tabular-nums text-ink">{pct(value as number | null)}</span>
                    </div>
                    <p className="text-xs text-ink-subtle">{how}</p>
                  </li>
                ))}
              </ul>
            </CardBody>
          </Card>
        ))}
      </div>
    </>
  );
}
