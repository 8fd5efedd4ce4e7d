import type { Metadata } from "next";
import Link from "next/link";
import { Badge } from "@/components/ui/badge";
import { Card, CardBody } from "@/components/ui/card";
import { formatDate } from "@/lib/format";
import { LEGAL_DOCUMENTS, LEGAL_DOCUMENT_INFO } from "@/lib/legal/constants";
import { getVersionHistory } from "@/lib/legal/views";
import { TRACK_LABELS } from "@/lib/partners/constants";
import { allPlaybooks } from "@/lib/playbooks/playbooks";

export const metadata: Metadata = { title: "Partner program" };

export default async function ProgramPage() {
  const history = await getVersionHistory(new Date());
  const playbooks = allPlaybooks();
  return (
    <div className="mx-auto max-w-5xl space-y-10 px-4 py-10 sm:px-6">
      <header>
        <p className="text-sm font-semibold text-brand-700">Partner program</p>
        <h1 className="mt-2 text-3xl font-semibold tracking-tight text-ink">How the program works</h1>
        <p className="mt-3 max-w-3xl text-base text-ink-muted">
          The rules partners join under, the terms they are paid under, and the playbooks their certification is based on. Every
          document is versioned; earlier versions stay readable, and partner owners sign each new version of the agreement and the
          terms in the console.
        </p>
      </header>

      <section aria-labelledby="documents-heading" className="space-y-4">
        <h2 id="documents-heading" className="text-xl font-semibold text-ink">
          Program documents
        </h2>
        <div className="grid gap-4 md:grid-cols-3">
          {LEGAL_DOCUMENTS.map((doc) => {
            const h = history.find((x) => x.document === doc)!;
            const info = LEGAL_DOCUMENT_INFO[doc];
            return (
              <Card key={doc}>
                <CardBody className="flex h-full flex-col gap-3">
                  <h3 className="text-base font-semibold text-ink">
                    <Link href={info.href} className="hover:underline">
                      {info.title}
                    </Link>
                  </h3>
                  <p className="flex-1 text-sm text-ink-muted">{info.blurb}</p>
                  <p className="flex flex-wrap items-center gap-2 text-xs text-ink-muted">
                    {h.current ? <Badge tone="green">Version {h.current}</Badge> : <Badge tone="gray">Not published</Badge>}
                    {h.versions[0] ? <span>since {formatDate(h.versions[0].publishedAt)}</span> : null}
                    {info.requiresSignature ? <Badge tone="brand">Signed by owners</Badge> : null}
                  </p>
                </CardBody>
              </Card>
            );
          })}
        </div>
        <p className="text-sm">
          <Link href="/program/history" className="font-medium text-brand-700 hover:underline">
            Version history of every document
          </Link>
        </p>
      </section>

      <section aria-labelledby="playbooks-heading" className="space-y-4">
        <h2 id="playbooks-heading" className="text-xl font-semibold text-ink">
          Certification playbooks
        </h2>
        <p className="max-w-3xl text-sm text-ink-muted">
          How to install and keep Content Credentials alive, run a Survival Report, and roll out with a canary and a rollback plan.
          The certification quizzes are written from these pages.
        </p>
        <ul className="grid gap-4 md:grid-cols-3">
          {playbooks.map((p) => (
            <li key={p.track}>
              <Card className="h-full">
                <CardBody className="space-y-2">
                  <h3 className="text-base font-semibold text-ink">
                    <Link href={`/program/playbooks/${p.track}`} className="hover:underline">
                      {p.current?.title ?? `${TRACK_LABELS[p.track]} playbook`}
                    </Link>
                  </h3>
                  <p className="text-sm text-ink-muted">{p.current?.summary}</p>
                  <p className="text-xs text-ink-muted">Version {p.current?.version ?? "—"}</p>
                </CardBody>
              </Card>
            </li>
          ))}
        </ul>
      </section>
    </div>
  );
}
