import "server-only";
import { getDb } from "@/db/client";
import { log } from "@/lib/log";
import { insertClicks, type ClickRecord } from "./store";

// Clicks are recorded without blocking the redirect: the handler pushes them
// here, and they are written with one bulk INSERT per batch — when BATCH_SIZE
// are waiting or every FLUSH_INTERVAL_MS, whichever comes first. On SIGTERM /
// SIGINT / beforeExit the buffer is flushed (best effort: Next.js finishes its
// in-flight requests before exiting, which gives the flush time to land).
// A failed write keeps the clicks for the next attempt, up to MAX_BUFFERED.

export const BATCH_SIZE = 1000;
export const FLUSH_INTERVAL_MS = 250;
const MAX_BUFFERED = 200_000;

class ClickBuffer {
  private queue: ClickRecord[] = [];
  private flushing: Promise<number> | null = null;
  private timer: NodeJS.Timeout | null = null;
  private hooked = false;
  /** Clicks written since the process started (for logs and the benchmark). */
  written = 0;

  get size(): number {
    return this.queue.length;
  }

  push(click: ClickRecord): void {
    this.queue.push(click);
    if (this.queue.length > MAX_BUFFERED) {
      const dropped = this.queue.splice(0, this.queue.length - MAX_BUFFERED);
      log.error("click buffer full: dropped the oldest clicks", { dropped: dropped.length });
    }
    this.ensureTimer();
    if (this.queue.length >= BATCH_SIZE && !this.flushing) void this.flush();
  }

  /** Writes everything buffered now (and waits for a flush already running). */
  async flush(): Promise<number> {
    if (this.flushing) {
      await this.flushing;
      if (!this.queue.length) return 0;
    }
    if (!this.queue.length) return 0;
    this.flushing = this.drain().finally(() => {
      this.flushing = null;
    });
    return this.flushing;
  }

  private async drain(): Promise<number> {
    let total = 0;
    while (this.queue.length) {
      const batch = this.queue.splice(0, BATCH_SIZE);
      try {
        await insertClicks(await getDb(), batch);
        total += batch.length;
        this.written += batch.length;
      } catch (error) {
        this.queue.unshift(...batch);
        log.warn("click batch write failed; will retry", { clicks: batch.length, error: error instanceof Error ? error.message : String(error) });
        break;
      }
    }
    return total;
  }

  private ensureTimer(): void {
    if (!this.timer) {
      this.timer = setInterval(() => {
        if (this.queue.length && !this.flushing) void this.flush();
      }, FLUSH_INTERVAL_MS);
      this.timer.unref();
    }
    if (!this.hooked) {
      this.hooked = true;
      const onExit = () => {
        if (this.queue.length) void this.flush().catch(() => undefined);
      };
      process.prependListener("SIGTERM", onExit);
      process.prependListener("SIGINT", onExit);
      process.once("beforeExit", onExit);
    }
  }

  /** Tests: forget everything buffered. */
  clear(): void {
    this.queue = [];
  }
}

const g = globalThis as typeof globalThis & { __ppClickBuffer?: ClickBuffer };

export function clickBuffer(): ClickBuffer {
  return (g.__ppClickBuffer ??= new ClickBuffer());
}

/** Writes buffered clicks now: before matching a conversion that may name a click made a moment ago. */
export async function flushClicks(): Promise<number> {
  return g.__ppClickBuffer ? g.__ppClickBuffer.flush() : 0;
}
