import Link from "next/link";
import type { ReactNode } from "react";
import { Alert } from "@/components/ui/alert";
import { buttonClasses } from "@/components/ui/button";
import { cn } from "@/components/ui/cn";
import { Input } from "@/components/ui/field";
import { Pagination } from "@/components/ui/pagination";
import { AUDITOR_BADGE_LABELS, BADGE_FILTERS, BADGE_FILTER_LABELS } from "@/lib/directory/constants";
import type { DirectoryResult } from "@/lib/directory/search";
import { listOf, toggleHref, withHref, withoutHref, type DirectoryParams } from "@/lib/directory/url";
import {
  LANGUAGES,
  LANGUAGE_LABELS,
  REGIONS,
  REGION_LABELS,
  STACKS,
  STACK_LABELS,
  TIERS,
  TIER_LABELS,
  TRACKS,
  TRACK_LABELS,
  type Track,
} from "@/lib/partners/constants";
import { PartnerCard } from "./partner-card";

const FILTER_NAMES: Record<string, string> = {
  q: "search text",
  track: "track",
  tier: "tier",
  stack: "stack",
  region: "region",
  language: "language",
  badge: "badge",
};

export function DirectoryView({
  intro,
  path,
  result,
  params,
  fixedTrack,
  filterError,
}: {
  intro: ReactNode;
  path: string;
  result: DirectoryResult;
  params: DirectoryParams;
  fixedTrack?: Track;
  filterError?: string;
}) {
  const { page: _page, ...baseParams } = params;
  const auditors = fixedTrack === "auditor";
  const badgeLabels = auditors ? AUDITOR_BADGE_LABELS : BADGE_FILTER_LABELS;
  const count = (facet: keyof DirectoryResult["facets"], value: string) => result.facets[facet].find((f) => f.value === value)?.count ?? 0;
  const group = (legend: string, key: keyof DirectoryResult["facets"], options: readonly string[], labels: Record<string, string>) => {
    const selected = key === "track" ? [params.track ?? ""] : listOf(params, key);
    return (
      <div className="space-y-2" role="group" aria-labelledby={`facet-${key}`}>
        <h3 id={`facet-${key}`} className="text-xs font-semibold tracking-wide text-ink-subtle uppercase">
          {legend}
        </h3>
        <ul className="flex flex-wrap gap-1.5">
          {options.map((o) => {
            const on = selected.includes(o);
            const n = count(key, o);
            return (
              <li key={o}>
                <Link
                  href={toggleHref(path, params, key, o)}
                  scroll={false}
                  aria-current={on ? "true" : undefined}
                  data-facet={`${key}:${o}`}
                  className={cn(
                    "inline-flex items-center gap-1.5 rounded-full px-3 py-1.5 text-sm ring-1 transition",
                    on ? "bg-brand-50 font-medium text-brand-800 ring-brand-600" : "bg-white text-ink ring-slate-300 hover:ring-brand-400",
                    !on && n === 0 && "text-ink-subtle",
                  )}
                >
                  {on ? <span aria-hidden="true">✓</span> : null}
                  {labels[o]}
                  <span className={cn("tabular-nums text-xs", on ? "text-brand-700" : "text-ink-subtle")}>{n}</span>
                  {on ? <span className="sr-only">(selected, select to remove)</span> : null}
                </Link>
              </li>
            );
          })}
        </ul>
      </div>
    );
  };
  const active = Object.keys(FILTER_NAMES).filter((k) => params[k] && !(fixedTrack && k === "track"));
  return (
    <div className="mx-auto max-w-page px-4 py-8 sm:px-6 lg:py-12">
      {intro}
      <form method="get" action={path} role="search" aria-label="Search partners" className="mt-6 flex max-w-2xl gap-2">
        <label htmlFor="directory-q" className="sr-only">
          Search partners
        </label>
        <Input
          id="directory-q"
          name="q"
          type="search"
          maxLength={100}
          placeholder={auditors ? "Search auditors: name, stack, SOC 2…" : "Search by name, stack or expertise"}
          defaultValue={params.q ?? ""}
        />
        {Object.entries(baseParams)
          .filter(([k]) => k !== "q" && k !== "sort")
          .map(([k, v]) => (
            <input key={k} type="hidden" name={k} value={v} />
          ))}
        <button type="submit" className={buttonClasses("primary")}>
          Search
        </button>
      </form>
      <div className="mt-8 grid gap-8 lg:grid-cols-[18rem_1fr]">
        <aside className="space-y-5 lg:sticky lg:top-6 lg:self-start" aria-label="Filters">
          {fixedTrack ? null : group("Track", "track", TRACKS, TRACK_LABELS)}
          {group("Tier", "tier", TIERS, TIER_LABELS)}
          {group(auditors ? "Stacks audited" : "Stack", "stack", STACKS, STACK_LABELS)}
          {group("Region", "region", REGIONS, REGION_LABELS)}
          {group("Language", "language", LANGUAGES, LANGUAGE_LABELS)}
          {group(auditors ? "Capabilities" : "Badges", "badge", auditors ? BADGE_FILTERS.filter((b) => b !== "fast_installer") : BADGE_FILTERS, badgeLabels)}
          {active.length ? (
            <Link href={path} className={buttonClasses("ghost", "sm")}>
              Clear all filters
            </Link>
          ) : null}
        </aside>
        <section aria-labelledby="results-heading" className="min-w-0">
          <div className="mb-4 flex flex-wrap items-center justify-between gap-3">
            <h2 id="results-heading" className="text-sm font-medium text-ink" aria-live="polite">
              {result.total.toLocaleString("en-US")} {auditors ? "auditor" : "partner"}
              {result.total === 1 ? "" : "s"}
              {params.q ? (
                <>
                  {" "}
                  for “<span className="font-semibold">{params.q}</span>”
                </>
              ) : null}
            </h2>
            {params.q ? (
              <nav aria-label="Sort" className="flex items-center gap-1 text-sm">
                <span className="text-ink-subtle">Sort:</span>
                {(["relevance", "rank"] as const).map((s) => (
                  <Link
                    key={s}
                    href={withHref(path, baseParams, { sort: s === "relevance" ? "" : s })}
                    aria-current={result.sort === s ? "true" : undefined}
                    className={cn("rounded-md px-2 py-1", result.sort === s ? "bg-slate-900 text-white" : "text-ink-muted hover:bg-slate-100")}
                  >
                    {s === "rank" ? "Rank" : "Relevance"}
                  </Link>
                ))}
              </nav>
            ) : null}
          </div>
          {filterError ? (
            <Alert tone="warning" title="Some filters were not understood" className="mb-4">
              {filterError} Showing all partners instead.
            </Alert>
          ) : null}
          {active.length ? (
            <ul className="mb-4 flex flex-wrap gap-2" aria-label="Active filters">
              {active.map((k) => (
                <li key={k}>
                  <Link
                    href={withoutHref(path, params, k)}
                    className="inline-flex items-center gap-1 rounded-md bg-slate-100 px-2 py-1 text-xs text-ink-muted hover:bg-slate-200"
                  >
                    {FILTER_NAMES[k]}: {k === "q" ? params.q : params[k]!.split(",").join(", ")} <span aria-hidden="true">×</span>
                    <span className="sr-only">remove</span>
                  </Link>
                </li>
              ))}
            </ul>
          ) : null}
          {result.partners.length === 0 ? (
            <div className="rounded-xl bg-white px-6 py-12 text-center ring-1 ring-slate-200" data-testid="zero-results">
              <h3 className="text-base font-semibold text-ink">
                {result.total > 0 ? "This page is past the last one" : "No partners match these filters"}
              </h3>
              {result.total > 0 ? (
                <p className="mt-2 text-sm text-ink-muted">
                  <Link className="text-brand-700 underline" href={withHref(path, baseParams, { page: "" })}>
                    Go to the first page
                  </Link>
                </p>
              ) : result.suggestions.length ? (
                <>
                  <p className="mt-2 text-sm text-ink-muted">Try removing one filter:</p>
                  <ul className="mt-4 flex flex-wrap justify-center gap-2">
                    {result.suggestions.map((s) => (
                      <li key={s.filter}>
                        <Link href={withoutHref(path, params, s.filter)} className={buttonClasses("secondary", "sm")}>
                          Remove the {FILTER_NAMES[s.filter]} filter ({s.total} {s.total === 1 ? "partner" : "partners"})
                        </Link>
                      </li>
                    ))}
                  </ul>
                </>
              ) : (
                <p className="mt-2 text-sm text-ink-muted">
                  Try a broader search.{" "}
                  <Link className="text-brand-700 underline" href={path}>
                    Clear filters
                  </Link>
                </p>
              )}
            </div>
          ) : (
            <>
              <ul className="grid gap-4 sm:grid-cols-2 xl:grid-cols-3" data-testid="partner-results">
                {result.partners.map((p) => (
                  <li key={p.id}>
                    <PartnerCard partner={p} auditor={auditors} />
                  </li>
                ))}
              </ul>
              <Pagination
                page={result.page}
                pageSize={result.pageSize}
                total={result.total}
                path={path}
                baseParams={baseParams}
                label={auditors ? "auditors" : "partners"}
              />
            </>
          )}
        </section>
      </div>
    </div>
  );
}
