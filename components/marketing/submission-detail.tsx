import { MarketingStatusBadge } from "@/components/marketing/status-badge";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import type { CommentRow } from "@/lib/marketing/store";
import type { MarketingStatus } from "@/db/schema";
import { formatDateTime } from "@/lib/format";
import { uploadUrl } from "@/lib/storage/uploads";
import { cn } from "@/components/ui/cn";

export interface SubmissionFacts {
  id: string;
  title: string;
  usage: string;
  status: MarketingStatus;
  referenceId: string | null;
  uploadId: string | null;
  filename: string | null;
  url: string | null;
  partnerName: string;
  createdAt: Date;
  decidedAt: Date | null;
}

export function SubmissionSummary({ s }: { s: SubmissionFacts }) {
  return (
    <Card>
      <CardHeader title="Material" actions={<MarketingStatusBadge status={s.status} />} />
      <CardBody>
        <dl className="grid gap-3 text-sm sm:grid-cols-2">
          <div>
            <dt className="text-ink-muted">Partner</dt>
            <dd>{s.partnerName}</dd>
          </div>
          <div>
            <dt className="text-ink-muted">Reference id</dt>
            <dd className="font-mono" data-testid="reference-id">
              {s.referenceId ?? "Given on approval"}
            </dd>
          </div>
          <div>
            <dt className="text-ink-muted">Where it will be used</dt>
            <dd>{s.usage || "—"}</dd>
          </div>
          <div>
            <dt className="text-ink-muted">Submitted</dt>
            <dd>{formatDateTime(s.createdAt)}</dd>
          </div>
          <div className="sm:col-span-2">
            <dt className="text-ink-muted">Material</dt>
            <dd className="break-all">
              {s.uploadId ? (
                <a className="text-brand-800 hover:underline" href={uploadUrl(s.uploadId)}>
                  {s.filename ?? "File"}
                </a>
              ) : null}
              {s.uploadId && s.url ? " · " : null}
              {s.url ? (
                <a className="text-brand-800 hover:underline" href={s.url} rel="noopener noreferrer nofollow" target="_blank">
                  {s.url}
                </a>
              ) : null}
            </dd>
          </div>
        </dl>
      </CardBody>
    </Card>
  );
}

export function CommentThread({ comments }: { comments: CommentRow[] }) {
  if (comments.length === 0) return <p className="text-sm text-ink-muted">No comments yet.</p>;
  return (
    <ol className="space-y-3" aria-label="Comments">
      {comments.map((c) => (
        <li key={c.id} className={cn("rounded-lg px-4 py-3 text-sm ring-1 ring-inset", c.side === "program" ? "bg-brand-50 ring-brand-200" : "bg-slate-50 ring-slate-200")}>
          <div className="flex flex-wrap justify-between gap-2 text-xs text-ink-muted">
            <span className="font-medium text-ink">{c.authorLabel}</span>
            <time dateTime={c.createdAt.toISOString()}>{formatDateTime(c.createdAt)}</time>
          </div>
          <p className="mt-1 whitespace-pre-wrap">{c.body}</p>
        </li>
      ))}
    </ol>
  );
}
