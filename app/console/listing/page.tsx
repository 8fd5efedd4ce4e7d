import type { Metadata } from "next";
import { NoPartner } from "@/components/console/no-partner";
import { ListingForm } from "@/components/console/listing-form";
import { LinkButton } from "@/components/ui/button";
import { Card, CardBody } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { getPrincipal, requireConsole } from "@/lib/auth/guards";
import { saveListingAction } from "@/lib/partners/actions";
import { getPartnerFor } from "@/lib/partners/console";

export const metadata: Metadata = { title: "Directory listing" };

export default async function ListingPage() {
  const { viewer, partnerId } = await requireConsole("/console/listing", "listing:write");
  if (!partnerId) return <NoPartner isAdmin={viewer.isAdmin} />;
  const p = await getPartnerFor(await getPrincipal(), partnerId, "listing:write");
  return (
    <>
      <PageHeader
        title="Directory listing"
        description="What prospects see on your public profile. Changes show in the directory as soon as you save."
        actions={
          <LinkButton href={`/partners/${p.slug}`} variant="secondary">
            View public profile
          </LinkButton>
        }
      />
      <Card>
        <CardBody className="py-6">
          <ListingForm
            partnerId={p.id}
            save={saveListingAction}
            initial={{
              tagline: p.tagline,
              description: p.description,
              website: p.website ?? "",
              hqCountry: p.hqCountry ?? "",
              regions: p.regions,
              stacks: p.stacks,
              languages: p.languages,
              contactName: p.contactName ?? "",
              contactEmail: p.contactEmail ?? "",
              slaResponseHours: p.slaResponseHours,
              proofLinks: p.proofLinks,
            }}
          />
        </CardBody>
      </Card>
    </>
  );
}
