import { DirectoryView } from "@/components/partners/directory-view";
import { LiveRefresh } from "@/components/partners/live-refresh";
import { directoryGeneration } from "@/lib/directory/cache";
import { searchDirectory } from "@/lib/directory/search";
import { readDirectoryParams } from "@/lib/partners/directory-params";

export default async function DirectoryPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const { query, params, error } = readDirectoryParams(await searchParams);
  const [result, generation] = await Promise.all([searchDirectory(query, new Date()), directoryGeneration()]);
  return (
    <>
      <LiveRefresh generation={generation} />
      <DirectoryView
        path="/"
        result={result}
        params={params}
        filterError={error}
        intro={
          <div className="max-w-3xl">
            <p className="text-sm font-semibold text-brand-700">Partner directory</p>
            <h1 className="mt-2 text-3xl font-semibold tracking-tight text-ink sm:text-4xl">
              Find a certified partner for Content Credentials
            </h1>
            <p className="mt-3 text-base text-ink-muted">
              Installers, auditors and enterprise integrators who keep C2PA provenance alive on real websites — ranked by
              measured survival, time to install and customer NPS, every listing backed by public proof links you can check
              yourself.
            </p>
          </div>
        }
      />
    </>
  );
}
