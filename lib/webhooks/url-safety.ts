import { BlockList, isIP } from "node:net";

// Where webhooks may be sent. A webhook URL is chosen by a partner and fetched by
// our servers, so it must not reach our own network (SSRF): in production only
// https URLs whose host is, and resolves to, a public address. Local receivers
// (http://localhost, private addresses) are allowed outside production, or with
// WEBHOOK_ALLOW_PRIVATE_URLS=true for test deployments.
//
// The URL is checked when an endpoint is saved, and every address the host
// resolves to is checked again at connection time (lib/webhooks/post.ts), so a
// DNS record changed later cannot point a delivery inside.

export interface UrlPolicy {
  /** Allow loopback, private and link-local targets, and plain http to them. */
  allowPrivate: boolean;
}

export const MAX_URL_LENGTH = 2048;

const blocked = new BlockList();
for (const [net, prefix] of [
  ["0.0.0.0", 8], // "this network"
  ["10.0.0.0", 8],
  ["100.64.0.0", 10], // carrier-grade NAT
  ["127.0.0.0", 8],
  ["169.254.0.0", 16], // link-local, cloud metadata
  ["172.16.0.0", 12],
  ["192.0.0.0", 24],
  ["192.0.2.0", 24],
  ["192.88.99.0", 24],
  ["192.168.0.0", 16],
  ["198.18.0.0", 15],
  ["198.51.100.0", 24],
  ["203.0.113.0", 24],
  ["224.0.0.0", 4], // multicast
  ["240.0.0.0", 4], // reserved, broadcast
] as const) {
  blocked.addSubnet(net, prefix, "ipv4");
}
for (const [net, prefix] of [
  ["::", 128],
  ["::1", 128],
  ["100::", 64], // discard
  ["2001::", 23], // IETF protocol assignments
  ["2001:db8::", 32], // documentation
  ["fc00::", 7], // unique local
  ["fe80::", 10], // link-local
  ["fec0::", 10], // site-local (deprecated)
  ["ff00::", 8], // multicast
] as const) {
  blocked.addSubnet(net, prefix, "ipv6");
}

/** IPv4 embedded in an IPv6 address (::ffff:a.b.c.d, NAT64 64:ff9b::/96, ::a.b.c.d), if any. */
function embeddedIpv4(ip: string): string | null {
  const lower = ip.toLowerCase();
  const dotted = /^(?:::ffff:|64:ff9b::|::)(\d+\.\d+\.\d+\.\d+)$/.exec(lower);
  if (dotted) return dotted[1]!;
  const hex = /^(?:::ffff:|64:ff9b::)([0-9a-f]{1,4}):([0-9a-f]{1,4})$/.exec(lower);
  if (hex) {
    const hi = Number.parseInt(hex[1]!, 16);
    const lo = Number.parseInt(hex[2]!, 16);
    return `${hi >> 8}.${hi & 255}.${lo >> 8}.${lo & 255}`;
  }
  return null;
}

/** True for addresses on the public internet; false for loopback, private, link-local, reserved. */
export function isPublicAddress(ip: string): boolean {
  const bare = ip.replace(/^\[|\]$/g, "").replace(/%.*$/, "");
  const family = isIP(bare);
  if (family === 4) return !blocked.check(bare, "ipv4");
  if (family === 6) {
    const v4 = embeddedIpv4(bare);
    if (v4) return !blocked.check(v4, "ipv4");
    return !blocked.check(bare, "ipv6");
  }
  return false;
}

const LOCAL_NAMES = /(^|\.)(localhost|local|internal|intranet|lan|home\.arpa|localdomain)$/i;

export type UrlCheck = { ok: true; url: URL } | { ok: false; message: string };

/** Checks a webhook URL as typed by a partner (no DNS). */
export function checkEndpointUrl(raw: string, policy: UrlPolicy): UrlCheck {
  const value = raw.trim();
  if (value.length > MAX_URL_LENGTH) return { ok: false, message: `At most ${MAX_URL_LENGTH} characters` };
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return { ok: false, message: "Enter a full URL, starting with https://" };
  }
  if (url.protocol !== "https:" && url.protocol !== "http:") return { ok: false, message: "Use an https:// URL" };
  if (url.username || url.password) return { ok: false, message: "Remove the user name and password from the URL" };
  if (url.hash) return { ok: false, message: "Remove the #fragment from the URL" };
  const host = url.hostname.replace(/^\[|\]$/g, "");
  if (!host) return { ok: false, message: "Enter a full URL, starting with https://" };
  const isAddress = isIP(host) !== 0;
  const local = isAddress ? !isPublicAddress(host) : LOCAL_NAMES.test(host) || !host.includes(".");
  if (local && !policy.allowPrivate) {
    return { ok: false, message: "Use a public address: local, private and loopback addresses are not allowed" };
  }
  if (url.protocol === "http:" && !(policy.allowPrivate && local)) {
    return { ok: false, message: "Use an https:// URL (plain http is only for local testing)" };
  }
  return { ok: true, url };
}

/** Checks the addresses a host resolved to, at connection time. */
export function checkResolvedAddresses(host: string, addresses: readonly string[], policy: UrlPolicy): string | null {
  if (policy.allowPrivate) return null;
  if (addresses.length === 0) return `${host} did not resolve to any address`;
  const inside = addresses.find((a) => !isPublicAddress(a));
  return inside ? `Refused: ${host} resolves to a private or loopback address (${inside})` : null;
}
