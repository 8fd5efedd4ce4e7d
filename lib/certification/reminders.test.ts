import { describe, expect, it } from "vitest";
import { reminderToSend } from "./reminders";

const DAY = 86_400_000;
const expiresAt = new Date("2026-12-31T00:00:00Z");
const at = (daysBefore: number) => new Date(expiresAt.getTime() - daysBefore * DAY);

describe("reminderToSend", () => {
  it.each([
    [31, null, null],
    [30, null, "first"], // the window opens 30 days before expiry
    [20, at(30), null], // already reminded in this window
    [20, at(400), "first"], // a reminder from the previous cycle does not count
    [7, at(30), "final"],
    [3, at(7), null],
    [0, null, null], // expired: no reminder
  ] as const)("%i days before expiry, last reminder %s -> %s", (days, last, expected) => {
    expect(reminderToSend(expiresAt, last, at(days))).toBe(expected);
  });
});
