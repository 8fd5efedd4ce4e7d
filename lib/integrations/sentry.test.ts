import { afterEach, describe, expect, it } from "vitest";
import { startFakeServer } from "@/lib/testing/fake-http";
import { parseDsn, sendToSentry } from "./sentry";

let close: (() => Promise<void>) | undefined;
afterEach(async () => {
  await close?.();
});

describe("Sentry reports", () => {
  it("turns a DSN into the envelope endpoint", () => {
    expect(parseDsn("https://abc123@o1.ingest.sentry.io/4507")).toMatchObject({
      url: "https://o1.ingest.sentry.io/api/4507/envelope/",
      publicKey: "abc123",
    });
  });

  it("posts an envelope with the exception, authenticated with the DSN key", async () => {
    const server = await startFakeServer(() => ({ status: 200, body: { id: "x" } }));
    close = server.close;
    const dsn = `http://pubkey42@127.0.0.1:${server.port}/17`;
    const ok = await sendToSentry(new TypeError("boom in payouts"), { requestId: "req-1" }, dsn, new Date("2026-03-02T10:00:00Z"));
    expect(ok).toBe(true);
    const req = server.requests[0]!;
    expect(req.path).toBe("/api/17/envelope/");
    expect(req.headers["x-sentry-auth"]).toContain("sentry_key=pubkey42");
    const [header, item, event] = req.body.split("\n").map((l) => JSON.parse(l));
    expect(header.dsn).toBe(dsn);
    expect(item).toEqual({ type: "event" });
    expect(event.exception.values[0]).toMatchObject({ type: "TypeError", value: "boom in payouts" });
    expect(event.tags).toEqual({ requestId: "req-1" });
  });

  it("returns false instead of throwing when Sentry is down", async () => {
    expect(await sendToSentry(new Error("x"), {}, "http://k@127.0.0.1:9/1")).toBe(false);
  });
});
