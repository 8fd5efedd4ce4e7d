import { fetchLimited, type FetchFailure, type FetchLimits } from "./fetch-limited";
import { c2paManifestLinks, findEmbeddedManifest, looksLikeManifest } from "./manifest";

// Decides, for each sampled asset URL of an install, whether its Content
// Credentials survived: a remote manifest (Link rel="c2pa-manifest" whose URL
// answers 200 with a manifest) or an embedded one (JPEG APP11 JUMBF c2pa, PNG
// caBX). Every failure becomes a result with a reason; nothing here throws.

export type AssetFailure =
  | FetchFailure
  | "not_image"
  | "unsupported_format"
  | "malformed"
  | "stripped"
  | "manifest_unreachable";

/** Failures meaning the asset could not be examined at all (they count as errors). */
export const ERROR_REASONS: ReadonlySet<AssetFailure> = new Set<AssetFailure>([
  "invalid_url",
  "blocked_host",
  "unreachable",
  "timeout",
  "http_error",
  "too_large",
  "redirect_loop",
  "too_many_redirects",
  "not_image",
]);

export const REASON_LABELS: Record<AssetFailure, string> = {
  invalid_url: "Invalid URL",
  blocked_host: "Private address refused",
  unreachable: "Host unreachable",
  timeout: "Timed out",
  http_error: "HTTP error",
  too_large: "Body over the size limit",
  redirect_loop: "Redirect loop",
  too_many_redirects: "Too many redirects",
  not_image: "Not an image",
  unsupported_format: "Image format without C2PA support here",
  malformed: "Malformed image",
  stripped: "Credentials stripped",
  manifest_unreachable: "Remote manifest unreachable",
};

export interface AssetResult {
  url: string;
  survived: boolean;
  method: "embedded" | "remote" | null;
  reason: AssetFailure | null;
  detail: string | null;
  httpStatus: number | null;
  bytes: number | null;
  durationMs: number;
  manifestUrl: string | null;
}

export interface ProbeOptions extends FetchLimits {
  /** Cap for a remote manifest body. */
  manifestMaxBytes: number;
  /** Assets fetched at once for one install. */
  concurrency: number;
}

export const DEFAULT_PROBE_OPTIONS: ProbeOptions = {
  timeoutMs: 8_000,
  maxBytes: 15 * 1024 * 1024,
  maxRedirects: 5,
  allowPrivateHosts: false,
  manifestMaxBytes: 2 * 1024 * 1024,
  concurrency: 4,
};

export async function probeAsset(url: string, options: ProbeOptions, clock: () => number = Date.now): Promise<AssetResult> {
  const started = clock();
  const done = (r: Omit<AssetResult, "url" | "durationMs">): AssetResult => ({ url, durationMs: Math.max(0, Math.round(clock() - started)), ...r });
  try {
    const asset = await fetchLimited(url, options);
    if (!asset.ok) {
      return done({ survived: false, method: null, reason: asset.reason, detail: asset.detail, httpStatus: asset.status ?? null, bytes: null, manifestUrl: null });
    }
    const base = { httpStatus: asset.status, bytes: asset.body.byteLength };
    const embedded = findEmbeddedManifest(asset.body);
    if (embedded.reason === "not_image") {
      const type = asset.headers.get("content-type") ?? "unknown type";
      return done({ ...base, survived: false, method: null, reason: "not_image", detail: `The body is not an image (${type})`, manifestUrl: null });
    }
    const links = c2paManifestLinks(asset.headers.get("link"), asset.url);
    let manifestProblem: string | null = null;
    for (const manifestUrl of links) {
      const manifest = await fetchLimited(manifestUrl, { ...options, maxBytes: options.manifestMaxBytes });
      if (manifest.ok && looksLikeManifest(manifest.body, manifest.headers.get("content-type"))) {
        return done({ ...base, survived: true, method: "remote", reason: null, detail: null, manifestUrl });
      }
      manifestProblem = manifest.ok ? `${manifestUrl} answered without a manifest` : `${manifestUrl}: ${manifest.detail}`;
    }
    if (embedded.embedded) return done({ ...base, survived: true, method: "embedded", reason: null, detail: null, manifestUrl: null });
    if (manifestProblem) return done({ ...base, survived: false, method: null, reason: "manifest_unreachable", detail: manifestProblem, manifestUrl: links[0] ?? null });
    const reason = embedded.reason === "no_manifest" ? "stripped" : (embedded.reason ?? "stripped");
    const detail = reason === "stripped" ? `No Link rel="c2pa-manifest" and no embedded manifest in the ${embedded.format.toUpperCase()}` : `The ${embedded.format.toUpperCase()} could not be read`;
    return done({ ...base, survived: false, method: null, reason, detail, manifestUrl: null });
  } catch (error) {
    // Defensive: fetchLimited reports failures as values; anything else is still one failed asset.
    return done({ survived: false, method: null, reason: "unreachable", detail: (error as Error).message, httpStatus: null, bytes: null, manifestUrl: null });
  }
}

/** Runs `fn` over `items` with at most `limit` in flight; results keep the input order. */
export async function mapWithConcurrency<T, R>(items: readonly T[], limit: number, fn: (item: T, index: number) => Promise<R>): Promise<R[]> {
  const results = new Array<R>(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const i = next++;
      results[i] = await fn(items[i]!, i);
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(limit, items.length)) }, worker));
  return results;
}

export async function probeAssets(urls: readonly string[], options: ProbeOptions): Promise<AssetResult[]> {
  return mapWithConcurrency(urls, options.concurrency, (url) => probeAsset(url, options));
}

export interface CheckTotals {
  assetsChecked: number;
  assetsSurvived: number;
  survivedEmbedded: number;
  survivedRemote: number;
  errors: number;
  note: string | null;
}

/** A check's counts from its asset results. */
export function totalsOf(results: readonly AssetResult[]): CheckTotals {
  const failures = new Map<string, number>();
  let survivedEmbedded = 0;
  let survivedRemote = 0;
  let errors = 0;
  for (const r of results) {
    if (r.method === "embedded") survivedEmbedded += 1;
    if (r.method === "remote") survivedRemote += 1;
    if (r.reason && ERROR_REASONS.has(r.reason)) errors += 1;
    if (r.reason) failures.set(r.reason, (failures.get(r.reason) ?? 0) + 1);
  }
  const note = failures.size
    ? [...failures].map(([reason, n]) => `${n} ${REASON_LABELS[reason as AssetFailure].toLowerCase()}`).join(", ")
    : null;
  return { assetsChecked: results.length, assetsSurvived: survivedEmbedded + survivedRemote, survivedEmbedded, survivedRemote, errors, note };
}
