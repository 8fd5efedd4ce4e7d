/**
 * The client's address as the proxy in front of the app reports it: the first
 * X-Forwarded-For entry, else X-Real-IP, else "unknown". Rate limits, click
 * de-duplication and signature records key on it.
 */
export function ipFromHeaders(h: Headers): string {
  const forwarded = h.get("x-forwarded-for")?.split(",")[0]?.trim();
  return forwarded || h.get("x-real-ip") || "unknown";
}
