// A background worker: runs the cron jobs (the same handlers /api/cron/* serves,
// with the same once-at-a-time lock) and drains due webhook deliveries. For
// hosts without an HTTP scheduler, or to keep background work off the web
// instances. Any number of workers and web instances may share one PostgreSQL
// database: jobs take an advisory lock, deliveries are claimed with SKIP LOCKED.
//
//   npm run worker                      every job each --interval seconds (default 60)
//   npm run worker -- --once            every job once, then exit
//   npm run worker -- --once --jobs deals,webhooks --batch 10
//
// Prints one JSON line per job run.
import { closeConnections, envOrExit, fail } from "./cli";

const JOBS = {
  webhooks: () => import("@/app/api/cron/webhooks/route"),
  attribution: () => import("@/app/api/cron/attribution/route"),
  commissions: () => import("@/app/api/cron/commissions/route"),
  deals: () => import("@/app/api/cron/deals/route"),
  "evidence-rollups": () => import("@/app/api/cron/evidence-rollups/route"),
  "nps-surveys": () => import("@/app/api/cron/nps-surveys/route"),
  "survival-probes": () => import("@/app/api/cron/survival-probes/route"),
} as const;
type JobName = keyof typeof JOBS;

function option(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

const env = envOrExit();
const once = process.argv.includes("--once");
const interval = Number(option("interval") ?? 60) * 1000;
const batch = option("batch") ? Number(option("batch")) : undefined;
const names = (option("jobs")?.split(",") ?? Object.keys(JOBS)) as JobName[];
for (const n of names) if (!(n in JOBS)) fail(new Error(`Unknown job "${n}". Jobs: ${Object.keys(JOBS).join(", ")}`));

async function runJob(name: JobName): Promise<void> {
  const started = Date.now();
  let result: unknown;
  if (name === "webhooks" && batch) {
    // Small claims, repeated until nothing is due: shows (and tests) sharing with other workers.
    const { deliverDue } = await import("@/lib/webhooks/deliver-due");
    const totals = { claimed: 0, succeeded: 0, failed: 0, dead: 0, deliveryIds: [] as string[] };
    for (;;) {
      const r = await deliverDue({ now: new Date(), limit: batch });
      if (r.claimed === 0) break;
      totals.claimed += r.claimed;
      totals.succeeded += r.succeeded;
      totals.failed += r.failed;
      totals.dead += r.dead;
      totals.deliveryIds.push(...r.items.map((i) => i.deliveryId));
    }
    result = totals;
  } else {
    const route = (await JOBS[name]()) as { POST: (req: Request) => Promise<Response> };
    const headers: Record<string, string> = env.CRON_SECRET ? { authorization: `Bearer ${env.CRON_SECRET}` } : {};
    const res = await route.POST(new Request(`${env.APP_URL}/api/cron/${name}`, { method: "POST", headers }));
    result = { status: res.status, ...((await res.json()) as object) };
  }
  console.log(JSON.stringify({ worker: process.pid, job: name, ms: Date.now() - started, result }));
}

try {
  for (;;) {
    for (const name of names) await runJob(name);
    if (once) break;
    await new Promise((r) => setTimeout(r, interval));
  }
  await closeConnections();
} catch (error) {
  fail(error);
}
