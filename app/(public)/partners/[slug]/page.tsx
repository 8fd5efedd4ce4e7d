import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { ContactForm } from "@/components/partners/contact-form";
import { LiveRefresh } from "@/components/partners/live-refresh";
import { directoryGeneration } from "@/lib/directory/cache";
import { TierBadge, TrackBadge } from "@/components/partners/badges";
import { PartnerAvatar } from "@/components/partners/partner-avatar";
import { Badge } from "@/components/ui/badge";
import { buttonClasses } from "@/components/ui/button";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { formatDate } from "@/lib/format";
import { contactPartnerAction } from "@/lib/directory/actions";
import { BADGE_LABELS } from "@/lib/directory/constants";
import { getPublicProfile } from "@/lib/directory/search";
import { LANGUAGE_LABELS, REGION_LABELS, STACK_LABELS, type Stack } from "@/lib/partners/constants";
import { SURVIVAL_BAR, TTI_BAR_SECONDS, formatDuration, formatRate } from "@/lib/quality/rules";

type Props = { params: Promise<{ slug: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const profile = await getPublicProfile((await params).slug, new Date());
  const p = profile?.partner;
  return p ? { title: p.name, description: p.tagline || p.description.slice(0, 160) } : { title: "Partner not found" };
}

function assetOf(verifyLink: string): string {
  try {
    return new URL(verifyLink).searchParams.get("source") ?? verifyLink;
  } catch {
    return verifyLink;
  }
}

export default async function PartnerProfilePage({ params }: Props) {
  const [profile, generation] = await Promise.all([getPublicProfile((await params).slug, new Date()), directoryGeneration()]);
  if (!profile) notFound();
  const { partner, ttiByStack, survival } = profile;
  const m = partner.metrics;
  const details: [string, string][] = [
    ["Regions", partner.regions.map((r) => REGION_LABELS[r]).join(", ") || "—"],
    ["Stacks", partner.stacks.map((s) => STACK_LABELS[s]).join(", ") || "—"],
    ["Languages", partner.languages.map((l) => LANGUAGE_LABELS[l]).join(", ") || "—"],
    ["Response time", partner.slaResponseHours ? `Within ${partner.slaResponseHours} hours` : "—"],
    ["Headquarters", partner.hqCountry ?? "—"],
    ["Partner since", formatDate(partner.joinedAt)],
  ];
  const installs = partner.track !== "auditor";
  return (
    <div className="mx-auto max-w-page px-4 py-8 sm:px-6 lg:py-12">
      <LiveRefresh generation={generation} />
      <nav aria-label="Breadcrumb" className="mb-6 text-sm text-ink-muted">
        <Link href={partner.track === "auditor" ? "/auditors" : "/"} className="hover:text-ink">
          {partner.track === "auditor" ? "Auditors" : "Directory"}
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
        <a href="#contact" className={buttonClasses("primary")}>
          Contact {partner.name.split(" ")[0]}
        </a>
      </header>
      {partner.onProbation ? (
        <p className="mt-4 rounded-lg bg-slate-100 px-4 py-2.5 text-sm text-ink-muted">
          New to the program: this partner is in its first 60 days, so its badge shows in gray until it completes probation.
        </p>
      ) : null}

      <div className="mt-8 grid gap-6 lg:grid-cols-[1fr_22rem]">
        <div className="space-y-6">
          <Card>
            <CardHeader title="About" />
            <CardBody>
              <p className="text-sm leading-6 whitespace-pre-line text-ink">{partner.description || "This partner has not written a description yet."}</p>
            </CardBody>
          </Card>
          <Card>
            <CardHeader title="Badges" description="Each badge links to its public verification page, which shows whether it is current." />
            <CardBody>
              {partner.badges.length === 0 ? (
                <p className="text-sm text-ink-muted">No badges yet.</p>
              ) : (
                <ul className="flex flex-wrap gap-2" data-testid="profile-badges">
                  {partner.badges.map((b) => (
                    <li key={b.id}>
                      <Link
                        href={b.verifyUrl}
                        className="inline-flex items-center gap-1.5 rounded-full bg-white px-3 py-1.5 text-sm ring-1 ring-slate-300 hover:ring-brand-500"
                      >
                        <span aria-hidden="true">{b.state === "active" ? "✔" : "◌"}</span>
                        {BADGE_LABELS[b.badge]}
                        {b.tier ? <span className="text-ink-subtle">· {b.tier}</span> : null}
                        {b.state === "probation" ? <Badge tone="gray">probation</Badge> : null}
                        <span className="sr-only">(verify this badge)</span>
                      </Link>
                    </li>
                  ))}
                </ul>
              )}
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
          <Card>
            <CardHeader title="Measured results" description="From the platform's own survival checks, install timings and customer surveys." />
            <CardBody className="space-y-6">
              <dl className="grid grid-cols-3 gap-4">
                <div>
                  <dt className="text-xs text-ink-subtle">Customer NPS (12 months)</dt>
                  <dd className="text-2xl font-semibold text-ink">{m.nps === null ? "—" : `${m.nps > 0 ? "+" : ""}${m.nps}`}</dd>
                  <dd className="text-xs text-ink-subtle">{m.npsResponses} responses</dd>
                </div>
                {installs ? (
                  <>
                    <div>
                      <dt className="text-xs text-ink-subtle">Median time to install</dt>
                      <dd className="text-2xl font-semibold text-ink">{formatDuration(m.ttiP50Seconds)}</dd>
                      <dd className="text-xs text-ink-subtle">{m.verifiedInstalls} verified installs</dd>
                    </div>
                    <div>
                      <dt className="text-xs text-ink-subtle">Credential survival (30 days)</dt>
                      <dd className="text-2xl font-semibold text-ink">{formatRate(m.survival30)}</dd>
                      <dd className="text-xs text-ink-subtle">{m.assetsChecked30.toLocaleString("en-US")} assets checked</dd>
                    </div>
                  </>
                ) : (
                  <div className="col-span-2 text-sm text-ink-muted">
                    Auditors do not install; they verify other teams&apos; installs and produce evidence packs.
                  </div>
                )}
              </dl>
              {installs ? (
                <div className="grid gap-6 md:grid-cols-2">
                  <table className="w-full text-sm">
                    <caption className="mb-2 text-left text-xs font-semibold tracking-wide text-ink-subtle uppercase">Survival</caption>
                    <thead>
                      <tr className="text-left text-xs text-ink-subtle">
                        <th className="py-1 font-medium">Window</th>
                        <th className="py-1 font-medium">Assets</th>
                        <th className="py-1 font-medium">Survived</th>
                      </tr>
                    </thead>
                    <tbody>
                      {survival.length === 0 ? (
                        <tr>
                          <td colSpan={3} className="py-2 text-ink-muted">
                            No checks yet.
                          </td>
                        </tr>
                      ) : (
                        survival.map((s) => {
                          const rate = s.checked > 0 ? s.survived / s.checked : null;
                          return (
                            <tr key={s.days} className="border-t border-slate-100">
                              <td className="py-1.5">{s.days} days</td>
                              <td className="py-1.5 tabular-nums">{s.checked.toLocaleString("en-US")}</td>
                              <td className={rate !== null && rate < SURVIVAL_BAR ? "py-1.5 font-medium text-amber-700" : "py-1.5 font-medium text-emerald-700"}>
                                {formatRate(rate)}
                              </td>
                            </tr>
                          );
                        })
                      )}
                    </tbody>
                  </table>
                  <table className="w-full text-sm">
                    <caption className="mb-2 text-left text-xs font-semibold tracking-wide text-ink-subtle uppercase">Time to install by stack</caption>
                    <thead>
                      <tr className="text-left text-xs text-ink-subtle">
                        <th className="py-1 font-medium">Stack</th>
                        <th className="py-1 font-medium">p50</th>
                        <th className="py-1 font-medium">Bar</th>
                      </tr>
                    </thead>
                    <tbody>
                      {ttiByStack.length === 0 ? (
                        <tr>
                          <td colSpan={3} className="py-2 text-ink-muted">
                            No verified installs yet.
                          </td>
                        </tr>
                      ) : (
                        ttiByStack.map((t) => {
                          const bar = TTI_BAR_SECONDS[t.stack as Stack];
                          return (
                            <tr key={t.stack} className="border-t border-slate-100">
                              <td className="py-1.5">
                                {STACK_LABELS[t.stack as Stack] ?? t.stack} <span className="text-xs text-ink-subtle">({t.verified})</span>
                              </td>
                              <td className={t.p50 !== null && bar && t.p50 > bar ? "py-1.5 font-medium text-amber-700" : "py-1.5 font-medium text-ink"}>
                                {formatDuration(t.p50)}
                              </td>
                              <td className="py-1.5 text-ink-subtle">{bar ? formatDuration(bar) : "—"}</td>
                            </tr>
                          );
                        })
                      )}
                    </tbody>
                  </table>
                </div>
              ) : null}
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
                {partner.website ? (
                  <div>
                    <dt className="text-ink-subtle">Website</dt>
                    <dd>
                      <a className="break-all text-brand-700 underline-offset-2 hover:underline" href={partner.website} target="_blank" rel="noopener noreferrer">
                        {partner.website.replace(/^https?:\/\//, "")}
                      </a>
                    </dd>
                  </div>
                ) : null}
              </dl>
            </CardBody>
          </Card>
          <Card id="contact">
            <CardHeader
              title={`Contact ${partner.name}`}
              description={partner.slaResponseHours ? `Response commitment: ${partner.slaResponseHours} hours.` : undefined}
            />
            <CardBody>
              <ContactForm slug={partner.slug} partnerName={partner.name} send={contactPartnerAction} />
            </CardBody>
          </Card>
        </div>
      </div>
    </div>
  );
}
