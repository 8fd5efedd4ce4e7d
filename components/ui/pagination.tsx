import Link from "next/link";
import { cn } from "./cn";

/**
 * Page links that keep the current filters. `baseParams` is the current query
 * string without `page`; `path` the page's path.
 */
export function Pagination({
  page,
  pageSize,
  total,
  path,
  baseParams,
  label = "results",
}: {
  page: number;
  pageSize: number;
  total: number;
  path: string;
  baseParams: Record<string, string | undefined>;
  label?: string;
}) {
  const pages = Math.max(1, Math.ceil(total / pageSize));
  const from = total === 0 ? 0 : (page - 1) * pageSize + 1;
  const to = Math.min(total, page * pageSize);
  const href = (p: number) => {
    const params = new URLSearchParams();
    for (const [k, v] of Object.entries(baseParams)) if (v) params.set(k, v);
    if (p > 1) params.set("page", String(p));
    const qs = params.toString();
    return qs ? `${path}?${qs}` : path;
  };
  const link = "inline-flex h-9 items-center rounded-lg px-3 text-sm font-medium ring-1 ring-inset ring-slate-300 bg-white hover:bg-slate-50";
  const disabled = "inline-flex h-9 items-center rounded-lg px-3 text-sm font-medium text-slate-400 ring-1 ring-inset ring-slate-200 bg-slate-50";
  return (
    <nav className="flex flex-wrap items-center justify-between gap-3 px-1 py-3" aria-label="Pagination">
      <p className="text-sm text-ink-muted">
        {total === 0 ? `No ${label}` : `${from.toLocaleString("en-US")}–${to.toLocaleString("en-US")} of ${total.toLocaleString("en-US")} ${label}`}
      </p>
      <div className="flex items-center gap-2">
        {page > 1 ? (
          <Link className={link} href={href(page - 1)} rel="prev">
            Previous
          </Link>
        ) : (
          <span className={disabled} aria-disabled="true">
            Previous
          </span>
        )}
        <span className="px-2 text-sm text-ink-muted">
          Page {Math.min(page, pages)} of {pages}
        </span>
        {page < pages ? (
          <Link className={cn(link)} href={href(page + 1)} rel="next">
            Next
          </Link>
        ) : (
          <span className={disabled} aria-disabled="true">
            Next
          </span>
        )}
      </div>
    </nav>
  );
}
