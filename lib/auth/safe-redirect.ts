/** Only same-site paths: "/console/team" yes; "//evil.com", "https://evil.com", "javascript:" no. */
export function safeCallbackPath(value: unknown, fallback = "/console"): string {
  if (typeof value !== "string" || !value.startsWith("/") || value.startsWith("//") || value.startsWith("/\\")) {
    return fallback;
  }
  return value;
}
