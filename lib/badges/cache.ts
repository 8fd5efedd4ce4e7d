import "server-only";
import { createHash } from "node:crypto";
import { getDb } from "@/db/client";
import type { BadgeState } from "@/db/schema/badges";
import type { Redis } from "ioredis";
import { getEnv } from "@/lib/env";
import { getRedis } from "@/lib/integrations/redis";
import { log } from "@/lib/log";
import { effectiveState, variantKey, type BadgeView, type Variant } from "./model";
import { loadBadgeView } from "./store";
import { renderBadgeSvg } from "./svg";

// Badge images by badge id, in process memory: a warm request reads no database
// and renders nothing. An entry holds the badge (or "unknown") and the images
// rendered so far for it, each with its ETag. It lives until badgesChanged()
// drops it (in this process, and in every other instance through Redis when
// REDIS_URL is set: see invalidate.ts), until the badge's expiry passes (so an
// expired badge never shows as valid), or TTL_MS as a safety net against a lost
// invalidation message. Unknown ids are remembered briefly, so a stream of bad
// ids cannot hammer the database.

export const TTL_MS = 5 * 60_000;
const MISS_TTL_MS = 30_000;
const MAX_ENTRIES = 20_000;

export interface RenderedImage {
  body: Uint8Array;
  etag: string;
  contentType: string;
}

interface Entry {
  view: BadgeView | null;
  state: BadgeState | null;
  expiresAt: number;
  images: Map<string, RenderedImage>;
  pngs: Map<string, Promise<RenderedImage>>;
}

type Store = { entries: Map<string, Entry>; loads: Map<string, Promise<Entry>>; generation: number; subscriber?: Redis | null };
const g = globalThis as typeof globalThis & { __ppBadgeCache?: Store };
const store: Store = (g.__ppBadgeCache ??= { entries: new Map(), loads: new Map(), generation: 0 });

export const BADGE_CHANNEL = "pp:badges:changed";

/** Subscribes this process to every instance's invalidations (once; nothing to do without Redis). */
function ensureSubscribed(): void {
  if (store.subscriber !== undefined) return;
  const redis = getRedis();
  if (!redis) {
    store.subscriber = null;
    return;
  }
  const sub = redis.duplicate();
  store.subscriber = sub;
  sub.on("error", (error) => log.warn("badge invalidation subscriber error", { error: error.message }));
  sub.on("message", (channel: string, message: string) => {
    if (channel !== BADGE_CHANNEL) return;
    try {
      const ids = JSON.parse(message) as unknown;
      if (Array.isArray(ids)) dropCachedBadges(ids.filter((x): x is string => typeof x === "string"));
    } catch {
      log.warn("bad badge invalidation message", { message: message.slice(0, 200) });
    }
  });
  sub.subscribe(BADGE_CHANNEL).catch((error: Error) => log.warn("badge invalidation subscribe failed", { error: error.message }));
}

/** Tests: close the subscriber so the next load reads the environment again. */
export async function resetBadgeSubscriptionForTests(): Promise<void> {
  const sub = store.subscriber;
  store.subscriber = undefined;
  if (sub) await sub.quit().catch(() => undefined);
}

const encoder = new TextEncoder();

export function verifyUrlOf(id: string): string {
  return new URL(`/verify/${id}`, getEnv().APP_URL).toString();
}

export function etagOf(bytes: Uint8Array): string {
  return `"${createHash("sha256").update(bytes).digest("base64url").slice(0, 22)}"`;
}

/** When a cache entry must be read again: after the TTL, or just after the badge's expiry passes, so the image turns "expired" on time. */
export function entryExpiresAt(view: Pick<BadgeView, "expiresAt"> | null, now: number): number {
  const expiry = view?.expiresAt?.getTime();
  const ttl = view ? TTL_MS : MISS_TTL_MS;
  return expiry && expiry > now ? Math.min(now + ttl, expiry + 1) : now + ttl;
}

function entryFor(view: BadgeView | null, now: number): Entry {
  return { view, state: view ? effectiveState(view, new Date(now)) : null, expiresAt: entryExpiresAt(view, now), images: new Map(), pngs: new Map() };
}

async function load(id: string): Promise<Entry> {
  const now = Date.now();
  const hit = store.entries.get(id);
  if (hit && hit.expiresAt > now) return hit;
  let pending = store.loads.get(id);
  if (!pending) {
    ensureSubscribed();
    const generation = store.generation;
    pending = (async () => {
      const view = await loadBadgeView(await getDb(), id);
      const entry = entryFor(view, Date.now());
      // An invalidation that landed while we were reading wins: do not keep what we read.
      if (generation === store.generation) {
        if (store.entries.size >= MAX_ENTRIES) store.entries.delete(store.entries.keys().next().value!);
        store.entries.set(id, entry);
      }
      return entry;
    })().finally(() => store.loads.delete(id));
    store.loads.set(id, pending);
  }
  return pending;
}

/** The badge as the images show it right now (null: unknown id). */
export async function cachedBadge(id: string): Promise<{ view: BadgeView; state: BadgeState } | null> {
  const e = await load(id);
  return e.view && e.state ? { view: e.view, state: e.state } : null;
}

/** The SVG for a badge and variant; null for an unknown badge. */
export async function badgeSvg(id: string, variant: Variant): Promise<RenderedImage | null> {
  const e = await load(id);
  if (!e.view || !e.state) return null;
  const key = variantKey(variant);
  let image = e.images.get(key);
  if (!image) {
    const body = encoder.encode(renderBadgeSvg(e.view, e.state, variant, { verifyUrl: verifyUrlOf(id) }));
    image = { body, etag: etagOf(body), contentType: "image/svg+xml; charset=utf-8" };
    e.images.set(key, image);
  }
  return image;
}

export type PngRenderer = (view: BadgeView, state: BadgeState, variant: Variant) => Promise<Uint8Array>;

/** The PNG for a badge and variant, rendered once per entry (concurrent callers share the render). */
export async function badgePng(id: string, variant: Variant, render: PngRenderer): Promise<RenderedImage | null> {
  const e = await load(id);
  if (!e.view || !e.state) return null;
  const key = variantKey(variant);
  let pending = e.pngs.get(key);
  if (!pending) {
    const { view, state } = e;
    pending = render(view, state, variant).then((body) => ({ body, etag: etagOf(body), contentType: "image/png" }));
    pending.catch(() => e.pngs.delete(key));
    e.pngs.set(key, pending);
  }
  return pending;
}

/** Drops cached entries (this process only; badgesChanged() also tells the other instances). */
export function dropCachedBadges(ids: readonly string[]): void {
  store.generation++;
  for (const id of ids) store.entries.delete(id);
}

export function clearBadgeCache(): void {
  store.generation++;
  store.entries.clear();
}

export function badgeCacheSize(): number {
  return store.entries.size;
}
