import type { Metadata } from "next";
import { DocumentPage } from "../document-page";

export const metadata: Metadata = { title: "Partner Program Guide" };

export default async function Page({ searchParams }: { searchParams: Promise<{ version?: string }> }) {
  const { version } = await searchParams;
  return <DocumentPage document="program_guide" version={typeof version === "string" ? version : undefined} />;
}
