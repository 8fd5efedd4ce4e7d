import { formatDate, formatRelative } from "@/lib/format";
import type { ApiKey } from "./schemas";

/** Keys as the key list shows them (dates formatted on the server, in UTC). */
export function toKeyListItems(keys: ApiKey[], now: Date) {
  return keys.map((k) => ({
    id: k.id,
    name: k.name,
    prefix: k.prefix,
    scopes: k.scopes,
    created: formatDate(k.createdAt),
    lastUsed: formatRelative(k.lastUsedAt, now),
    revoked: k.revokedAt ? formatDate(k.revokedAt) : null,
  }));
}
