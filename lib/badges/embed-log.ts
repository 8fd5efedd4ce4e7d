import "server-only";
import { getDb } from "@/db/client";
import { getEnv } from "@/lib/env";
import { log } from "@/lib/log";
import { isDeclaredHost, isNeutralHost, refererHost } from "./rules";
import { addEmbedCounts, badgeOwners, declaredHosts, type EmbedCount } from "./store";
import { recordFindings } from "./violations";

// Where badge images are shown, from the Referer of image requests. The image
// handler only bumps a counter in memory (badge id + host); the counts are
// written with one upsert per flush, every FLUSH_INTERVAL_MS or when
// MAX_KEYS distinct pairs are waiting. After writing, hosts the badge's holder
// has not declared (pages' hosts and the listing's website) open an
// "undeclared_domain" violation; a pair already flagged is not looked at again
// for RECHECK_MS.

export const FLUSH_INTERVAL_MS = 5_000;
const MAX_KEYS = 5_000;
const RECHECK_MS = 60 * 60_000;

interface Pending {
  badgeId: string;
  host: string;
  requests: number;
  firstSeenAt: number;
  lastSeenAt: number;
}

class EmbedLog {
  private pending = new Map<string, Pending>();
  private checked = new Map<string, number>();
  private timer: NodeJS.Timeout | null = null;
  private flushing: Promise<void> | null = null;
  private appHost: string | null = null;

  /** Counts one image request. Cheap: a Map update, no I/O. */
  record(badgeId: string, referer: string | null, now = Date.now()): void {
    const host = refererHost(referer);
    if (!host) return;
    this.appHost ??= new URL(getEnv().APP_URL).hostname;
    if (isNeutralHost(host, this.appHost)) return;
    const key = `${badgeId} ${host}`;
    const hit = this.pending.get(key);
    if (hit) {
      hit.requests++;
      hit.lastSeenAt = now;
    } else {
      this.pending.set(key, { badgeId, host, requests: 1, firstSeenAt: now, lastSeenAt: now });
      if (this.pending.size >= MAX_KEYS && !this.flushing) void this.flush();
    }
    if (!this.timer) {
      this.timer = setInterval(() => {
        if (this.pending.size && !this.flushing) void this.flush();
      }, FLUSH_INTERVAL_MS);
      this.timer.unref();
      const onExit = () => void this.flush().catch(() => undefined);
      process.prependListener("SIGTERM", onExit);
      process.once("beforeExit", onExit);
    }
  }

  get size(): number {
    return this.pending.size;
  }

  /** Writes the counts now and flags undeclared hosts (waits for a flush already running). */
  async flush(now = new Date()): Promise<void> {
    if (this.flushing) await this.flushing;
    if (this.pending.size === 0) return;
    this.flushing = this.drain(now).finally(() => {
      this.flushing = null;
    });
    return this.flushing;
  }

  private async drain(now: Date): Promise<void> {
    const batch = [...this.pending.values()];
    this.pending = new Map();
    const rows: EmbedCount[] = batch.map((p) => ({ badgeId: p.badgeId, host: p.host, requests: p.requests, firstSeenAt: new Date(p.firstSeenAt), lastSeenAt: new Date(p.lastSeenAt) }));
    try {
      const db = await getDb();
      await addEmbedCounts(db, rows);
      const fresh = rows.filter((r) => (this.checked.get(`${r.badgeId} ${r.host}`) ?? 0) <= now.getTime());
      if (fresh.length === 0) return;
      const owners = await badgeOwners(db, fresh.map((r) => r.badgeId));
      const declared = await declaredHosts(db, [...new Set(owners.values())]);
      const findings = [];
      for (const r of fresh) {
        this.checked.set(`${r.badgeId} ${r.host}`, now.getTime() + RECHECK_MS);
        const partnerId = owners.get(r.badgeId);
        if (!partnerId || isDeclaredHost(r.host, declared.get(partnerId) ?? [])) continue;
        findings.push({
          partnerId,
          pageUrl: null,
          host: r.host,
          complete: false,
          findings: [{ kind: "undeclared_domain" as const, badgeId: r.badgeId, place: `host:${r.host}`, detail: `Badge ${r.badgeId} is shown on ${r.host}, which is not one of your declared domains.` }],
        });
      }
      if (findings.length) await recordFindings(findings, now);
    } catch (error) {
      // Put the counts back for the next attempt (merging with what arrived meanwhile).
      for (const p of batch) {
        const key = `${p.badgeId} ${p.host}`;
        const cur = this.pending.get(key);
        if (cur) {
          cur.requests += p.requests;
          cur.firstSeenAt = Math.min(cur.firstSeenAt, p.firstSeenAt);
        } else this.pending.set(key, p);
      }
      log.warn("badge embed flush failed; will retry", { pairs: batch.length, error: error instanceof Error ? error.message : String(error) });
    }
  }

  /** Tests: forget everything. */
  reset(): void {
    this.pending.clear();
    this.checked.clear();
    this.appHost = null;
  }
}

const g = globalThis as typeof globalThis & { __ppEmbedLog?: EmbedLog };

export function embedLog(): EmbedLog {
  return (g.__ppEmbedLog ??= new EmbedLog());
}
