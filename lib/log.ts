import { getEnv } from "@/lib/env";

// Structured logs: one JSON object per line in production (for log shippers),
// a readable line in development and tests.

const LEVELS = { debug: 10, info: 20, warn: 30, error: 40, silent: 100 } as const;
type Level = Exclude<keyof typeof LEVELS, "silent">;

function write(level: Level, message: string, fields: Record<string, unknown> = {}): void {
  const env = getEnv();
  if (LEVELS[level] < LEVELS[env.LOG_LEVEL]) return;
  const stream = level === "error" || level === "warn" ? process.stderr : process.stdout;
  if (env.NODE_ENV === "production") {
    stream.write(JSON.stringify({ level, time: new Date().toISOString(), msg: message, ...fields }) + "\n");
    return;
  }
  const extra = Object.entries(fields)
    .map(([k, v]) => `${k}=${typeof v === "string" ? v : JSON.stringify(v)}`)
    .join(" ");
  stream.write(`[${level}] ${message}${extra ? " " + extra : ""}\n`);
}

export const log = {
  debug: (message: string, fields?: Record<string, unknown>) => write("debug", message, fields),
  info: (message: string, fields?: Record<string, unknown>) => write("info", message, fields),
  warn: (message: string, fields?: Record<string, unknown>) => write("warn", message, fields),
  error: (message: string, fields?: Record<string, unknown>) => write("error", message, fields),
};
