// npm run bench:webhooks — queues 10,000 webhook deliveries against a local
// receiver and drains them with the real worker (claim with SKIP LOCKED, sign,
// POST, record), then prints deliveries per second next to a baseline measured
// in the same run: the same signed POSTs to the same receiver, without the database.
//
// Embedded PGlite in memory by default; with DATABASE_URL, a scratch database on
// that server (created and dropped here). Options: --count=N --batch=N --concurrency=N
import { randomBytes } from "node:crypto";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { performance } from "node:perf_hooks";
import { useDbHandle } from "@/db/client";
import { partners, webhookEndpoints } from "@/db/schema";
import { encryptSecret } from "@/lib/crypto/secrets";
import { getEnv } from "@/lib/env";
import { emit } from "@/lib/events/emit";
import { deliverDue } from "@/lib/webhooks/deliver-due";
import { postWebhook } from "@/lib/webhooks/post";
import { generateSigningSecret, secretHint, signatureHeaders } from "@/lib/webhooks/signing";
import { openBenchDb } from "./fresh-db";

const arg = (name: string, fallback: number) => Number(process.argv.find((a) => a.startsWith(`--${name}=`))?.split("=")[1] ?? fallback);
const COUNT = arg("count", 10_000);
const BATCH = arg("batch", 200);
const CONCURRENCY = arg("concurrency", 32);
const policy = { allowPrivate: true };

async function main() {
  let received = 0;
  const server = createServer((req, res) => {
    req.resume();
    req.on("end", () => {
      received += 1;
      res.writeHead(204).end();
    });
  });
  server.keepAliveTimeout = 30_000;
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`;

  const { handle, label, close } = await openBenchDb(getEnv().DATABASE_URL, { max: 10 });
  useDbHandle(handle);
  const db = handle.db;
  const now = new Date();
  const secret = generateSigningSecret();
  const [partner] = await db
    .insert(partners)
    .values({ slug: `bench-${randomBytes(3).toString("hex")}`, name: "Bench partner", track: "installer", status: "active" })
    .returning();
  await db.insert(webhookEndpoints).values({
    partnerId: partner!.id,
    url,
    eventTypes: ["*"],
    secretEncrypted: encryptSecret(secret),
    secretHint: secretHint(secret),
  });

  const data = { from: "verified", to: "advanced", effectiveAt: now.toISOString(), reason: "Benchmark" } as const;
  const body = JSON.stringify({ id: "evt_bench", type: "partner.tier.changed", timestamp: now.toISOString(), data });

  // Baseline: the same signed POSTs, same client and concurrency, no database.
  let next = 0;
  const t0 = performance.now();
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      while (next < COUNT) {
        const i = next++;
        const headers = signatureHeaders({ id: `whd_bench${i}`, timestamp: new Date(), body, secrets: [secret] });
        const r = await postWebhook({ url, headers: { ...headers }, body, timeoutMs: 10_000, policy });
        if (r.status !== 204) throw new Error(`baseline POST failed: ${r.error ?? r.status}`);
      }
    }),
  );
  const rawSeconds = (performance.now() - t0) / 1000;

  // Queue: emit() in the caller's transaction, 500 events per transaction.
  const q0 = performance.now();
  for (let done = 0; done < COUNT; ) {
    const n = Math.min(500, COUNT - done);
    await db.transaction(async (tx) => {
      for (let i = 0; i < n; i++) await emit(tx, { type: "partner.tier.changed", partnerId: partner!.id, data, now });
    });
    done += n;
  }
  const queueSeconds = (performance.now() - q0) / 1000;

  // Drain with the worker.
  received = 0;
  let succeeded = 0;
  const d0 = performance.now();
  for (;;) {
    const r = await deliverDue({ now, limit: BATCH, concurrency: CONCURRENCY, policy });
    succeeded += r.succeeded;
    if (r.failed || r.dead) throw new Error(`deliveries failed: ${JSON.stringify(r.items.find((i) => i.status !== "succeeded"))}`);
    if (r.claimed === 0) break;
  }
  const drainSeconds = (performance.now() - d0) / 1000;
  if (succeeded !== COUNT || received !== COUNT) throw new Error(`expected ${COUNT} deliveries, got ${succeeded} recorded and ${received} received`);

  const perSecond = (n: number, s: number) => Math.round(n / s).toLocaleString("en-US");
  console.log(`Webhook delivery benchmark — ${COUNT.toLocaleString("en-US")} deliveries, ${label}, batch ${BATCH}, concurrency ${CONCURRENCY}`);
  console.log(`  baseline: raw signed HTTP POSTs (no database)  ${perSecond(COUNT, rawSeconds).padStart(8)} /s   (${rawSeconds.toFixed(2)} s)`);
  console.log(`  queue:    emit() into the outbox               ${perSecond(COUNT, queueSeconds).padStart(8)} /s   (${queueSeconds.toFixed(2)} s)`);
  console.log(`  drain:    deliverDue() claim + POST + record   ${perSecond(COUNT, drainSeconds).padStart(8)} /s   (${drainSeconds.toFixed(2)} s)`);
  console.log(`  the worker reaches ${((rawSeconds / drainSeconds) * 100).toFixed(0)}% of the raw HTTP rate`);

  await close();
  server.closeAllConnections();
  server.close();
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
