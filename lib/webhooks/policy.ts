import { getEnv } from "@/lib/env";
import type { UrlPolicy } from "./url-safety";

/**
 * Private and loopback targets (and plain http to them) are allowed outside
 * production, or when WEBHOOK_ALLOW_PRIVATE_URLS says so explicitly (test
 * deployments); `WEBHOOK_ALLOW_PRIVATE_URLS=false` refuses them in development too.
 */
export function urlPolicy(): UrlPolicy {
  const env = getEnv();
  return { allowPrivate: env.WEBHOOK_ALLOW_PRIVATE_URLS ?? env.NODE_ENV !== "production" };
}
