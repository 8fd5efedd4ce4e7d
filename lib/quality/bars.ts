import type { Stack } from "@/lib/partners/constants";
import { SURVIVAL_BAR, TTI_BAR_SECONDS } from "./rules";

// The program's quality bars in the units the certification rules use; the
// source of truth is lib/quality/rules.ts.

/** Time to install (install started -> first verified survival check), per stack, in ms. */
export const TTI_BAR_MS: Record<Stack, number> = {
  wordpress: TTI_BAR_SECONDS.wordpress * 1000,
  shopify: TTI_BAR_SECONDS.shopify * 1000,
  workers: TTI_BAR_SECONDS.workers * 1000,
  custom: TTI_BAR_SECONDS.custom * 1000,
};

/** Remote-manifest survival bar, in percent. */
export const SURVIVAL_BAR_PCT = SURVIVAL_BAR * 100;

export function ttiWithinBar(stack: Stack, ttiMs: number): boolean {
  return ttiMs <= TTI_BAR_MS[stack];
}
