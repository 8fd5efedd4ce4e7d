import Link from "next/link";
import type { PartnerPublic } from "@/lib/partners/schemas";
import { REGION_LABELS, STACK_LABELS } from "@/lib/partners/constants";
import { TierBadge, TrackBadge } from "./badges";
import { PartnerAvatar } from "./partner-avatar";

export function PartnerCard({ partner }: { partner: PartnerPublic }) {
  return (
    <article className="group relative flex flex-col rounded-xl bg-white p-5 shadow-sm ring-1 ring-slate-200 transition hover:shadow-md hover:ring-brand-300">
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
      <dl className="mt-4 grid grid-cols-2 gap-x-3 gap-y-1 text-xs text-ink-subtle">
        <dt className="sr-only">Stacks</dt>
        <dd className="col-span-2 truncate">{partner.stacks.map((s) => STACK_LABELS[s]).join(" · ") || "—"}</dd>
        <dt className="sr-only">Regions</dt>
        <dd className="col-span-2 truncate">{partner.regions.map((r) => REGION_LABELS[r]).join(", ") || "—"}</dd>
      </dl>
    </article>
  );
}
