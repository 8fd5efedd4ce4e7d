import "server-only";
import { createHmac } from "node:crypto";
import { isbot } from "isbot";
import { getAuthSecret } from "@/lib/auth/secret";
import { clientIp } from "@/lib/api/handler";
import { newId } from "@/lib/ids";
import { clickBuffer } from "./click-buffer";
import { lookupLink } from "./link-cache";
import { ATTRIBUTION_POLICY } from "./policy";
import { buildRedirectUrl, LINK_CODE_RE } from "./rules";

// GET /r/<code>: answer 302 at once and record the click in the background.
// No database read once the link is cached, no awaiting the write.

let ipKey: Buffer | undefined;

/** HMAC of the client IP with a key derived from AUTH_SECRET: stable, comparable, not reversible. */
export function hashIp(ip: string): string {
  ipKey ??= createHmac("sha256", getAuthSecret()).update("link-click-ip").digest();
  return createHmac("sha256", ipKey).update(ip).digest("base64url").slice(0, 32);
}

const COOKIE_MAX_AGE = ATTRIBUTION_POLICY.cookieMaxAgeDays * 86_400;

export async function handleRedirect(req: Request, code: string, options: { record: boolean }): Promise<Response> {
  const normalized = code.toLowerCase();
  const link = LINK_CODE_RE.test(normalized) ? await lookupLink(normalized) : null;
  if (!link) return notFoundPage();
  if (!link.destination) return refusedPage();

  const clickId = newId("click");
  const location = buildRedirectUrl(link.destination, { partnerId: link.partnerId, clickId, campaign: link.campaign });
  if (options.record) {
    const ua = req.headers.get("user-agent");
    clickBuffer().push({
      id: clickId,
      linkId: link.id,
      partnerId: link.partnerId,
      clickedAt: new Date(),
      ipHash: hashIp(clientIp(req)),
      userAgent: ua ? ua.slice(0, 512) : null,
      referrer: req.headers.get("referer")?.slice(0, 1024) ?? null,
      // isbot: one maintained pattern list (crawlers, link previews, monitors, headless tools), updated
      // upstream as new bots appear, instead of a list of our own that would go stale. No UA is a bot too.
      isBot: !ua || isbot(ua),
    });
  }
  const secure = new URL(req.url).protocol === "https:" ? "; Secure" : "";
  return new Response(null, {
    status: 302,
    headers: {
      location,
      "cache-control": "no-store",
      "referrer-policy": "no-referrer-when-downgrade",
      "set-cookie": `${ATTRIBUTION_POLICY.cookieName}=${clickId}; Path=/; Max-Age=${COOKIE_MAX_AGE}; SameSite=Lax; HttpOnly${secure}`,
    },
  });
}

function page(status: number, title: string, message: string): Response {
  const html = `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>${title} · Provenant Partners</title>
<style>body{margin:0;font-family:system-ui,-apple-system,Segoe UI,Roboto,sans-serif;background:#f8fafc;color:#0f172a;display:flex;min-height:100vh;align-items:center;justify-content:center}
main{max-width:28rem;padding:2rem;text-align:center}p.code{color:#236f66;font-weight:600;font-size:.875rem;margin:0}h1{font-size:1.75rem;margin:.5rem 0}
p{color:#475569;line-height:1.5}a{display:inline-block;margin-top:1.5rem;background:#236f66;color:#fff;text-decoration:none;padding:.625rem 1rem;border-radius:.5rem;font-weight:500}</style>
</head><body><main><p class="code">${status}</p><h1>${title}</h1><p>${message}</p><a href="/">Browse the partner directory</a></main></body></html>`;
  return new Response(html, { status, headers: { "content-type": "text/html; charset=utf-8", "cache-control": "no-store" } });
}

export function notFoundPage(): Response {
  return page(404, "This link does not exist", "The partner link you followed is unknown or has been retired. The partner may have replaced it with a new one.");
}

function refusedPage(): Response {
  return page(400, "This link cannot be followed", "The link points somewhere outside the program's own sites, so we will not send you there.");
}
