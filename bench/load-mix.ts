// Load test: many concurrent visitors over a realistic mix of the public
// surfaces (directory search, profiles, badge images, tracking redirects, public API reads),
// against a running production build. Each virtual user is one visitor from
// their own IP: a request, a pause to read (think time), the next request.
// Prints throughput, p50/p95/p99 and errors per endpoint and overall.
//
//   npm run load -- --url http://localhost:3000 --users 1000 --duration 60 --think 5000
//
// Slugs and badge ids come from the public API; tracking-link codes from DATABASE_URL when set
// (otherwise the demo seed's "<slug>-pricing" codes). An error is any network
// failure, timeout, 5xx, 429, or a status other than the endpoint's expected one.
// With METRICS_TOKEN set (as on the server), it also reads the server's CPU time
// from /api/metrics before and after: CPU ms per request tells what the app costs
// even when other processes share the machine, and requests/s per free core follow.
import http from "node:http";
import postgres from "postgres";

interface Options {
  url: string;
  users: number;
  duration: number;
  think: number;
  ramp: number;
  timeout: number;
}

function parseArgs(argv: string[]): Options {
  const o: Options = { url: "http://localhost:3000", users: 1000, duration: 60, think: 5000, ramp: 20, timeout: 10_000 };
  for (let i = 0; i < argv.length; i += 2) {
    const key = argv[i]!.replace(/^--/, "") as keyof Options;
    const value = argv[i + 1];
    if (!(key in o) || value === undefined) throw new Error(`Unknown option ${argv[i]}. Options: --url --users --duration --think --ramp --timeout`);
    (o as unknown as Record<string, string | number>)[key] = key === "url" ? value : Number(value);
  }
  return o;
}

const opts = parseArgs(process.argv.slice(2));
const base = new URL(opts.url);
const agent = new http.Agent({ keepAlive: true, maxSockets: opts.users, maxFreeSockets: opts.users });

function get(path: string, headers: Record<string, string>): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = http.request(
      { host: base.hostname, port: base.port || 80, path, method: "GET", agent, headers: { host: base.host, ...headers }, timeout: opts.timeout },
      (res) => {
        const chunks: Buffer[] = [];
        res.on("data", (c: Buffer) => chunks.push(c));
        res.on("end", () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString("utf8") }));
        res.on("error", reject);
      },
    );
    req.on("timeout", () => req.destroy(new Error("timeout")));
    req.on("error", reject);
    req.end();
  });
}

// --- what to ask for ---------------------------------------------------------------

const QUERIES = ["", "wordpress", "shopify", "audit", "studio", "c2pa", "enterprise", "berlin", "soc 2", "workers"];
const STACKS = ["", "wordpress", "shopify", "workers", "custom"];
const REGIONS = ["", "europe", "na", "apac"];
const pick = <T,>(xs: readonly T[]): T => xs[Math.floor(Math.random() * xs.length)]!;

async function discover(): Promise<{ slugs: string[]; codes: string[]; badges: { id: string; site: string }[] }> {
  const res = await get("/api/v1/partners?pageSize=100", {});
  if (res.status !== 200) throw new Error(`GET /api/v1/partners answered ${res.status}: is the app running at ${opts.url}?`);
  const listed = JSON.parse(res.body).data as { slug: string; website?: string | null; badges: { id: string; state: string }[] }[];
  const slugs = listed.map((p) => p.slug);
  // Badge images as partner websites embed them: the page that shows one is the referrer.
  const badges = listed.flatMap((p) =>
    p.badges.filter((b) => b.state !== "revoked").map((b) => ({ id: b.id, site: p.website ?? `https://${p.slug}.example/` })),
  );
  let codes: string[] = [];
  if (process.env.DATABASE_URL) {
    const sql = postgres(process.env.DATABASE_URL, { max: 1 });
    codes = (await sql<{ code: string }[]>`select code from tracking_links where archived_at is null`).map((r) => r.code);
    await sql.end();
  }
  if (!codes.length) codes = slugs.map((s) => `${s}-pricing`);
  if (!badges.length) throw new Error("The directory lists no badges to request");
  return { slugs, codes, badges };
}

interface Endpoint {
  name: string;
  weight: number;
  expect: number;
  path: () => string;
  headers?: () => Record<string, string>;
}

function endpoints(slugs: string[], codes: string[], badges: { id: string; site: string }[]): Endpoint[] {
  const search = () => {
    const p = new URLSearchParams();
    const q = pick(QUERIES);
    const stack = pick(STACKS);
    const region = pick(REGIONS);
    if (q) p.set("q", q);
    if (stack) p.set("stack", stack);
    if (region) p.set("region", region);
    return p.toString();
  };
  let badge = pick(badges);
  return [
    { name: "directory search (page)", weight: 15, expect: 200, path: () => `/?${search()}` },
    { name: "partner profile (page)", weight: 20, expect: 200, path: () => `/partners/${pick(slugs)}` },
    {
      name: "badge image /badges/<id>",
      weight: 15,
      expect: 200,
      path: () => {
        badge = pick(badges);
        return `/badges/${badge.id}.${Math.random() < 0.8 ? "svg" : "png"}`;
      },
      headers: () => ({ referer: badge.site, accept: "image/avif,image/webp,image/svg+xml,image/*;q=0.8" }),
    },
    { name: "tracking redirect /r/<code>", weight: 20, expect: 302, path: () => `/r/${pick(codes)}` },
    { name: "API directory search", weight: 15, expect: 200, path: () => `/api/v1/partners?${search()}` },
    { name: "API partner profile", weight: 15, expect: 200, path: () => `/api/v1/partners/${pick(slugs)}` },
  ];
}

