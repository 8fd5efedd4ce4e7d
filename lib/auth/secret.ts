import "server-only";
import { randomBytes } from "node:crypto";
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { getEnv } from "@/lib/env";
import { log } from "@/lib/log";

let cached: string | undefined;

/**
 * AUTH_SECRET signs session cookies. A single machine without one gets a random
 * secret kept in DATA_DIR/auth-secret, so sessions survive restarts; several
 * instances must share an AUTH_SECRET from the environment.
 */
export function getAuthSecret(): string {
  if (cached) return cached;
  const env = getEnv();
  if (env.AUTH_SECRET) return (cached = env.AUTH_SECRET);
  const dir = path.join(/* turbopackIgnore: true */ process.cwd(), env.DATA_DIR);
  const file = path.join(dir, "auth-secret");
  if (!existsSync(file)) {
    mkdirSync(dir, { recursive: true });
    writeFileSync(file, randomBytes(32).toString("base64url"), { mode: 0o600 });
    chmodSync(file, 0o600);
    if (env.NODE_ENV === "production") {
      log.warn("AUTH_SECRET is not set: generated one in the data folder. Set AUTH_SECRET when running more than one instance.");
    }
  }
  return (cached = readFileSync(file, "utf8").trim());
}
