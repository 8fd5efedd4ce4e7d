import type { Metadata } from "next";
import { DirectoryView } from "@/components/partners/directory-view";
import { LiveRefresh } from "@/components/partners/live-refresh";
import { directoryGeneration } from "@/lib/directory/cache";
import { searchDirectory } from "@/lib/directory/search";
import { readDirectoryParams } from "@/lib/partners/directory-params";

export const metadata: Metadata = { title: "Certified auditors" };

export default async function AuditorsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const { query, params, error } = readDirectoryParams(await searchParams, "auditor");
  const [result, generation] = await Promise.all([searchDirectory(query, new Date()), directoryGeneration()]);
  return (
    <>
      <LiveRefresh generation={generation} />
      <DirectoryView
        path="/auditors"
        fixedTrack="auditor"
        result={result}
        params={params}
        filterError={error}
        intro={
          <div className="max-w-3xl">
            <p className="text-sm font-semibold text-brand-700">Certified Auditors</p>
            <h1 className="mt-2 text-3xl font-semibold tracking-tight text-ink sm:text-4xl">
              Independent evidence for your provenance controls
            </h1>
            <p className="mt-3 text-base text-ink-muted">
              Certified Auditors test whether Content Credentials survive on your sites and hand over hash-listed evidence
              packs your SOC 2 auditor can trace to specific controls. They do not issue SOC 2 reports themselves; they give
              your CPA firm evidence it can rely on. Filter by the stacks they audit and by capability: SOC 2 evidence
              mapping (Certified Auditor) and Compliance Pro.
            </p>
          </div>
        }
      />
    </>
  );
}
