import type { Metadata } from "next";
import { NoPartner } from "@/components/console/no-partner";
import { Scorecard } from "@/components/certification/scorecard";
import { LinkButton } from "@/components/ui/button";
import { PageHeader } from "@/components/ui/page-header";
import { getPrincipal, requireConsole } from "@/lib/auth/guards";
import { getScorecard } from "@/lib/certification/views";
import { getPartnerQuality } from "@/lib/quality/views";

export const metadata: Metadata = { title: "Scorecard" };

export default async function ScorecardPage() {
  const { viewer, partnerId } = await requireConsole("/console/scorecard", "certification:read");
  if (!partnerId) return <NoPartner isAdmin={viewer.isAdmin} />;
  const principal = await getPrincipal();
  const now = new Date();
  const [s, quality] = await Promise.all([getScorecard(principal, partnerId, now), getPartnerQuality(principal, partnerId, now)]);
  return (
    <>
      <PageHeader
        title="Scorecard"
        description="Your tier metrics against the Advanced and Premier thresholds, with your tier history, survival and TTI trends, incident SLA, quiz results and badges. Tiers are re-evaluated nightly."
        actions={<LinkButton href="/console/certification" variant="secondary">Certification</LinkButton>}
      />
      <Scorecard d={{ ...s, quality: { daily: quality.daily, weekly: quality.weekly } }} />
    </>
  );
}
