import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { TierBadge, TrackBadge } from "@/components/partners/badges";
import { PartnerAvatar } from "@/components/partners/partner-avatar";
import { buttonClasses } from "@/components/ui/button";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { formatDate } from "@/lib/format";
import { LANGUAGE_LABELS, REGION_LABELS, STACK_LABELS } from "@/lib/partners/constants";
import { getPublicPartner } from "@/lib/partners/directory";

type Props = { params: Promise<{ slug: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const partner = await getPublicPartner((await params).slug, new Date());
  return partner ? { title: partner.name, description: partner.tagline || partner.description.slice(0, 160) } : { title: "Partner not found" };
}

function assetOf(verifyLink: string): string {
  try {
    return new URL(verifyLink).searchParams.get("source") ?? verifyLink;
  } catch {
    return verifyLink;
  }
}

export default async function PartnerProfilePage({ params }: Props) {
  const partner = await getPublicPartner((await params).slug, new Date());
  if (!partner) notFound();
  const details: [string, string][] = [
    ["Regions", partner.regions.map((r) => REGION_LABELS[r]).join(", ") || "—"],
    ["Stacks", partner.stacks.map((s) => STACK_LABELS[s]).join(", ") || "—"],
    ["Languages", partner.languages.map((l) => LANGUAGE_LABELS[l]).join(", ") || "—"],
    ["Response time", partner.slaResponseHours ? `Within ${partner.slaResponseHours} hours` : "—"],
    ["Headquarters", partner.hqCountry ?? "—"],
    ["Partner since", formatDate(partner.joinedAt)],
  ];
  return (
    <div className="mx-auto max-w-page px-4 py-8 sm:px-6 lg:py-12">
      <nav aria-label="Breadcrumb" className="mb-6 text-sm text-ink-muted">
        <Link href="/" className="hover:text-ink">
          Directory
        </Link>{" "}
        <span aria-hidden="true">/</span> <span className="text-ink">{partner.name}</span>
      </nav>
      <header className="flex flex-col gap-5 sm:flex-row sm:items-center">
        <PartnerAvatar name={partner.name} logoUrl={partner.logoUrl} size="lg" />
        <div className="min-w-0 flex-1">
          <h1 className="text-3xl font-semibold tracking-tight text-ink">{partner.name}</h1>
          <div className="mt-2 flex flex-wrap gap-2">
            <TrackBadge track={partner.track} />
            <TierBadge tier={partner.tier} probation={partner.onProbation} />
          </div>
          {partner.tagline ? <p className="mt-3 text-base text-ink-muted">{partner.tagline}</p> : null}
        </div>
        {partner.contact.email ? (
          <a href={`mailto:${partner.contact.email}?subject=${encodeURIComponent("Content Credentials project")}`} className={buttonClasses("primary")}>
            Contact {partner.name.split(" ")[0]}
          </a>
        ) : null}
      </header>
      {partner.onProbation ? (
        <p className="mt-4 rounded-lg bg-slate-100 px-4 py-2.5 text-sm text-ink-muted">
          New to the program: this partner is in its first 60 days, so its badge shows in gray until it completes probation.
        </p>
      ) : null}

      <div className="mt-8 grid gap-6 lg:grid-cols-[1fr_20rem]">
        <div className="space-y-6">
          <Card>
            <CardHeader title="About" />
            <CardBody>
              <p className="text-sm leading-6 whitespace-pre-line text-ink">{partner.description || "This partner has not written a description yet."}</p>
            </CardBody>
          </Card>
          <Card>
            <CardHeader
              title="Proof of work"
              description="Assets this partner set up. Each link opens the public CAI Verify tool, so you can check the Content Credentials yourself."
            />
            <CardBody>
              {partner.proofLinks.length === 0 ? (
                <p className="text-sm text-ink-muted">No proof links published yet.</p>
              ) : (
                <ul className="divide-y divide-slate-100">
                  {partner.proofLinks.map((link) => (
                    <li key={link} className="flex items-center justify-between gap-4 py-2.5">
                      <span className="truncate font-mono text-xs text-ink-muted">{assetOf(link)}</span>
                      <a href={link} target="_blank" rel="noopener noreferrer" className={buttonClasses("secondary", "sm")}>
                        Verify<span className="sr-only"> {assetOf(link)} (opens contentcredentials.org)</span>
                      </a>
                    </li>
                  ))}
                </ul>
              )}
            </CardBody>
          </Card>
        </div>
        <div className="space-y-6">
          <Card>
            <CardHeader title="Details" />
            <CardBody>
              <dl className="space-y-3 text-sm">
                {details.map(([k, v]) => (
                  <div key={k}>
                    <dt className="text-ink-subtle">{k}</dt>
                    <dd className="text-ink">{v}</dd>
                  </div>
                ))}
              </dl>
            </CardBody>
          </Card>
          <Card>
            <CardHeader title="Contact" />
            <CardBody className="space-y-2 text-sm">
              {partner.contact.name ? <p className="font-medium text-ink">{partner.contact.name}</p> : null}
              {partner.contact.email ? (
                <a className="block break-all text-brand-700 underline-offset-2 hover:underline" href={`mailto:${partner.contact.email}`}>
                  {partner.contact.email}
                </a>
              ) : (
                <p className="text-ink-muted">No contact address published.</p>
              )}
              {partner.website ? (
                <a className="block break-all text-brand-700 underline-offset-2 hover:underline" href={partner.website} target="_blank" rel="noopener noreferrer">
                  {partner.website.replace(/^https?:\/\//, "")}
                </a>
              ) : null}
            </CardBody>
          </Card>
        </div>
      </div>
    </div>
  );
}
