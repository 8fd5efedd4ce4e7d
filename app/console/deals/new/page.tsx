import type { Metadata } from "next";
import Link from "next/link";
import { NoPartner } from "@/components/console/no-partner";
import { RegisterDealForm } from "@/components/deals/register-deal-form";
import { Card, CardBody } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { requireConsole } from "@/lib/auth/guards";
import { PRODUCTS } from "@/lib/commissions/plans";
import { registerDealAction } from "@/lib/deals/actions";
import { DEAL_POLICY } from "@/lib/deals/policy";

export const metadata: Metadata = { title: "Register opportunity" };

export default async function NewDealPage() {
  const { viewer, partnerId } = await requireConsole("/console/deals/new", "deals:write");
  if (!partnerId) return <NoPartner isAdmin={viewer.isAdmin} />;
  const close = new Date(Date.now() + 45 * 86_400_000).toISOString().slice(0, 10);
  return (
    <>
      <PageHeader
        eyebrow={
          <Link href="/console/deals" className="hover:underline">
            ← Deals
          </Link>
        }
        title="Register opportunity"
        description={`The registration protects you for ${DEAL_POLICY.protectionDays} days: if the company signs up in that time, it is attributed to you.`}
      />
      <Card>
        <CardBody>
          <RegisterDealForm
            partnerId={partnerId}
            products={Object.entries(PRODUCTS).map(([sku, p]) => ({ sku, label: p.label }))}
            register={registerDealAction}
            defaultCloseDate={close}
          />
        </CardBody>
      </Card>
    </>
  );
}
