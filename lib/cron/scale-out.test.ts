import { spawn } from "node:child_process";
import path from "node:path";
import { and, count, eq, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { auditEvents, emailOutbox, events, webhookAttempts, webhookDeliveries } from "@/db/schema";
import { registerDeal } from "@/lib/deals/register-deal";
import { emit } from "@/lib/events/emit";
import { makeTeam } from "@/lib/testing/factories";
import { startWebhookReceiver } from "@/lib/testing/webhook-receiver";
import { addEndpoint } from "@/lib/testing/webhooks";
import { withJobLock } from "./job-lock";

// Scale-out: instances share one database and must never do background work
// twice. The lock test runs everywhere; the two-worker test needs PostgreSQL
// (PGlite cannot be opened by two processes) and runs when DATABASE_URL is set.

const ROOT = path.resolve(__dirname, "../..");
const KEY = Buffer.alloc(32, 7).toString("base64");
process.env.ENCRYPTION_KEYS = KEY;
process.env.WEBHOOK_ALLOW_PRIVATE_URLS = "true";

describe("withJobLock", () => {
  it("runs a job once at a time: an overlapping call skips instead of running it again", async () => {
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    let started!: () => void;
    const running = new Promise<void>((r) => (started = r));
    let runs = 0;
    const first = withJobLock("matrix-job", async () => {
      runs++;
      started();
      await gate;
      return "first";
    });
    // The first run holds the lock once its job has started.
    await running;
    expect(await withJobLock("matrix-job", async () => ++runs)).toEqual({ ran: false });
    expect(await withJobLock("another-job", async () => "other")).toEqual({ ran: true, result: "other" });
    release();
    expect(await first).toEqual({ ran: true, result: "first" });
    expect(await withJobLock("matrix-job", async () => "again")).toEqual({ ran: true, result: "again" });
    expect(runs).toBe(1);
  });
});

function runWorker(databaseUrl: string, args: string[]): Promise<{ code: number; lines: Record<string, unknown>[]; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(path.join(ROOT, "node_modules/.bin/tsx"), ["--conditions=react-server", "scripts/worker.ts", ...args], {
      cwd: ROOT,
      env: {
        ...process.env,
        NODE_ENV: "production",
        DATABASE_URL: databaseUrl,
        CRON_SECRET: "scale-out-cron-secret-0123456789",
        ENCRYPTION_KEYS: KEY,
        WEBHOOK_ALLOW_PRIVATE_URLS: "true",
        SEED_DEMO: "false",
        LOG_LEVEL: "warn",
      },
    });
    let out = "";
    let err = "";
    child.stdout.on("data", (d: Buffer) => (out += d.toString()));
    child.stderr.on("data", (d: Buffer) => (err += d.toString()));
    child.on("error", reject);
    child.on("close", (code) =>
      resolve({ code: code ?? 1, stderr: err, lines: out.split("\n").filter((l) => l.startsWith("{")).map((l) => JSON.parse(l) as Record<string, unknown>) }),
    );
  });
}

const DAY = 86_400_000;

