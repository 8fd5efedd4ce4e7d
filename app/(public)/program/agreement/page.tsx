import type { Metadata } from "next";
import { DocumentPage } from "../document-page";

export const metadata: Metadata = { title: "Master Partner Agreement" };

export default async function Page({ searchParams }: { searchParams: Promise<{ version?: string }> }) {
  const { version } = await searchParams;
  return <DocumentPage document="master_agreement" version={typeof version === "string" ? version : undefined} />;
}
