import { describe, expect, it } from "vitest";
import { FAILING_NOTICE_AFTER_MS, classifyResponse, decideDelivery, decideHealth, signingSecrets, type EndpointHealth } from "./rules";
import { MAX_ATTEMPTS } from "./schedule";

const NOW = new Date("2026-03-02T10:00:00.000Z");
const ago = (ms: number) => new Date(NOW.getTime() - ms);
const half = () => 0.5;

describe("classifyResponse", () => {
  it.each([
    [200, "success"],
    [204, "success"],
    [299, "success"],
    [300, "failure"],
    [301, "failure"], // redirects are not followed
    [400, "failure"],
    [404, "failure"],
    [410, "gone"],
    [429, "failure"],
    [500, "failure"],
    [null, "failure"], // timeout, refused, DNS
  ] as const)("%s -> %s", (status, outcome) => {
    expect(classifyResponse(status)).toBe(outcome);
  });
});

describe("decideDelivery", () => {
  it.each([
    ["success", 0, true, "succeeded", null, false],
    ["success", 9, false, "succeeded", null, false],
    ["gone", 0, true, "dead", null, false],
    ["failure", 0, false, "dead", null, false], // endpoint disabled meanwhile
    ["failure", 0, true, "failed", 60_000, false],
    ["failure", 1, true, "failed", 120_000, false],
    ["failure", MAX_ATTEMPTS - 2, true, "failed", 12 * 3_600_000, false], // the last retry
    ["failure", MAX_ATTEMPTS - 1, true, "dead", null, true],
  ] as const)("%s after %i earlier attempts (endpoint active: %s) -> %s", (outcome, roundAttempts, endpointActive, status, delay, exhausted) => {
    const d = decideDelivery({ outcome, roundAttempts, endpointActive, now: NOW, random: half });
    expect(d.status).toBe(status);
    expect(d.nextAttemptAt?.getTime() ?? null).toBe(delay === null ? null : NOW.getTime() + delay);
    expect(d.exhausted).toBe(exhausted);
  });
});

describe("decideHealth", () => {
  const healthy: EndpointHealth = {
    status: "active",
    consecutiveFailures: 0,
    failingSince: null,
    failureNotifiedAt: null,
    lastSuccessAt: ago(3_600_000),
    lastFailureAt: null,
  };
  const retry = { status: "failed", nextAttemptAt: NOW, exhausted: false } as const;
  const exhausted = { status: "dead", nextAttemptAt: null, exhausted: true } as const;

  it("a success resets the failure run", () => {
    const failing = { ...healthy, consecutiveFailures: 7, failingSince: ago(FAILING_NOTICE_AFTER_MS * 2), failureNotifiedAt: ago(1000) };
    const d = decideHealth(failing, "success", { status: "succeeded", nextAttemptAt: null, exhausted: false }, NOW);
    expect(d.health).toMatchObject({ consecutiveFailures: 0, failingSince: null, failureNotifiedAt: null, lastSuccessAt: NOW });
    expect(d.disable).toBeNull();
  });

  it("a first failure starts the run without telling anyone", () => {
    const d = decideHealth(healthy, "failure", retry, NOW);
    expect(d.health).toMatchObject({ consecutiveFailures: 1, failingSince: NOW, lastFailureAt: NOW });
    expect(d).toMatchObject({ disable: null, notifyFailing: false });
  });

  it("410 disables at once", () => {
    expect(decideHealth(healthy, "gone", { status: "dead", nextAttemptAt: null, exhausted: false }, NOW).disable).toBe("gone");
  });

  it.each([
    ["just under a day of failures: nothing yet", FAILING_NOTICE_AFTER_MS - 1, null, retry, null, false],
    ["exactly a day: owners are told once", FAILING_NOTICE_AFTER_MS, null, retry, null, true],
    ["already told: not again", FAILING_NOTICE_AFTER_MS * 2, ago(1000), retry, null, false],
    ["retries ran out after a day of failures: disabled", FAILING_NOTICE_AFTER_MS, ago(1000), exhausted, "failing", false],
    ["retries ran out but the endpoint worked recently: kept", FAILING_NOTICE_AFTER_MS - 1, null, exhausted, null, false],
  ] as const)("%s", (_name, failingFor, notifiedAt, delivery, disable, notify) => {
    const state = { ...healthy, consecutiveFailures: 3, failingSince: ago(failingFor), failureNotifiedAt: notifiedAt };
    const d = decideHealth(state, "failure", delivery, NOW);
    expect(d.disable).toBe(disable);
    expect(d.notifyFailing).toBe(notify);
    if (notify) expect(d.health.failureNotifiedAt).toEqual(NOW);
  });

  it("a disabled endpoint is never disabled again", () => {
    const disabled = { ...healthy, status: "disabled" as const, failingSince: ago(FAILING_NOTICE_AFTER_MS * 3) };
    expect(decideHealth(disabled, "gone", exhausted, NOW)).toMatchObject({ disable: null, notifyFailing: false });
    expect(decideHealth(disabled, "failure", exhausted, NOW)).toMatchObject({ disable: null, notifyFailing: false });
  });
});

describe("signingSecrets", () => {
  it.each([
    [null, null, ["new"]],
    ["old", new Date(NOW.getTime() + 1), ["new", "old"]],
    ["old", NOW, ["new"]], // expires exactly now
    ["old", ago(1), ["new"]],
  ] as const)("previous %s until %s -> %j", (previous, expires, expected) => {
    expect(signingSecrets("new", previous, expires, NOW)).toEqual(expected);
  });
});
