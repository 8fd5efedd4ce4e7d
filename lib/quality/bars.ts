import type { Stack } from "@/lib/partners/constants";

// The program's quality bars, in one place.

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

/** Time to install (install started -> first verified survival check), per stack. */
export const TTI_BAR_MS: Record<Stack, number> = {
  wordpress: 15 * MINUTE,
  shopify: 15 * MINUTE,
  workers: 24 * HOUR,
  custom: 24 * HOUR,
};

/** Remote-manifest survival bar, in percent. */
export const SURVIVAL_BAR_PCT = 99.9;

export function ttiWithinBar(stack: Stack, ttiMs: number): boolean {
  return ttiMs <= TTI_BAR_MS[stack];
}
