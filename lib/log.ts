import pino, { type Logger } from "pino";
import { getEnv } from "@/lib/env";
import { currentRequestId } from "@/lib/request-context";

// Structured logs. Production: pino, one JSON object per line on stdout, with
// the request id of the request being handled. Development and tests: one
// readable line (sign-in links must be easy to spot and click).

type Level = "debug" | "info" | "warn" | "error";
const ORDER = { debug: 10, info: 20, warn: 30, error: 40, silent: 100 } as const;

let json: Logger | undefined;

function write(level: Level, message: string, fields: Record<string, unknown> = {}): void {
  const env = getEnv();
  if (ORDER[level] < ORDER[env.LOG_LEVEL]) return;
  const requestId = currentRequestId();
  const all = requestId ? { requestId, ...fields } : fields;
  if (env.NODE_ENV === "production") {
    json ??= pino({ level: env.LOG_LEVEL === "silent" ? "silent" : env.LOG_LEVEL, base: { service: "provenant-partners" } });
    json[level](all, message);
    return;
  }
  const extra = Object.entries(all)
    .map(([k, v]) => `${k}=${typeof v === "string" ? v : JSON.stringify(v)}`)
    .join(" ");
  const stream = level === "error" || level === "warn" ? process.stderr : process.stdout;
  stream.write(`[${level}] ${message}${extra ? " " + extra : ""}\n`);
}

export const log = {
  debug: (message: string, fields?: Record<string, unknown>) => write("debug", message, fields),
  info: (message: string, fields?: Record<string, unknown>) => write("info", message, fields),
  warn: (message: string, fields?: Record<string, unknown>) => write("warn", message, fields),
  error: (message: string, fields?: Record<string, unknown>) => write("error", message, fields),
};
