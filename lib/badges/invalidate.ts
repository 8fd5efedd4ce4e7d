import "server-only";
import { getRedis } from "@/lib/integrations/redis";
import { log } from "@/lib/log";
import { BADGE_CHANNEL, dropCachedBadges } from "./cache";

// The one call to make after any change to partner_badges rows (state, tier,
// expiry, revocation): the images and verification data of those badges are
// read fresh on their next request. With REDIS_URL set the ids are published
// on a channel every instance subscribes to, so a badge revoked on one instance
// stops showing as valid on all of them; the cache's TTL bounds the staleness
// if a message is lost. Call it after the transaction commits.

export function badgesChanged(badgeIds: readonly string[]): void {
  if (badgeIds.length === 0) return;
  dropCachedBadges(badgeIds);
  const redis = getRedis();
  if (redis) {
    redis.publish(BADGE_CHANNEL, JSON.stringify(badgeIds)).catch((error: Error) => log.warn("badge invalidation publish failed", { error: error.message }));
  }
}

