import type { Metadata } from "next";
import Link from "next/link";
import { NoPartner } from "@/components/console/no-partner";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { Table, Td, Th, Tr } from "@/components/ui/table";
import { getGa4Guidance } from "@/lib/analytics/views";
import { getPrincipal, requireConsole } from "@/lib/auth/guards";

export const metadata: Metadata = { title: "GA4 and UTM tags" };

export default async function Ga4GuidancePage() {
  const { viewer, partnerId } = await requireConsole("/console/links/ga4", "links:read");
  if (!partnerId) return <NoPartner isAdmin={viewer.isAdmin} />;
  const g = await getGa4Guidance(await getPrincipal(), partnerId);
  const ex = g.example;
  const tags = [
    { name: "utm_source", value: "partner", meaning: "Every partner link: the visit came from a partner." },
    { name: "utm_medium", value: "referral", meaning: "Every partner link." },
    { name: "utm_campaign", value: ex?.campaign ?? "<your link's campaign, or its code>", meaning: "The campaign you gave the link (its code if you gave none)." },
    { name: g.policy.partnerParam, value: partnerId, meaning: "Your partner id: attribution works even without cookies." },
    { name: g.policy.clickParam, value: "clk_…", meaning: "The click's id, different on every visit; it ties a signup to the click." },
  ];
  return (
    <>
      <PageHeader
        eyebrow={<Link href="/console/links" className="hover:underline">Tracking links</Link>}
        title="GA4 and UTM tags"
        description="How your tracking links are tagged, and what you and the program's marketing team see in Google Analytics 4."
      />
      <Card className="mb-6">
        <CardHeader title="How your links are tagged" description="/r/<code> answers at once with a redirect to the destination, with these parameters added (any existing ones with the same names are replaced)." />
        <Table caption="Parameters added to your links">
          <thead className="bg-slate-50">
            <tr>
              <Th>Parameter</Th>
              <Th>Value</Th>
              <Th className="hidden md:table-cell">Why</Th>
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {tags.map((t) => (
              <Tr key={t.name}>
                <Td className="font-mono text-xs">{t.name}</Td>
                <Td className="break-all font-mono text-xs">{t.value}</Td>
                <Td className="hidden text-ink-muted md:table-cell">{t.meaning}</Td>
              </Tr>
            ))}
          </tbody>
        </Table>
      </Card>
      <Card className="mb-6">
        <CardHeader title="Your example" description={ex ? `Your link ${ex.code}, as a visitor follows it.` : "Create a link to see your own example."} />
        <CardBody className="space-y-3 text-sm">
          {ex ? (
            <>
              <p>
                You share <span className="break-all font-mono text-xs" data-testid="ga4-tracking-url">{ex.trackingUrl}</span>
              </p>
              <p>
                The visitor lands on <span className="break-all font-mono text-xs" data-testid="ga4-landing-url">{ex.landingUrl}</span>
              </p>
            </>
          ) : (
            <p className="text-ink-muted">
              You have no active link yet. <Link href="/console/links" className="font-medium text-brand-700 hover:underline">Create one</Link> and come back.
            </p>
          )}
        </CardBody>
      </Card>
      <div className="grid items-start gap-6 xl:grid-cols-2">
        <Card>
          <CardHeader title="What you will see in GA4" description="If your own site links to the program, or you run campaigns to it" />
          <CardBody>
            <ul className="list-disc space-y-2 pl-5 text-sm text-ink-muted">
              <li>
                In <strong className="text-ink">Reports → Acquisition → Traffic acquisition</strong>, the visits you sent appear under session source / medium <span className="font-mono text-xs">partner / referral</span>, with your campaign as <em>Session campaign</em>.
              </li>
              <li>Filter on the campaign to compare your links; set a different campaign per link when you create it.</li>
              <li>
                Conversions the program attributes to you are sent as the event <span className="font-mono text-xs">partner_attribution_matched</span> with your partner id, the conversion type (signup, pilot, paid), how it was matched and the value.
              </li>
              <li>GA4&apos;s own numbers can differ from yours here: GA4 counts sessions and applies its own attribution model and consent rules; the program counts a click once per visitor and hour, ignores bots, and credits customers within {g.policy.windowDays} days.</li>
            </ul>
          </CardBody>
        </Card>
        <Card>
          <CardHeader title="Where your numbers of record are" />
          <CardBody>
            <ul className="list-disc space-y-2 pl-5 text-sm text-ink-muted">
              <li>
                <Link href="/console/performance" className="font-medium text-brand-700 hover:underline">Performance</Link>: your funnel (click → signup → pilot → paid) by quarter, the figures commissions are paid on.
              </li>
              <li>Do not add your own utm_ tags to a tracking link&apos;s destination: they are replaced by the ones above.</li>
              <li>Links can only point to the program&apos;s own sites, so the tags always reach a page the program measures.</li>
            </ul>
          </CardBody>
        </Card>
      </div>
    </>
  );
}
