import type { ReactNode } from "react";
import { Alert } from "@/components/ui/alert";
import { EmptyState } from "@/components/ui/empty-state";
import { LinkButton } from "@/components/ui/button";
import { Pagination } from "@/components/ui/pagination";
import type { DirectoryPage } from "@/lib/partners/directory";
import type { Track } from "@/lib/partners/constants";
import { DirectoryFilters, type DirectoryFilterValues } from "./directory-filters";
import { PartnerCard } from "./partner-card";

export function DirectoryView({
  intro,
  path,
  result,
  values,
  params,
  fixedTrack,
  filterError,
}: {
  intro: ReactNode;
  path: string;
  result: DirectoryPage;
  values: DirectoryFilterValues;
  params: Record<string, string>;
  fixedTrack?: Track;
  filterError?: string;
}) {
  const { page: _page, ...baseParams } = params;
  return (
    <div className="mx-auto max-w-page px-4 py-8 sm:px-6 lg:py-12">
      {intro}
      <div className="mt-8 grid gap-8 lg:grid-cols-[18rem_1fr]">
        <aside className="lg:sticky lg:top-6 lg:self-start">
          <DirectoryFilters values={values} action={path} fixedTrack={fixedTrack} />
        </aside>
        <section aria-labelledby="results-heading" className="min-w-0">
          <h2 id="results-heading" className="sr-only">
            Partners
          </h2>
          {filterError ? (
            <Alert tone="warning" title="Some filters were not understood" className="mb-4">
              {filterError} Showing all partners instead.
            </Alert>
          ) : null}
          {result.partners.length === 0 ? (
            <div className="rounded-xl bg-white ring-1 ring-slate-200">
              <EmptyState
                title="No partners match these filters"
                description="Try fewer filters or a broader search. New partners join the program every week."
                action={
                  <LinkButton href={path} variant="secondary">
                    Clear filters
                  </LinkButton>
                }
              />
            </div>
          ) : (
            <>
              <ul className="grid gap-4 sm:grid-cols-2 xl:grid-cols-3" data-testid="partner-results">
                {result.partners.map((p) => (
                  <li key={p.id}>
                    <PartnerCard partner={p} />
                  </li>
                ))}
              </ul>
              <Pagination page={result.page} pageSize={result.pageSize} total={result.total} path={path} baseParams={baseParams} label="partners" />
            </>
          )}
        </section>
      </div>
    </div>
  );
}