// --- the run --------------------------------------------------------------------------

interface Stats {
  times: number[];
  errors: number;
  statuses: Record<string, number>;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** The server's process CPU seconds, from /api/metrics (needs METRICS_TOKEN). */
async function serverCpuSeconds(): Promise<number | null> {
  const token = process.env.METRICS_TOKEN;
  if (!token) return null;
  const res = await get("/api/metrics", { authorization: `Bearer ${token}` }).catch(() => null);
  const line = res?.status === 200 ? res.body.split("\n").find((l) => l.startsWith("pp_process_cpu_seconds_total ")) : undefined;
  return line ? Number(line.split(" ")[1]) : null;
}

async function main() {
  const { slugs, codes, badges } = await discover();
  const mix = endpoints(slugs, codes, badges);
  const totalWeight = mix.reduce((s, e) => s + e.weight, 0);
  const choose = () => {
    let r = Math.random() * totalWeight;
    for (const e of mix) if ((r -= e.weight) < 0) return e;
    return mix[mix.length - 1]!;
  };
  const stats = new Map(mix.map((e) => [e.name, { times: [], errors: 0, statuses: {} } as Stats]));
  const started = Date.now();
  const measureFrom = started + opts.ramp * 1000;
  const end = measureFrom + opts.duration * 1000;
  console.log(
    `${opts.users} users, think time ~${opts.think} ms, ${opts.ramp} s ramp-up then ${opts.duration} s measured, against ${opts.url} ` +
      `(${slugs.length} partners, ${badges.length} badges, ${codes.length} tracking links)`,
  );

  async function user(i: number) {
    await sleep((i / opts.users) * opts.ramp * 1000);
    const headers = {
      "user-agent": "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36",
      "x-forwarded-for": `10.${(i >> 16) & 255}.${(i >> 8) & 255}.${i & 255}`,
      accept: "text/html,application/json",
    };
    while (Date.now() < end) {
      const e = choose();
      const t0 = performance.now();
      let status = 0;
      try {
        const path = e.path();
        status = (await get(path, { ...headers, ...e.headers?.() })).status;
      } catch {
        status = 0;
      }
      const ms = performance.now() - t0;
      if (Date.now() >= measureFrom && Date.now() < end) {
        const s = stats.get(e.name)!;
        s.times.push(ms);
        s.statuses[status || "network"] = (s.statuses[status || "network"] ?? 0) + 1;
        if (status !== e.expect) s.errors += 1;
      }
      await sleep(opts.think * (0.5 + Math.random()));
    }
  }

  let cpuAtStart: number | null = null;
  const cpuStart = sleep(measureFrom - Date.now()).then(async () => (cpuAtStart = await serverCpuSeconds()));
  await Promise.all(Array.from({ length: opts.users }, (_, i) => user(i)));
  await cpuStart;
  const cpuAtEnd = await serverCpuSeconds();
  agent.destroy();

  const pct = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))] ?? 0;
  const row = (name: string, s: Stats) => {
    const t = [...s.times].sort((a, b) => a - b);
    return {
      endpoint: name,
      requests: t.length,
      "req/s": +(t.length / opts.duration).toFixed(1),
      "p50 ms": +pct(t, 50).toFixed(1),
      "p95 ms": +pct(t, 95).toFixed(1),
      "p99 ms": +pct(t, 99).toFixed(1),
      "max ms": +(t[t.length - 1] ?? 0).toFixed(1),
      errors: s.errors,
      statuses: Object.entries(s.statuses).map(([k, v]) => `${k}:${v}`).join(" "),
    };
  };
  const all: Stats = { times: [], errors: 0, statuses: {} };
  for (const s of stats.values()) {
    all.times.push(...s.times);
    all.errors += s.errors;
    for (const [k, v] of Object.entries(s.statuses)) all.statuses[k] = (all.statuses[k] ?? 0) + v;
  }
  const rows = [...[...stats].map(([n, s]) => row(n, s)), row("overall", all)];
  console.table(rows);
  const overall = rows[rows.length - 1]!;
  if (cpuAtStart !== null && cpuAtEnd !== null && overall.requests > 0) {
    const cpuMs = ((cpuAtEnd - cpuAtStart) * 1000) / overall.requests;
    console.log(`Server CPU: ${cpuMs.toFixed(1)} ms per request on average (about ${Math.floor(1000 / cpuMs)} requests/s per free core for this mix)`);
  }
  const pass = overall.errors === 0 && overall["p95 ms"] < 200;
  console.log(`${pass ? "PASS" : "MISS"}: target 0 errors and p95 < 200 ms; got ${overall.errors} errors, p95 ${overall["p95 ms"]} ms, ${overall["req/s"]} req/s`);
  console.log(JSON.stringify({ users: opts.users, thinkMs: opts.think, durationS: opts.duration, rows }));
  process.exitCode = pass ? 0 : 1;
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
