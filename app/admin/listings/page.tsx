import type { Metadata } from "next";
import Link from "next/link";
import { ReviewDecision } from "@/components/admin/review-decision";
import { ActionButton } from "@/components/evidence/action-button";
import { Badge } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import { cn } from "@/components/ui/cn";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { Pagination } from "@/components/ui/pagination";
import { Stat } from "@/components/ui/stat";
import { getPrincipal, requireAdminPage } from "@/lib/auth/guards";
import { decideReviewAction, runRankingAction } from "@/lib/directory/actions";
import { getReviewQueue } from "@/lib/directory/views";
import { formatDateTime } from "@/lib/format";

export const metadata: Metadata = { title: "Listing reviews · Admin" };

const STATES = ["pending", "approved", "rejected", "superseded"] as const;

function assetOf(link: string): string {
  try {
    return new URL(link).searchParams.get("source") ?? link;
  } catch {
    return link;
  }
}

function Links({ links, label }: { links: string[]; label: string }) {
  return (
    <div>
      <p className="text-xs font-semibold tracking-wide text-ink-subtle uppercase">{label}</p>
      {links.length === 0 ? (
        <p className="text-sm text-ink-muted">None</p>
      ) : (
        <ul className="mt-1 space-y-1">
          {links.map((l) => (
            <li key={l}>
              <a href={l} target="_blank" rel="noopener noreferrer" className="font-mono text-xs break-all text-brand-700 hover:underline">
                {assetOf(l)}
              </a>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

export default async function AdminListingsPage({ searchParams }: { searchParams: Promise<{ state?: string; page?: string }> }) {
  await requireAdminPage("/admin/listings", "listings:review");
  const sp = await searchParams;
  const state = (STATES as readonly string[]).includes(sp.state ?? "") ? (sp.state as (typeof STATES)[number]) : "pending";
  const page = Math.max(1, Math.min(10_000, Number(sp.page) || 1));
  const q = await getReviewQueue(await getPrincipal(), state, page);
  return (
    <>
      <PageHeader
        title="Listing reviews"
        description="Proof links vouch for a partner's work, so new ones go live only once approved. Open each link: it must show valid Content Credentials on an asset from a customer's site."
        actions={<ActionButton variant="secondary" label="Recompute ranking now" action={runRankingAction} describe="Ranked {ranked} partners ({changed} changed)" />}
      />
      <dl className="mb-6 grid gap-4 sm:grid-cols-2">
        <Stat label="Waiting for review" value={q.pending} />
        <Stat label="Directory ranking" value={`${q.ranking.ranked} ranked`} hint={q.ranking.computedAt ? `Last run ${formatDateTime(q.ranking.computedAt)}` : "Not run yet"} />
      </dl>
      <nav aria-label="Review state" className="mb-4 flex flex-wrap gap-2 text-sm">
        {STATES.map((s) => (
          <Link
            key={s}
            href={`/admin/listings?state=${s}`}
            aria-current={state === s ? "page" : undefined}
            className={cn("rounded-full px-3 py-1.5 capitalize ring-1", state === s ? "bg-slate-900 text-white ring-slate-900" : "bg-white text-ink ring-slate-300")}
          >
            {s}
          </Link>
        ))}
      </nav>
      <Card>
        {q.rows.length === 0 ? (
          <EmptyState title={`No ${state} reviews`} description={state === "pending" ? "Nothing is waiting. New proof links partners submit show up here." : undefined} />
        ) : (
          <ul className="divide-y divide-slate-100" data-testid="review-list">
            {q.rows.map((r) => (
              <li key={r.id} className="grid gap-4 px-5 py-5 lg:grid-cols-[14rem_1fr_1fr_16rem]">
                <div>
                  <Link href={`/partners/${r.partnerSlug}`} className="font-medium text-ink hover:underline">
                    {r.partnerName}
                  </Link>
                  <p className="text-xs text-ink-subtle">
                    {r.submittedBy} · {formatDateTime(r.submittedAt)}
                  </p>
                  <Badge tone={r.state === "pending" ? "amber" : r.state === "approved" ? "green" : r.state === "rejected" ? "red" : "gray"}>{r.state}</Badge>
                </div>
                <Links links={r.previousProofLinks} label="Published now" />
                <Links links={r.proposedProofLinks} label="Proposed" />
                <div>
                  {r.state === "pending" ? (
                    <ReviewDecision reviewId={r.id} decide={decideReviewAction} />
                  ) : (
                    <p className="text-sm text-ink-muted">
                      {r.decidedAt ? `Decided ${formatDateTime(r.decidedAt)}` : ""}
                      {r.decidedByEmail ? ` by ${r.decidedByEmail}` : ""}
                      {r.reason ? <span className="mt-1 block text-ink">Reason: {r.reason}</span> : null}
                    </p>
                  )}
                </div>
              </li>
            ))}
          </ul>
        )}
        <div className="border-t border-slate-100 px-4">
          <Pagination page={page} pageSize={q.pageSize} total={q.total} path="/admin/listings" baseParams={{ state }} label="reviews" />
        </div>
      </Card>
    </>
  );
}
