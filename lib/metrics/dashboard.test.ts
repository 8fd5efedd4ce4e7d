import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { countCacheLookup, countPayout, metrics, registerQueueProbe } from "./registry";

// The Grafana dashboard in ops/grafana must only chart metrics this app exports.

describe("ops/grafana/provenant-partners.json", () => {
  it("queries only metric names the registry serves", async () => {
    const file = path.resolve(__dirname, "../../ops/grafana/provenant-partners.json");
    const dashboard = JSON.parse(readFileSync(file, "utf8")) as { panels: { targets?: { expr: string }[] }[] };
    const used = new Set(dashboard.panels.flatMap((p) => p.targets ?? []).flatMap((t) => t.expr.match(/\bpp_[a-z0-9_]+/g) ?? []));
    expect(used.size).toBeGreaterThan(5);

    const m = metrics();
    m.httpRequests.inc({ route: "/x", method: "GET", status: "200" });
    m.httpDuration.observe({ route: "/x", method: "GET" }, 0.01);
    m.webhookDeliveries.inc({ outcome: "succeeded" });
    countCacheLookup("links", true);
    countPayout("paid");
    registerQueueProbe("test", async () => 1);
    const served = new Set((await m.registry.metrics()).split("\n").filter((l) => l && !l.startsWith("#")).map((l) => l.split(/[{ ]/)[0]!));
    expect([...used].filter((name) => !served.has(name))).toEqual([]);
  });
});