describe.skipIf(!process.env.DATABASE_URL)("two workers on one PostgreSQL database (needs DATABASE_URL; PGlite is one process only)", () => {
  it("deliver every webhook once and run each cron job's work once", { timeout: 180_000 }, async () => {
    const db = await getDb();
    const now = new Date();
    const receiver = await startWebhookReceiver({ secrets: () => secrets });
    let secrets: string[] = [];
    try {
      const team = await makeTeam();
      const { endpoint, secret } = await addEndpoint(team.asOwner, team.partner.id, receiver.url, ["*"], now);
      secrets = [secret];
      const DELIVERIES = 60;
      await db.transaction(async (tx) => {
        for (let i = 0; i < DELIVERIES; i++) {
          await emit(tx, { type: "partner.test", partnerId: team.partner.id, endpointId: endpoint.id, data: { message: `m${i}`, endpointId: endpoint.id, sentBy: null }, now });
        }
      });
      // Registered 100 days ago: protection has ended, the deals job expires them.
      const dealIds: string[] = [];
      for (let i = 0; i < 5; i++) {
        const { deal } = await registerDeal({
          principal: team.asOwner,
          partnerId: team.partner.id,
          input: { company: `Old ${i}`, domain: `old-${i}-${team.partner.slug}.example`, contactName: "Ol D", contactEmail: `o@old-${i}.example`, estimatedValue: 100, products: ["provenance-pro"], expectedCloseAt: "2026-12-31" },
          now: new Date(now.getTime() - 100 * DAY),
        });
        dealIds.push(deal.id);
      }

      // Everything queued for the endpoint before the workers start (the tests, and the deal registrations: it takes "*").
      const queued = (await db.select({ id: webhookDeliveries.id }).from(webhookDeliveries).where(eq(webhookDeliveries.endpointId, endpoint.id))).map((r) => r.id).sort();
      expect(queued.length).toBeGreaterThanOrEqual(DELIVERIES);

      const [{ name }] = (await db.execute(sql`select current_database() as name`)) as unknown as [{ name: string }];
      const url = new URL(process.env.DATABASE_URL!);
      url.pathname = `/${name}`;
      const args = ["--once", "--jobs", "webhooks,deals,nps-surveys,evidence-rollups", "--batch", "4"];
      const [a, b] = await Promise.all([runWorker(url.toString(), args), runWorker(url.toString(), args)]);
      expect(a.code, a.stderr).toBe(0);
      expect(b.code, b.stderr).toBe(0);

      // Webhooks: every queued delivery reached the receiver exactly once, with one attempt recorded.
      const ids = receiver.received.map((r) => r.id);
      expect(ids.length).toBe(new Set(ids).size);
      expect(queued.filter((id) => !ids.includes(id))).toEqual([]);
      const rows = await db.select().from(webhookDeliveries).where(eq(webhookDeliveries.endpointId, endpoint.id));
      const done = rows.filter((r) => r.status === "succeeded").map((r) => r.id).sort();
      expect(done).toEqual([...ids].sort());
      const attempts = await db
        .select({ id: webhookAttempts.deliveryId, n: count() })
        .from(webhookAttempts)
        .where(sql`${webhookAttempts.deliveryId} in (select id from webhook_deliveries where endpoint_id = ${endpoint.id})`)
        .groupBy(webhookAttempts.deliveryId);
      expect(attempts.filter((r) => r.n !== 1)).toEqual([]);
      // Between them the workers claimed each delivery once (small claims, SKIP LOCKED).
      const claimedBy = [a, b].map((w) => (w.lines.find((l) => l.job === "webhooks")!.result as { deliveryIds: string[] }).deliveryIds);
      expect([...claimedBy[0]!, ...claimedBy[1]!].sort()).toEqual(done);

      // Deals: each expired once — one audit entry and one event per deal.
      const [expiredAudits] = await db.select({ n: count() }).from(auditEvents).where(and(eq(auditEvents.action, "deal.expired"), sql`${auditEvents.objectId} in ${dealIds}`));
      expect(expiredAudits!.n).toBe(dealIds.length);
      const [expiredEvents] = await db.select({ n: count() }).from(events).where(and(eq(events.type, "partner.deal_expired"), eq(events.partnerId, team.partner.id)));
      expect(expiredEvents!.n).toBe(dealIds.length);

      // NPS: one survey email per recipient, not one per worker.
      const perRecipient = await db
        .select({ to: emailOutbox.toAddress, n: count() })
        .from(emailOutbox)
        .where(sql`${emailOutbox.kind} like 'nps%'`)
        .groupBy(emailOutbox.toAddress);
      expect(perRecipient.length).toBeGreaterThan(0);
      expect(perRecipient.filter((r) => r.n > 1)).toEqual([]);

      // Jobs that overlapped were skipped by the lock rather than run twice.
      const outcomes = [...a.lines, ...b.lines].filter((l) => l.job !== "webhooks").map((l) => `${l.job}:${(l.result as { alreadyRunning?: boolean }).alreadyRunning ? "skipped" : "ran"}`);
      for (const job of ["deals", "nps-surveys", "evidence-rollups"]) expect(outcomes.filter((o) => o.startsWith(`${job}:`))).toHaveLength(2);
    } finally {
      await receiver.close();
    }
  });
});
