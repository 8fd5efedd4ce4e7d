import { getEnv } from "@/lib/env";
import { DEFAULT_PROBE_OPTIONS, type ProbeOptions } from "./prober/probe";

/** Prober limits for this deployment (private hosts only where the env allows them). */
export function probeOptions(overrides: Partial<ProbeOptions> = {}): ProbeOptions {
  return { ...DEFAULT_PROBE_OPTIONS, allowPrivateHosts: getEnv().proberAllowPrivateHosts, ...overrides };
}
