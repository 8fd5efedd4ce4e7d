import { spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";

// `npm start` runs scripts/prepare-db.ts, then `next start` once it exits. With Redis
// configured, seeding the demo opens a Redis connection (the directory cache); the script
// must close it and exit, or the server never starts. Needs REDIS_URL (CI starts a Redis
// for the PostgreSQL pass); runs on a fresh embedded database of its own.

const ROOT = path.resolve(__dirname, "..");
const redisUrl = process.env.REDIS_URL;

describe.skipIf(!redisUrl)("prepare-db with Redis configured (needs REDIS_URL)", () => {
  it("migrates, seeds the demo and exits, so `npm start` goes on to start the server", { timeout: 180_000 }, async () => {
    const dataDir = mkdtempSync(path.join(os.tmpdir(), "pp-prepare-"));
    try {
      const result = await new Promise<{ code: number | null; out: string; hung: boolean }>((resolve, reject) => {
        const env: NodeJS.ProcessEnv = { ...process.env, REDIS_URL: redisUrl, DATA_DIR: dataDir, NODE_ENV: "production", LOG_LEVEL: "warn" };
        delete env.DATABASE_URL;
        // Its own process group: tsx runs the script in a child process, and both must go.
        const child = spawn(path.join(ROOT, "node_modules/.bin/tsx"), ["--conditions=react-server", "scripts/prepare-db.ts"], { cwd: ROOT, env, detached: true });
        let out = "";
        let hung = false;
        let timer: NodeJS.Timeout | undefined;
        child.stdout.on("data", (d: Buffer) => {
          out += d.toString();
          // Once it says the database is ready it has nothing left to do but exit.
          if (!timer && out.includes("Database ready")) {
            timer = setTimeout(() => {
              hung = true;
              process.kill(-child.pid!, "SIGKILL");
            }, 20_000);
          }
        });
        child.stderr.on("data", (d: Buffer) => (out += d.toString()));
        child.on("error", reject);
        child.on("exit", (code) => {
          clearTimeout(timer);
          resolve({ code, out, hung });
        });
      });
      expect(result.out).toContain("Seeded the demo");
      expect(result.hung, "prepare-db was still running 20 s after the database was ready").toBe(false);
      expect(result.code).toBe(0);
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
