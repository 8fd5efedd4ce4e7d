// Benchmark: the live badge image under load, beside (a) a bare route handler
// of the same production build returning the same bytes and (b) a plain Node
// http server returning them, in the same run.
//
//   npm run build && npm run bench:badges
//
// Starts `next start` on its own port and fresh PGlite data (seeded demo),
// measures a cold request (empty cache) against a warm one, then runs
// autocannon in a separate process with 100 connections against each target
// and prints req/s and p50/p95/p99 side by side, the ratios, and the number of
// database reads the badge route made during its warm runs (must be 0).
import { execFileSync, spawn, type ChildProcess } from "node:child_process";
import { existsSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";

const ROOT = path.resolve(import.meta.dirname, "..");
const PORT = Number(process.env.BENCH_PORT ?? 3802);
const BASE = `http://127.0.0.1:${PORT}`;
const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 2);
const CONNECTIONS = 100;
const DATA_DIR = ".data/bench-badges";

type Run = { url: string; requests: number; rps: number; p50: number; p95: number; p99: number; max: number; errors: number; timeouts: number; statuses: Record<string, number> };

function sh(cmd: string, args: string[], env: Record<string, string> = {}) {
  execFileSync(cmd, args, { cwd: ROOT, stdio: "inherit", env: { ...process.env, ...env } });
}

async function waitFor(url: string, ms = 180_000) {
  const until = Date.now() + ms;
  while (Date.now() < until) {
    try {
      if ((await fetch(url)).ok) return;
    } catch {}
    await new Promise((r) => setTimeout(r, 300));
  }
  throw new Error(`server did not answer ${url}`);
}

function load(url: string, seconds = SECONDS): Run {
  const out = execFileSync(process.execPath, ["--import", "tsx", "bench/load.ts", url, String(CONNECTIONS), String(seconds)], { cwd: ROOT, encoding: "utf8" });
  return JSON.parse(out.trim().split("\n").pop()!) as Run;
}

async function badgeIds(): Promise<string[]> {
  const { PGlite } = await import("@electric-sql/pglite");
  const { pg_trgm } = await import("@electric-sql/pglite/contrib/pg_trgm");
  const db = new PGlite({ dataDir: path.join(ROOT, DATA_DIR, "pglite"), extensions: { pg_trgm } });
  const r = await db.query<{ id: string }>("select id from partner_badges order by (state = 'active') desc, id limit 4");
  await db.close();
  return r.rows.map((row) => row.id);
}

async function timed(url: string): Promise<number> {
  const t = performance.now();
  const res = await fetchRetry(url);
  await res.arrayBuffer();
  return performance.now() - t;
}

/** A GET that survives the server having closed an idle keep-alive socket meanwhile. */
async function fetchRetry(url: string): Promise<Response> {
  try {
    return await fetch(url);
  } catch {
    return fetch(url);
  }
}

const reads = async () => ((await (await fetchRetry(`${BASE}/api/bench/badge-reads`)).json()) as { reads: number }).reads;

