// Serves the production build from several Node.js processes on one port
// (node:cluster: the primary accepts connections and hands them out in turn),
// so one machine's cores all serve requests. Each worker is a full app
// instance: caches are per process, cron and webhook work is shared through
// the database as between separate instances (README: "Scale-out").
//
//   WEB_CONCURRENCY=2 PORT=3000 node scripts/cluster.mjs      (npm run start:cluster)
//
// Needs DATABASE_URL: the embedded PGlite database belongs to one process.
import cluster from "node:cluster";
import { createServer } from "node:http";
import { availableParallelism } from "node:os";

const port = Number(process.env.PORT ?? 3000);
const hostname = process.env.HOSTNAME ?? "0.0.0.0";
const workers = Math.max(1, Number(process.env.WEB_CONCURRENCY ?? availableParallelism()));

if (cluster.isPrimary) {
  if (!process.env.DATABASE_URL) {
    console.error("start:cluster needs DATABASE_URL (PostgreSQL): the embedded PGlite database cannot be shared between processes. Use `npm start`.");
    process.exit(1);
  }
  let stopping = false;
  for (let i = 0; i < workers; i++) cluster.fork();
  cluster.on("exit", (worker, code, signal) => {
    if (stopping) return;
    console.error(`worker ${worker.process.pid} exited (${signal ?? code}); starting another`);
    cluster.fork();
  });
  const stop = () => {
    stopping = true;
    for (const w of Object.values(cluster.workers ?? {})) w?.kill("SIGTERM");
    setTimeout(() => process.exit(0), 5_000).unref();
  };
  process.on("SIGTERM", stop);
  process.on("SIGINT", stop);
  console.log(`Serving on http://${hostname === "0.0.0.0" ? "localhost" : hostname}:${port} with ${workers} worker processes`);
} else {
  const { default: next } = await import("next");
  const app = next({ dev: false, hostname, port });
  const handle = app.getRequestHandler();
  await app.prepare();
  createServer((req, res) => handle(req, res)).listen(port, hostname);
  process.on("SIGTERM", () => process.exit(0));
}
