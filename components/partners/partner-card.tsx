import Link from "next/link";
import { BADGE_LABELS } from "@/lib/directory/constants";
import type { DirectoryPartner } from "@/lib/directory/schemas";
import { REGION_LABELS, STACK_LABELS } from "@/lib/partners/constants";
import { formatDuration, formatRate } from "@/lib/quality/rules";
import { Badge } from "@/components/ui/badge";
import { TierBadge, TrackBadge } from "./badges";
import { PartnerAvatar } from "./partner-avatar";

export function PartnerCard({ partner, auditor }: { partner: DirectoryPartner; auditor?: boolean }) {
  const m = partner.metrics;
  const capability = partner.badges.filter((b) => b.state === "active");
  return (
    <article className="group relative flex h-full flex-col rounded-xl bg-white p-5 shadow-sm ring-1 ring-slate-200 transition hover:shadow-md hover:ring-brand-300">
      <div className="flex items-start gap-3">
        <PartnerAvatar name={partner.name} logoUrl={partner.logoUrl} />
        <div className="min-w-0 flex-1">
          <h3 className="truncate text-base font-semibold text-ink">
            <Link href={`/partners/${partner.slug}`} className="after:absolute after:inset-0 focus:outline-none">
              {partner.name}
            </Link>
          </h3>
          <div className="mt-1 flex flex-wrap gap-1.5">
            <TrackBadge track={partner.track} />
            <TierBadge tier={partner.tier} probation={partner.onProbation} />
          </div>
        </div>
      </div>
      {partner.tagline ? <p className="mt-3 line-clamp-2 text-sm text-ink-muted">{partner.tagline}</p> : null}
      {capability.length ? (
        <ul className="mt-3 flex flex-wrap gap-1" aria-label="Badges">
          {capability.map((b) => (
            <li key={b.id}>
              <Badge tone={b.kind === "track" ? "green" : "neutral"}>
                {auditor && b.badge === "certified_auditor" ? "SOC 2 evidence" : BADGE_LABELS[b.badge]}
              </Badge>
            </li>
          ))}
        </ul>
      ) : null}
      <dl className="mt-4 grid grid-cols-3 gap-2 border-t border-slate-100 pt-3 text-xs">
        {auditor ? (
          <div>
            <dt className="text-ink-subtle">Response</dt>
            <dd className="font-medium text-ink">{partner.slaResponseHours ? `${partner.slaResponseHours} h` : "—"}</dd>
          </div>
        ) : (
          <div>
            <dt className="text-ink-subtle">TTI p50</dt>
            <dd className="font-medium text-ink">{formatDuration(m.ttiP50Seconds)}</dd>
          </div>
        )}
        <div>
          <dt className="text-ink-subtle">NPS</dt>
          <dd className="font-medium text-ink">
            {m.nps === null ? "—" : `${m.nps > 0 ? "+" : ""}${m.nps}`}
            {m.npsResponses ? <span className="font-normal text-ink-subtle"> ({m.npsResponses})</span> : null}
          </dd>
        </div>
        {auditor ? null : (
          <div>
            <dt className="text-ink-subtle">Survival 30 d</dt>
            <dd className="font-medium text-ink">{formatRate(m.survival30)}</dd>
          </div>
        )}
      </dl>
      <dl className="mt-3 grid gap-y-1 text-xs text-ink-subtle">
        <dt className="sr-only">Stacks</dt>
        <dd className="truncate">{partner.stacks.map((s) => STACK_LABELS[s]).join(" · ") || "—"}</dd>
        <dt className="sr-only">Regions</dt>
        <dd className="truncate">{partner.regions.map((r) => REGION_LABELS[r]).join(", ") || "—"}</dd>
      </dl>
    </article>
  );
}
