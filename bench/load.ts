// One load run, in its own process: autocannon against one URL, every response
// time recorded, so p50/p95/p99 are exact (autocannon's own summary has no p95).
// Prints one JSON line. Usage: tsx bench/load.ts <url> <connections> <seconds>
import autocannon from "autocannon";

const [url, connections = "100", seconds = "10"] = process.argv.slice(2);
if (!url) throw new Error("usage: load.ts <url> <connections> <seconds>");

const times: number[] = [];
const statuses: Record<string, number> = {};
const result = await new Promise<autocannon.Result>((resolve, reject) => {
  const instance = autocannon(
    {
      url,
      connections: Number(connections),
      duration: Number(seconds),
      headers: {
        "user-agent": "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36",
        referer: "https://news.example/post",
      },
      setupClient(client) {
        client.on("response", (status: number, _bytes: number, responseTime: number) => {
          times.push(responseTime);
          statuses[status] = (statuses[status] ?? 0) + 1;
        });
      },
    },
    (error, r) => (error ? reject(error) : resolve(r)),
  );
  process.once("SIGINT", () => instance.stop());
});

times.sort((a, b) => a - b);
const pct = (p: number) => times[Math.min(times.length - 1, Math.max(0, Math.ceil((p / 100) * times.length) - 1))] ?? 0;
console.log(
  JSON.stringify({
    url,
    requests: times.length,
    rps: times.length / result.duration,
    p50: pct(50),
    p95: pct(95),
    p99: pct(99),
    max: times[times.length - 1] ?? 0,
    errors: result.errors,
    timeouts: result.timeouts,
    statuses,
  }),
);
