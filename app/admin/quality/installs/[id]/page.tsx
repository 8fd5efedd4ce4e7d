import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { InstallDetailView } from "@/components/evidence/install-detail";
import { getPrincipal, requireAdminPage } from "@/lib/auth/guards";
import { AppError } from "@/lib/errors";
import { getInstallDetail } from "@/lib/quality/views";

export const metadata: Metadata = { title: "Install · Admin" };

export default async function AdminInstallPage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<{ page?: string }> }) {
  const { id } = await params;
  await requireAdminPage(`/admin/quality/installs/${id}`, "quality:read");
  const page = Math.max(1, Number((await searchParams).page) || 1);
  const now = new Date();
  let d;
  try {
    d = await getInstallDetail(await getPrincipal(), id, now, page);
  } catch (error) {
    if (error instanceof AppError && error.code === "not_found") notFound();
    throw error;
  }
  return <InstallDetailView d={d} now={now} page={page} basePath={`/admin/quality/installs/${id}`} breadcrumb={{ href: "/admin/quality", label: "Quality" }} />;
}
