import type { Metadata } from "next";
import Link from "next/link";
import { forbidden } from "next/navigation";
import { NoPartner } from "@/components/console/no-partner";
import { InstallForm } from "@/components/evidence/install-form";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { requireConsole } from "@/lib/auth/guards";
import { createInstallAction } from "@/lib/quality/actions";

export const metadata: Metadata = { title: "Add install" };

export default async function NewInstallPage() {
  const { viewer, partnerId } = await requireConsole("/console/installs/new", "installs:write");
  if (!partnerId) return <NoPartner isAdmin={viewer.isAdmin} />;
  if (!viewer.memberships.some((m) => m.partnerId === partnerId)) forbidden();
  const now = new Date();
  return (
    <>
      <nav aria-label="Breadcrumb" className="mb-4 text-sm text-ink-muted">
        <Link href="/console/installs" className="hover:text-ink">
          Installs
        </Link>{" "}
        / <span className="text-ink">Add install</span>
      </nav>
      <PageHeader title="Add install" description="Record a customer site you set up. Add a few public image URLs so survival can be checked." />
      <Card>
        <CardHeader title="Install details" />
        <CardBody>
          <InstallForm partnerId={partnerId} create={createInstallAction} defaultStartedAt={now.toISOString().slice(0, 16)} />
        </CardBody>
      </Card>
    </>
  );
}
