import type { Metadata } from "next";
import Link from "next/link";
import { NoPartner } from "@/components/console/no-partner";
import { Alert } from "@/components/ui/alert";
import { buttonClasses } from "@/components/ui/button";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { requireConsole } from "@/lib/auth/guards";
import { BRAND_RULES, brandFiles } from "@/lib/badges/brand";
import { ZIP_NAME } from "@/lib/badges/brand-download";
import { brandKitAccess } from "@/lib/badges/console";
import { effectiveState, isValidState } from "@/lib/badges/model";

export const metadata: Metadata = { title: "Brand assets and guidelines" };

export default async function BrandPage() {
  const { viewer, partnerId } = await requireConsole("/console/badges/brand", "brand:download");
  if (!partnerId) return <NoPartner isAdmin={viewer.isAdmin} />;
  const now = new Date();
  const access = await brandKitAccess(viewer, partnerId, now);
  const valid = access.badges.map((view) => ({ view, state: effectiveState(view, now) })).filter((b) => isValidState(b.state));
  const files = brandFiles(valid);
  const href = (name: string) => `/api/console/brand/${partnerId}/${name}`;
  const sample = valid[0]?.view.id;
  return (
    <>
      <PageHeader
        title="Brand assets and guidelines"
        description="How to show the Provenant badge and logo. On web pages, always use the live embed from your badges page: it shows your current state and links to its verification page."
        actions={
          <Link href="/console/badges" className="text-sm font-medium text-brand-700 hover:underline">
            Back to badges
          </Link>
        }
      />
      <div className="grid gap-6 lg:grid-cols-2">
        <Card>
          <CardHeader title="Clear space" />
          <CardBody className="space-y-4">
            <p className="text-sm text-ink-muted">{BRAND_RULES.clearSpace}</p>
            {sample ? (
              <div className="inline-block border border-dashed border-brand-400 p-9" aria-label="The badge with its clear space marked by a dashed border">
                {/* eslint-disable-next-line @next/next/no-img-element -- live badge image */}
                <img src={`/badges/${sample}.svg`} alt="Your badge with clear space around it" width={240} height={72} />
              </div>
            ) : null}
          </CardBody>
        </Card>
        <Card>
          <CardHeader title="Minimum size" />
          <CardBody className="space-y-4">
            <p className="text-sm text-ink-muted">{BRAND_RULES.minimumSize}</p>
            <p className="text-sm text-ink-muted">Sizes available: small 160×48, medium 240×72, large 360×108. The SVG stays sharp at every size; use PNG only where SVG is not accepted.</p>
          </CardBody>
        </Card>
        <Card>
          <CardHeader title="Do" />
          <CardBody>
            <ul className="list-inside list-disc space-y-2 text-sm text-ink">
              {BRAND_RULES.dos.map((d) => (
                <li key={d}>{d}</li>
              ))}
            </ul>
          </CardBody>
        </Card>
        <Card>
          <CardHeader title="Don't" />
          <CardBody>
            <ul className="list-inside list-disc space-y-2 text-sm text-ink">
              {BRAND_RULES.donts.map((d) => (
                <li key={d}>{d}</li>
              ))}
            </ul>
          </CardBody>
        </Card>
      </div>
      <Card className="mt-6">
        <CardHeader title="Downloads" description="Logo kit and static badge icons for print, slides and documents. They do not update: never use them on web pages." />
        <CardBody>
          {!access.allowed ? (
            <Alert tone="info" testId="brand-restricted">
              The brand kit is for certified partners in good standing: it becomes available once you hold an active track badge (Verified or above).
            </Alert>
          ) : (
            <div className="space-y-4">
              <a href={href(ZIP_NAME)} className={buttonClasses("primary")} download>
                Download the whole kit (zip)
              </a>
              <ul className="grid gap-2 sm:grid-cols-2 lg:grid-cols-3" aria-label="Single files">
                {files.map((f) => (
                  <li key={f.name}>
                    <a href={href(f.name)} className="text-sm text-brand-700 underline underline-offset-2 break-all" download>
                      {f.name}
                    </a>
                  </li>
                ))}
              </ul>
            </div>
          )}
        </CardBody>
      </Card>
    </>
  );
}
