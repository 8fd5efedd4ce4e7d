// When a failed delivery is tried again: exponential backoff with jitter, for
// about three days. Pure: the random source is injected, so tests are exact.
//
//   delay after failed attempt n (n = 1, 2, ...) = min(12 h, 1 min × 2^(n−1)) × j,
//   with j uniform in [0.8, 1.2) (spreads retries so failed endpoints do not
//   all come back at the same second).
//
// Nominal delays: 1, 2, 4, 8, 16, 32, 64 min, 2 h 8 min, 4 h 16 min, 8 h 32 min,
// then 12 h five times. MAX_ATTEMPTS = 16 (the first try + 15 retries): the last
// retry comes about 77 hours (3.2 days) after the first attempt, nominally; with
// jitter between 62 and 92 hours. After the 16th failure the delivery is dead.

export const MAX_ATTEMPTS = 16;
export const BASE_DELAY_MS = 60_000;
export const MAX_DELAY_MS = 12 * 60 * 60_000;
export const JITTER = 0.2;

/** The nominal (jitter-free) delay after failed attempt `attempt`, or null when no retry follows. */
export function nominalDelayMs(attempt: number): number | null {
  if (!Number.isInteger(attempt) || attempt < 1) throw new RangeError("attempt must be a positive integer");
  if (attempt >= MAX_ATTEMPTS) return null;
  return Math.min(MAX_DELAY_MS, BASE_DELAY_MS * 2 ** (attempt - 1));
}

/**
 * The delay after failed attempt `attempt` (1-based, within the current retry
 * round), or null when the schedule has run out. `random` returns [0, 1).
 */
export function retryDelayMs(attempt: number, random: () => number = Math.random): number | null {
  const nominal = nominalDelayMs(attempt);
  if (nominal === null) return null;
  const r = Math.min(Math.max(random(), 0), 1);
  return Math.round(nominal * (1 - JITTER + 2 * JITTER * r));
}

/** When to try next after a failure at `now`, or null when the delivery is dead. */
export function nextAttemptAt(attempt: number, now: Date, random: () => number = Math.random): Date | null {
  const delay = retryDelayMs(attempt, random);
  return delay === null ? null : new Date(now.getTime() + delay);
}

/** The whole nominal schedule, for the docs: delay after each failed attempt. */
export function nominalSchedule(): { attempt: number; delayMs: number; totalMs: number }[] {
  const out: { attempt: number; delayMs: number; totalMs: number }[] = [];
  let total = 0;
  for (let n = 1; n < MAX_ATTEMPTS; n++) {
    const delayMs = nominalDelayMs(n)!;
    total += delayMs;
    out.push({ attempt: n, delayMs, totalMs: total });
  }
  return out;
}

/** "1 min", "2 h 8 min", "3 d 5 h". */
export function formatDuration(ms: number): string {
  if (ms < 60_000) return `${Math.round(ms / 1000)} s`;
  const minutes = Math.round(ms / 60_000);
  const d = Math.floor(minutes / 1440);
  const h = Math.floor((minutes % 1440) / 60);
  const m = minutes % 60;
  return [d ? `${d} d` : "", h ? `${h} h` : "", m && !d ? `${m} min` : ""].filter(Boolean).join(" ") || "0 min";
}
