import { describe, expect, it } from "vitest";
import { inlineWorkerWanted } from "./inline-worker";

describe("inlineWorkerWanted", () => {
  it.each([
    ["development", undefined, true],
    ["development", "off", false],
    ["production", undefined, false],
    ["production", "inline", true],
    ["test", "inline", false], // never in tests
    ["test", undefined, false],
  ] as const)("NODE_ENV=%s WEBHOOK_WORKER=%s -> %s", (NODE_ENV, WEBHOOK_WORKER, expected) => {
    expect(inlineWorkerWanted({ NODE_ENV, WEBHOOK_WORKER })).toBe(expected);
  });
});
