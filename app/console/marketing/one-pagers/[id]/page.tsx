import type { Metadata } from "next";
import { NoPartner } from "@/components/console/no-partner";
import { MarketingTabs } from "@/components/marketing/marketing-tabs";
import { LinkButton } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { getPrincipal, requireConsole } from "@/lib/auth/guards";
import { onePagerData } from "@/lib/marketing/one-pagers";
import { orNotFound } from "@/lib/auth/or-not-found";

export const metadata: Metadata = { title: "One-pager" };

export default async function OnePagerPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const { viewer, partnerId } = await requireConsole(`/console/marketing/one-pagers/${id}`, "marketing:read");
  if (!partnerId) return <NoPartner isAdmin={viewer.isAdmin} />;
  const { row, data } = await orNotFound(onePagerData(await getPrincipal(), partnerId, id));
  const qs = `?partnerId=${encodeURIComponent(partnerId)}`;
  return (
    <>
      <PageHeader
        eyebrow={data.template.name}
        title={row.headline}
        description="This is exactly what the PDF prints. Material you publish with the program's brand still goes through brand approval."
        actions={
          <>
            <a className="inline-flex h-10 items-center rounded-lg bg-brand-700 px-4 text-sm font-medium text-white hover:bg-brand-800" href={`/api/console/one-pagers/${row.id}/pdf${qs}`} download>
              Download PDF
            </a>
            <a className="inline-flex h-10 items-center rounded-lg bg-white px-4 text-sm font-medium ring-1 ring-inset ring-slate-300 hover:bg-slate-50" href={`/api/console/one-pagers/${row.id}/card${qs}`} download>
              Download social card (PNG)
            </a>
            <LinkButton href="/console/marketing" variant="ghost">
              Back to kits
            </LinkButton>
          </>
        }
      />
      <MarketingTabs current="/console/marketing" />
      <Card className="overflow-hidden">
        <iframe title="One-pager preview" src={`/api/console/one-pagers/${row.id}/html${qs}`} className="h-[1000px] w-full bg-white" sandbox="" />
      </Card>
    </>
  );
}
