import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { WebinarRegistrationForm } from "@/components/marketing/forms";
import { Alert } from "@/components/ui/alert";
import { Card, CardBody } from "@/components/ui/card";
import { formatDateTime } from "@/lib/format";
import { publicWebinar } from "@/lib/marketing/webinars";

export async function generateMetadata({ params }: { params: Promise<{ slug: string }> }): Promise<Metadata> {
  const w = await publicWebinar((await params).slug, new Date());
  return { title: w ? `${w.title} — webinar` : "Webinar" };
}

export default async function WebinarPage({ params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const w = await publicWebinar(slug, new Date());
  if (!w) notFound();
  return (
    <div className="mx-auto max-w-3xl px-4 py-10 sm:px-6">
      <p className="text-sm font-medium text-brand-700">
        Webinar hosted by{" "}
        <Link href={`/partners/${w.partnerSlug}`} className="underline">
          {w.partnerName}
        </Link>{" "}
        · Provenant Partner Program
      </p>
      <h1 className="mt-2 text-3xl font-semibold tracking-tight text-ink">{w.title}</h1>
      <p className="mt-2 text-ink-muted">
        {formatDateTime(w.startsAt)} · {w.durationMinutes} minutes · online
      </p>
      {w.description ? <p className="mt-4 whitespace-pre-wrap text-ink">{w.description}</p> : null}
      <ul className="mt-4 list-disc space-y-1 pl-5 text-sm text-ink-muted">
        <li>Live demo: credentials stripped, preserved, and served as a remote manifest</li>
        <li>Run your own Survival Report on five real pages</li>
        <li>The 15-minute checklist to a green survival check</li>
      </ul>
      <Card className="mt-8">
        <CardBody>
          <h2 className="mb-4 text-lg font-semibold">Register</h2>
          {w.open ? <WebinarRegistrationForm slug={w.slug} /> : <Alert tone="warning" title="Registration is closed">This webinar has ended or is full.</Alert>}
        </CardBody>
      </Card>
    </div>
  );
}
