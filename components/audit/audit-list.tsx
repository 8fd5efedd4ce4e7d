import Link from "next/link";
import { Badge } from "@/components/ui/badge";
import { auditActionLabel, auditChangeSummary } from "@/lib/audit/labels";
import { formatDateTime, formatRelative } from "@/lib/format";

export interface AuditItem {
  id: string;
  at: Date;
  action: string;
  actorType: string;
  actorLabel: string;
  objectType: string;
  objectId: string;
  partnerId: string | null;
  before: unknown;
  after: unknown;
}

/** A timeline of audit events. `objectHref` turns an object into a link when it has a page. */
export function AuditList({
  items,
  now,
  objectHref,
  showPartner,
}: {
  items: AuditItem[];
  now: Date;
  objectHref?: (item: AuditItem) => string | null;
  showPartner?: (partnerId: string) => string | null;
}) {
  return (
    <ol className="divide-y divide-slate-100">
      {items.map((item) => {
        const href = objectHref?.(item) ?? null;
        const summary = auditChangeSummary(item.before, item.after);
        return (
          <li key={item.id} className="flex flex-col gap-1 px-5 py-3 sm:flex-row sm:items-start sm:justify-between sm:gap-6">
            <div className="min-w-0">
              <p className="text-sm font-medium text-ink">
                {auditActionLabel(item.action)}{" "}
                <span className="font-mono text-xs font-normal text-ink-subtle">{item.action}</span>
              </p>
              <p className="mt-0.5 text-xs text-ink-muted">
                by {item.actorLabel}
                {item.actorType !== "user" ? (
                  <Badge tone="neutral" className="ml-1.5">
                    {item.actorType === "api_key" ? "API" : "system"}
                  </Badge>
                ) : null}{" "}
                · {item.objectType}{" "}
                {href ? (
                  <Link href={href} className="font-mono text-brand-700 hover:underline">
                    {item.objectId}
                  </Link>
                ) : (
                  <span className="font-mono">{item.objectId}</span>
                )}
                {showPartner && item.partnerId ? <> · {showPartner(item.partnerId)}</> : null}
              </p>
              {summary ? <p className="mt-1 truncate text-xs text-ink-subtle">{summary}</p> : null}
            </div>
            <time dateTime={item.at.toISOString()} title={formatDateTime(item.at)} className="shrink-0 text-xs text-ink-subtle">
              {formatRelative(item.at, now)}
            </time>
          </li>
        );
      })}
    </ol>
  );
}
