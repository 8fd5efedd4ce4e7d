import Link from "next/link";
import { notFound } from "next/navigation";
import { MarkdownDocument, TableOfContents } from "@/components/legal/markdown-document";
import { Alert } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { formatDate } from "@/lib/format";
import { LEGAL_DOCUMENT_INFO, type LegalDocument } from "@/lib/legal/constants";
import { renderMarkdown } from "@/lib/legal/markdown";
import { getPublicDocument } from "@/lib/legal/views";

// One public page per legal document: the version in force (or an earlier
// published one with ?version=), its outline, its fingerprint and its history.
export async function DocumentPage({ document, version }: { document: LegalDocument; version: string | undefined }) {
  const now = new Date();
  const info = LEGAL_DOCUMENT_INFO[document];
  const view = await getPublicDocument(document, version ?? null, now);
  if (version && !view.shown) notFound();
  const shown = view.shown;
  if (!shown) {
    return (
      <div className="mx-auto max-w-3xl px-4 py-10 sm:px-6">
        <h1 className="text-3xl font-semibold tracking-tight text-ink">{info.title}</h1>
        <Alert className="mt-6" title="Not published yet">
          The first version of this document has not been published. <Link className="underline" href="/program">Back to the program</Link>
        </Alert>
      </div>
    );
  }
  const { html, headings } = renderMarkdown(shown.body);
  const isCurrent = shown.id === view.current?.id;
  return (
    <div className="mx-auto grid max-w-page gap-10 px-4 py-10 sm:px-6 lg:grid-cols-[16rem_minmax(0,1fr)]">
      <aside className="space-y-6 lg:sticky lg:top-6 lg:self-start">
        <div className="space-y-2 text-sm">
          <Link href="/program" className="text-brand-700 hover:underline">
            ← Partner program
          </Link>
          <p className="flex flex-wrap items-center gap-2 text-ink-muted">
            Version {shown.version} {isCurrent ? <Badge tone="green">In force</Badge> : <Badge tone="gray">Superseded</Badge>}
          </p>
          <p className="text-ink-muted">Published {formatDate(shown.publishedAt)}</p>
        </div>
        <TableOfContents headings={headings} />
        <div className="space-y-1.5 text-sm">
          <p className="font-semibold text-ink">Versions</p>
          <ul className="space-y-1">
            {view.versions.map((v) => (
              <li key={v.id}>
                <Link
                  href={v.id === view.current?.id ? info.href : `${info.href}?version=${encodeURIComponent(v.version)}`}
                  aria-current={v.id === shown.id ? "page" : undefined}
                  className={v.id === shown.id ? "font-semibold text-ink" : "text-brand-700 hover:underline"}
                >
                  {v.version} · {formatDate(v.publishedAt)}
                </Link>
              </li>
            ))}
          </ul>
          <Link href="/program/history" className="block pt-1 text-brand-700 hover:underline">
            Version history
          </Link>
        </div>
      </aside>
      <article className="min-w-0">
        {!isCurrent && view.current ? (
          <Alert tone="warning" className="mb-6" title={`This is version ${shown.version}, no longer in force`}>
            <Link className="underline" href={info.href}>
              Read version {view.current.version}
            </Link>
            , in force since {formatDate(view.current.publishedAt)}.
          </Alert>
        ) : null}
        <MarkdownDocument html={html} />
        <footer className="mt-10 space-y-1 border-t border-slate-200 pt-4 text-xs text-ink-muted">
          <p>
            SHA-256 of this text: <code className="break-all font-mono">{shown.sha256}</code>
          </p>
          <p>
            <a className="text-brand-700 underline" href={`/api/program/documents/${document}/${encodeURIComponent(shown.version)}`}>
              Download text
            </a>{" "}
            (Markdown, exactly as published and signed).
          </p>
        </footer>
      </article>
    </div>
  );
}
