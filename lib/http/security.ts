// Security policy for responses, as pure functions (the proxy and the API
// wrapper apply them).

/**
 * Content-Security-Policy for pages. Scripts need the per-request nonce
 * (Next.js adds it to its own scripts); styles allow inline attributes because
 * charts set them; frames of this site are refused everywhere.
 */
export function contentSecurityPolicy(nonce: string, options: { dev: boolean; https: boolean }): string {
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${options.dev ? " 'unsafe-eval'" : ""}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob: https:",
    "font-src 'self' data:",
    "connect-src 'self'",
    "frame-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
    ...(options.https ? ["upgrade-insecure-requests"] : []),
  ].join("; ");
}

/** Headers every response carries. HSTS only when the site is served over https. */
export function baseSecurityHeaders(https: boolean): Record<string, string> {
  return {
    "x-content-type-options": "nosniff",
    "referrer-policy": "strict-origin-when-cross-origin",
    "x-frame-options": "DENY",
    "permissions-policy": "camera=(), microphone=(), geolocation=(), payment=()",
    ...(https ? { "strict-transport-security": "max-age=63072000; includeSubDomains; preload" } : {}),
  };
}

/**
 * Whether a state-changing request made with cookies comes from our own pages.
 * A missing Origin falls back to Referer; `Origin: null` (sandboxed frames,
 * file://) and foreign origins are refused. API-key requests skip this check:
 * they carry no ambient credentials.
 */
export function sameOrigin(headers: Headers, allowedHosts: readonly string[]): boolean {
  const origin = headers.get("origin");
  const source = origin ?? headers.get("referer");
  if (!source || source === "null") return false;
  try {
    return allowedHosts.includes(new URL(source).host);
  } catch {
    return false;
  }
}
