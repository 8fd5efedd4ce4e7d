import { nextAttemptAt } from "./schedule";

// What one delivery attempt changes: the delivery's status and next try, and
// the endpoint's health. Pure: plain data and `now` in, plain data out.
//
// - 2xx: the delivery succeeded; the endpoint is healthy again.
// - 410 Gone: the receiver says the endpoint no longer exists: the delivery is
//   dead and the endpoint is disabled at once.
// - anything else (other statuses, timeouts, refused connections): retried on
//   the schedule (lib/webhooks/schedule.ts); once it runs out the delivery is dead.
// - After FAILING_NOTICE_AFTER_MS of nothing but failures the owners get one
//   email; when a delivery runs out of retries while the endpoint has been
//   failing for at least that long, the endpoint is disabled and owners are told.

export const FAILING_NOTICE_AFTER_MS = 24 * 60 * 60_000;

export type AttemptOutcome = "success" | "gone" | "failure";

export function classifyResponse(status: number | null): AttemptOutcome {
  if (status !== null && status >= 200 && status < 300) return "success";
  if (status === 410) return "gone";
  return "failure";
}

export interface DeliveryDecision {
  status: "succeeded" | "failed" | "dead";
  nextAttemptAt: Date | null;
  /** The delivery ran out of retries (not a 410 or a disabled endpoint). */
  exhausted: boolean;
}

/**
 * `roundAttempts` counts the attempts of this retry round before this one
 * (a manual resend starts a new round). A disabled endpoint gets no retries.
 */
export function decideDelivery(args: {
  outcome: AttemptOutcome;
  roundAttempts: number;
  endpointActive: boolean;
  now: Date;
  random: () => number;
}): DeliveryDecision {
  if (args.outcome === "success") return { status: "succeeded", nextAttemptAt: null, exhausted: false };
  if (args.outcome === "gone" || !args.endpointActive) return { status: "dead", nextAttemptAt: null, exhausted: false };
  const next = nextAttemptAt(args.roundAttempts + 1, args.now, args.random);
  return next ? { status: "failed", nextAttemptAt: next, exhausted: false } : { status: "dead", nextAttemptAt: null, exhausted: true };
}

export interface EndpointHealth {
  status: "active" | "disabled";
  consecutiveFailures: number;
  failingSince: Date | null;
  failureNotifiedAt: Date | null;
  lastSuccessAt: Date | null;
  lastFailureAt: Date | null;
}

export interface HealthDecision {
  health: EndpointHealth;
  /** Disable the endpoint now, for this reason. */
  disable: "gone" | "failing" | null;
  /** Tell the owners that the endpoint keeps failing (once per run of failures). */
  notifyFailing: boolean;
}

export function decideHealth(health: EndpointHealth, outcome: AttemptOutcome, delivery: DeliveryDecision, now: Date): HealthDecision {
  if (outcome === "success") {
    return {
      health: { ...health, consecutiveFailures: 0, failingSince: null, failureNotifiedAt: null, lastSuccessAt: now },
      disable: null,
      notifyFailing: false,
    };
  }
  const failingSince = health.failingSince ?? now;
  const next: EndpointHealth = { ...health, consecutiveFailures: health.consecutiveFailures + 1, failingSince, lastFailureAt: now };
  if (health.status !== "active") return { health: next, disable: null, notifyFailing: false };
  if (outcome === "gone") return { health: next, disable: "gone", notifyFailing: false };
  const failingLong = now.getTime() - failingSince.getTime() >= FAILING_NOTICE_AFTER_MS;
  if (delivery.exhausted && failingLong) return { health: next, disable: "failing", notifyFailing: false };
  if (failingLong && !health.failureNotifiedAt) {
    return { health: { ...next, failureNotifiedAt: now }, disable: null, notifyFailing: true };
  }
  return { health: next, disable: null, notifyFailing: false };
}

/** Which secrets sign a request at `now`: the current one, and the previous one until it expires. */
export function signingSecrets(current: string, previous: string | null, previousExpiresAt: Date | null, now: Date): string[] {
  return previous && previousExpiresAt && previousExpiresAt.getTime() > now.getTime() ? [current, previous] : [current];
}
