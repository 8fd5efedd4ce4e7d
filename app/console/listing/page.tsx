import type { Metadata } from "next";
import { NoPartner } from "@/components/console/no-partner";
import { ListingForm } from "@/components/console/listing-form";
import { LogoUpload } from "@/components/console/logo-upload";
import { Alert } from "@/components/ui/alert";
import { LinkButton } from "@/components/ui/button";
import { Card, CardBody } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { getPrincipal, requireConsole } from "@/lib/auth/guards";
import { saveListingAction } from "@/lib/partners/actions";
import { getPartnerFor } from "@/lib/partners/console";
import { removeLogoAction, uploadLogoAction } from "@/lib/directory/actions";
import { getProofLinkStatus } from "@/lib/directory/views";
import { formatDateTime } from "@/lib/format";

export const metadata: Metadata = { title: "Directory listing" };

export default async function ListingPage() {
  const { viewer, partnerId } = await requireConsole("/console/listing", "listing:write");
  if (!partnerId) return <NoPartner isAdmin={viewer.isAdmin} />;
  const principal = await getPrincipal();
  const p = await getPartnerFor(principal, partnerId, "listing:write");
  const review = await getProofLinkStatus(principal, partnerId);
  return (
    <>
      <PageHeader
        title="Directory listing"
        description="What prospects see on your public profile. Changes show in the directory as soon as you save; new proof links once the program team approves them."
        actions={
          <LinkButton href={`/partners/${p.slug}`} variant="secondary">
            View public profile
          </LinkButton>
        }
      />
      {review.pending ? (
        <Alert tone="info" title="Proof links waiting for review" className="mb-4" testId="proof-links-pending">
          Submitted {formatDateTime(review.pending.submittedAt)}: {review.pending.proposedProofLinks.length} link
          {review.pending.proposedProofLinks.length === 1 ? "" : "s"}. Your profile keeps showing the current links until an admin approves them.
        </Alert>
      ) : review.lastDecided?.state === "rejected" ? (
        <Alert tone="warning" title="Your last proof links were not approved" className="mb-4">
          {review.lastDecided.reason}
        </Alert>
      ) : null}
      <Card className="mb-6">
        <CardBody className="py-6">
          <LogoUpload partnerId={p.id} name={p.name} logoUrl={p.logoUrl} upload={uploadLogoAction} remove={removeLogoAction} />
        </CardBody>
      </Card>
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
              proofLinks: review.pending?.proposedProofLinks ?? p.proofLinks,
            }}
          />
        </CardBody>
      </Card>
    </>
  );
}
