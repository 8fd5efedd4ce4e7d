import { describe, expect, it } from "vitest";
import { MAX_ATTEMPTS, formatDuration, nextAttemptAt, nominalDelayMs, nominalSchedule, retryDelayMs } from "./schedule";

const MIN = 60_000;
const HOUR = 60 * MIN;

describe("retry schedule", () => {
  it.each([
    [1, 1 * MIN],
    [2, 2 * MIN],
    [3, 4 * MIN],
    [7, 64 * MIN],
    [8, 128 * MIN],
    [10, 512 * MIN],
    [11, 12 * HOUR], // 1024 min would pass the 12 h cap
    [15, 12 * HOUR], // the last retry
  ])("after failed attempt %i the nominal delay is %i ms", (attempt, delay) => {
    expect(nominalDelayMs(attempt)).toBe(delay);
  });

  it("stops after MAX_ATTEMPTS attempts", () => {
    expect(MAX_ATTEMPTS).toBe(16);
    expect(nominalDelayMs(MAX_ATTEMPTS)).toBeNull();
    expect(nominalDelayMs(MAX_ATTEMPTS + 5)).toBeNull();
    expect(retryDelayMs(MAX_ATTEMPTS, () => 0.5)).toBeNull();
    expect(nextAttemptAt(MAX_ATTEMPTS, new Date(0))).toBeNull();
  });

  it.each([0, -1, 1.5])("refuses attempt %s", (attempt) => {
    expect(() => nominalDelayMs(attempt)).toThrow(RangeError);
  });

  it.each([
    [0, 0.8],
    [0.5, 1],
    [0.999999, 1.2],
  ])("jitter with random %s scales the delay by %s", (r, factor) => {
    expect(retryDelayMs(4, () => r)).toBeCloseTo(8 * MIN * factor, -1);
  });

  it("clamps a misbehaving random source", () => {
    expect(retryDelayMs(1, () => -3)).toBe(0.8 * MIN);
    expect(retryDelayMs(1, () => 7)).toBe(1.2 * MIN);
  });

  it("runs for about three days in total", () => {
    const schedule = nominalSchedule();
    expect(schedule).toHaveLength(MAX_ATTEMPTS - 1);
    const total = schedule.at(-1)!.totalMs;
    expect(total).toBe((1023 + 5 * 720) * MIN); // 77 h 3 min
    expect(total / HOUR).toBeGreaterThan(60);
    expect(total / HOUR).toBeLessThan(96);
    // Even with the least and most jitter, it stays between 2.5 and 4 days.
    const sum = (r: number) => schedule.reduce((s, x) => s + retryDelayMs(x.attempt, () => r)!, 0);
    expect(sum(0) / HOUR).toBeGreaterThan(60);
    expect(sum(0.999999) / HOUR).toBeLessThan(96);
  });

  it("is exponential until the cap: each delay doubles the previous", () => {
    for (let n = 2; n <= 10; n++) expect(nominalDelayMs(n)).toBe(2 * nominalDelayMs(n - 1)!);
  });

  it("adds the delay to now", () => {
    expect(nextAttemptAt(1, new Date("2026-03-02T10:00:00Z"), () => 0.5)?.toISOString()).toBe("2026-03-02T10:01:00.000Z");
  });

  it.each([
    [30_000, "30 s"],
    [MIN, "1 min"],
    [128 * MIN, "2 h 8 min"],
    [12 * HOUR, "12 h"],
    [77 * HOUR + 3 * MIN, "3 d 5 h"],
  ])("formats %i ms as %s", (ms, text) => {
    expect(formatDuration(ms)).toBe(text);
  });
});