async function main() {
  if (!existsSync(path.join(ROOT, ".next/BUILD_ID"))) sh("npm", ["run", "build"]);
  rmSync(path.join(ROOT, DATA_DIR), { recursive: true, force: true });
  const env: Record<string, string> = {
    PORT: String(PORT),
    DATA_DIR,
    DATABASE_URL: "",
    APP_URL: BASE,
    BENCH_ROUTES: "true",
    NODE_ENV: "production",
    LOG_LEVEL: "warn",
    NEXT_TELEMETRY_DISABLED: "1",
  };
  console.log(`PGlite in ${DATA_DIR}; port ${PORT}; ${CONNECTIONS} connections, ${SECONDS} s per run, ${ROUNDS} rounds`);
  sh("npx", ["tsx", "--conditions=react-server", "scripts/prepare-db.ts"], env);
  const [id, other, third] = await badgeIds();
  if (!id || !other || !third) throw new Error("the demo seed has no badges");

  const server: ChildProcess = spawn("npx", ["next", "start", "-p", String(PORT)], { cwd: ROOT, env: { ...process.env, ...env }, stdio: ["ignore", "inherit", "inherit"], detached: true });
  let plain: ChildProcess | undefined;
  try {
    await waitFor(`${BASE}/api/health`);
    // Cold (empty cache: one database read and one render) vs warm, on badges not requested before.
    const coldSvg = await timed(`${BASE}/badges/${other}.svg`);
    const warmSvg = Math.min(...(await Promise.all([0, 1, 2].map(() => timed(`${BASE}/badges/${other}.svg`)))));
    const coldPng = await timed(`${BASE}/badges/${third}.png`);
    const warmPng = Math.min(await timed(`${BASE}/badges/${third}.png`), await timed(`${BASE}/badges/${third}.png`));

    const bytes = new Uint8Array(await (await fetch(`${BASE}/badges/${id}.svg`)).arrayBuffer());
    const file = path.join(ROOT, DATA_DIR, "badge.svg");
    writeFileSync(file, bytes);
    const plainSrc = `const b=require("fs").readFileSync(${JSON.stringify(file)});require("http").createServer((q,s)=>{s.writeHead(200,{"content-type":"image/svg+xml"});s.end(b)}).listen(0,"127.0.0.1",function(){console.log(this.address().port)})`;
    plain = spawn(process.execPath, ["-e", plainSrc], { stdio: ["ignore", "pipe", "inherit"] });
    const nodePort = Number(String(await new Promise((r) => plain!.stdout!.once("data", r))).trim());

    const urls = {
      node: `http://127.0.0.1:${nodePort}/`,
      bare: `${BASE}/api/bench/badge/${id}.svg`,
      badge: `${BASE}/badges/${id}.svg`,
      png: `${BASE}/badges/${id}.png?size=lg`,
    };
    for (const u of Object.values(urls)) load(u, 2); // warm-up: compile paths, fill caches
    const before = await reads();
    const runs: Record<keyof typeof urls, Run[]> = { node: [], bare: [], badge: [], png: [] };
    for (let round = 0; round < ROUNDS; round++) for (const k of ["node", "bare", "badge", "png"] as const) runs[k].push(load(urls[k]));
    const warmReads = (await reads()) - before;
    const best = (rs: Run[]) => rs.reduce((a, b) => (b.rps > a.rps ? b : a));
    const node = best(runs.node);
    const bare = best(runs.bare);
    const badge = best(runs.badge);
    const png = best(runs.png);

    const row = (name: string, r: Run) =>
      `${name.padEnd(34)} ${r.rps.toFixed(0).padStart(8)} req/s   p50 ${r.p50.toFixed(1).padStart(6)} ms   p95 ${r.p95.toFixed(1).padStart(6)} ms   p99 ${r.p99.toFixed(1).padStart(6)} ms   non-2xx ${Object.entries(r.statuses).filter(([s]) => !s.startsWith("2")).reduce((n, [, c]) => n + c, 0) + r.errors + r.timeouts}`;
    console.log(`\n${bytes.length}-byte badge SVG`);
    console.log(row("plain Node http server", node));
    console.log(row("bare route handler, same bytes", bare));
    console.log(row("badge SVG route (warm)", badge));
    console.log(row("badge PNG route (warm, cached)", png));
    const ratio = badge.rps / bare.rps;
    console.log(`\nthroughput badge/bare route: ${ratio.toFixed(2)}x (target >= 0.80) ${ratio >= 0.8 ? "OK" : "MISSED"}`);
    console.log(`throughput badge/plain Node: ${(badge.rps / node.rps).toFixed(2)}x`);
    console.log(`p99 badge: ${badge.p99.toFixed(1)} ms (target < 50 ms) ${badge.p99 < 50 ? "OK" : "MISSED"}`);
    console.log(`database reads by the badge routes during the warm runs: ${warmReads} (target 0) ${warmReads === 0 ? "OK" : "MISSED"}`);
    console.log(`cold vs warm single request: SVG ${coldSvg.toFixed(1)} ms vs ${warmSvg.toFixed(1)} ms; PNG ${coldPng.toFixed(1)} ms (render) vs ${warmPng.toFixed(1)} ms`);
  } finally {
    plain?.kill();
    try {
      process.kill(-server.pid!, "SIGTERM");
    } catch {}
  }
}

await main();
