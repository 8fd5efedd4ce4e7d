import type { Metadata } from "next";
import { DocumentPage } from "../document-page";

export const metadata: Metadata = { title: "Marketplace Terms" };

export default async function Page({ searchParams }: { searchParams: Promise<{ version?: string }> }) {
  const { version } = await searchParams;
  return <DocumentPage document="marketplace_terms" version={typeof version === "string" ? version : undefined} />;
}
