import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { CodeSnippet } from "@/components/badges/code-snippet";
import { BadgeStateBadge } from "@/components/badges/state-badge";
import { Alert } from "@/components/ui/alert";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { verifySnippet } from "@/lib/badges/assertion";
import { BADGE_DESCRIPTIONS, badgeTitle } from "@/lib/badges/model";
import { getVerification } from "@/lib/badges/public";
import { formatDate, formatNumber } from "@/lib/format";
import { TIER_LABELS } from "@/lib/partners/constants";

type Props = { params: Promise<{ id: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const v = await getVerification((await params).id, new Date());
  return v ? { title: `Verify: ${v.view.partnerName} · ${badgeTitle(v.view)}` } : { title: "Badge not found" };
}

export default async function VerifyBadgePage({ params }: Props) {
  const now = new Date();
  const v = await getVerification((await params).id, now);
  if (!v) notFound();
  const { view, state, evidence: e } = v;
  const valid = state === "active" || state === "probation";
  return (
    <div className="mx-auto max-w-4xl px-4 py-8 sm:px-6 lg:py-12">
      <p className="text-sm font-medium text-brand-700">Badge verification</p>
      <h1 className="mt-1 text-3xl font-semibold tracking-tight text-ink">
        {view.partnerName} · Provenant {badgeTitle(view)}
      </h1>
      <div className="mt-4 flex flex-wrap items-center gap-4">
        {/* eslint-disable-next-line @next/next/no-img-element -- the live badge itself, as embedded */}
        <img src={`/badges/${view.id}.svg?size=lg`} alt={`Provenant ${badgeTitle(view)} badge of ${view.partnerName}, ${state}`} width={360} height={108} />
      </div>
      {valid ? (
        <Alert tone={state === "active" ? "success" : "info"} className="mt-6" testId="verify-verdict">
          {state === "active"
            ? `This badge is valid: ${view.partnerName} holds it as of ${formatDate(now)}.`
            : `This badge is valid and on probation: ${view.partnerName} is in its first 60 days at this level.`}
        </Alert>
      ) : (
        <Alert tone="error" className="mt-6" testId="verify-verdict">
          {state === "revoked"
            ? `This badge was revoked on ${formatDate(view.stateChangedAt)}${view.revokedReason ? `: ${view.revokedReason}` : ""}. It no longer certifies ${view.partnerName}.`
            : `This badge expired on ${formatDate(view.expiresAt ?? view.stateChangedAt)}. It no longer certifies ${view.partnerName}.`}
        </Alert>
      )}
      <div className="mt-6 grid gap-6 md:grid-cols-2">
        <Card>
          <CardHeader title="The badge" />
          <CardBody>
            <dl className="grid grid-cols-[auto_1fr] gap-x-6 gap-y-2 text-sm">
              <dt className="text-ink-muted">Holder</dt>
              <dd>
                <Link href={`/partners/${view.partnerSlug}`} className="font-medium text-brand-700 underline underline-offset-2">
                  {view.partnerName}
                </Link>
              </dd>
              <dt className="text-ink-muted">State</dt>
              <dd>
                <BadgeStateBadge state={state} />
              </dd>
              {view.tier ? (
                <>
                  <dt className="text-ink-muted">Tier</dt>
                  <dd>{TIER_LABELS[view.tier]}</dd>
                </>
              ) : null}
              <dt className="text-ink-muted">Held since</dt>
              <dd>{formatDate(view.issuedAt)}</dd>
              <dt className="text-ink-muted">{state === "expired" ? "Expired" : "Expires"}</dt>
              <dd>{view.expiresAt ? formatDate(view.expiresAt) : "No expiry date"}</dd>
              <dt className="text-ink-muted">Badge id</dt>
              <dd className="font-mono text-xs break-all">{view.id}</dd>
            </dl>
            <p className="mt-4 text-sm text-ink-muted">{BADGE_DESCRIPTIONS[view.badge]}</p>
          </CardBody>
        </Card>
        <Card>
          <CardHeader title="Evidence summary" description="Measured by the program, not stated by the partner." />
          <CardBody>
            <dl className="grid grid-cols-[1fr_auto] gap-x-6 gap-y-2 text-sm">
              <dt className="text-ink-muted">Verified installs</dt>
              <dd className="text-right font-medium tabular-nums">{formatNumber(e.verifiedInstalls)}</dd>
              <dt className="text-ink-muted">Survival, last 30 days</dt>
              <dd className="text-right font-medium tabular-nums">{e.survival30dPct === null ? "No checks" : `${e.survival30dPct}% (${formatNumber(e.checks30d)} checks)`}</dd>
              <dt className="text-ink-muted">Published Survival Reports</dt>
              <dd className="text-right font-medium tabular-nums">{formatNumber(e.publishedReports)}</dd>
              <dt className="text-ink-muted">Evidence Packs exported</dt>
              <dd className="text-right font-medium tabular-nums">{formatNumber(e.evidencePacks)}</dd>
              <dt className="text-ink-muted">Customer NPS responses</dt>
              <dd className="text-right font-medium tabular-nums">{formatNumber(e.npsResponses)}</dd>
            </dl>
          </CardBody>
        </Card>
      </div>
      <Card className="mt-6">
        <CardHeader
          title="Verify it yourself"
          description={
            <>
              The <a href={v.urls.assertionUrl} className="text-brand-700 underline underline-offset-2">signed assertion</a> (Open Badges 2.0 shape, Ed25519 JWS) can be checked with our{" "}
              <a href={v.issuerUrl} className="text-brand-700 underline underline-offset-2">published public key</a>.
            </>
          }
        />
        <CardBody>
          <CodeSnippet label="Node.js snippet" code={verifySnippet(v.urls.assertionUrl, v.issuerUrl)} />
        </CardBody>
      </Card>
    </div>
  );
}
