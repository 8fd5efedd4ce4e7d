import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { MarkdownDocument, TableOfContents } from "@/components/legal/markdown-document";
import { Alert } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { renderMarkdown } from "@/lib/legal/markdown";
import { TRACKS, TRACK_LABELS } from "@/lib/partners/constants";
import { isTrack, playbookVersions } from "@/lib/playbooks/playbooks";

export async function generateMetadata({ params }: { params: Promise<{ track: string }> }): Promise<Metadata> {
  const { track } = await params;
  return { title: isTrack(track) ? `${TRACK_LABELS[track]} playbook` : "Playbook" };
}

export default async function PlaybookPage({ params, searchParams }: { params: Promise<{ track: string }>; searchParams: Promise<{ version?: string }> }) {
  const { track } = await params;
  const { version } = await searchParams;
  if (!isTrack(track)) notFound();
  const versions = playbookVersions(track);
  const current = versions[0];
  const shown = typeof version === "string" ? versions.find((v) => v.version === version) : current;
  if (!shown || !current) notFound();
  const { html, headings } = renderMarkdown(shown.text);
  const base = `/program/playbooks/${track}`;
  return (
    <div className="mx-auto grid max-w-page gap-10 px-4 py-10 sm:px-6 lg:grid-cols-[16rem_minmax(0,1fr)]">
      <aside className="space-y-6 lg:sticky lg:top-6 lg:self-start">
        <div className="space-y-2 text-sm">
          <Link href="/program" className="text-brand-700 hover:underline">
            ← Partner program
          </Link>
          <p className="flex flex-wrap items-center gap-2 text-ink-muted">
            Version {shown.version} {shown === current ? <Badge tone="green">Current</Badge> : <Badge tone="gray">Earlier version</Badge>}
          </p>
        </div>
        <TableOfContents headings={headings} />
        <div className="space-y-1.5 text-sm">
          <p className="font-semibold text-ink">Versions</p>
          <ul className="space-y-1">
            {versions.map((v) => (
              <li key={v.version}>
                <Link href={v === current ? base : `${base}?version=${encodeURIComponent(v.version)}`} aria-current={v === shown ? "page" : undefined} className={v === shown ? "font-semibold text-ink" : "text-brand-700 hover:underline"}>
                  {v.version}
                </Link>
                <span className="block text-xs text-ink-muted">{v.summary}</span>
              </li>
            ))}
          </ul>
        </div>
        <nav aria-label="Other playbooks" className="space-y-1.5 text-sm">
          <p className="font-semibold text-ink">Other tracks</p>
          {TRACKS.filter((t) => t !== track).map((t) => (
            <Link key={t} href={`/program/playbooks/${t}`} className="block text-brand-700 hover:underline">
              {TRACK_LABELS[t]} playbook
            </Link>
          ))}
        </nav>
      </aside>
      <article className="min-w-0">
        {shown !== current ? (
          <Alert tone="warning" className="mb-6" title={`This is version ${shown.version}`}>
            <Link className="underline" href={base}>
              Read the current version {current.version}
            </Link>
            ; the quizzes follow it.
          </Alert>
        ) : null}
        <MarkdownDocument html={html} />
      </article>
    </div>
  );
}
