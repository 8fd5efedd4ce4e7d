import { eq } from "drizzle-orm";
import { beforeEach, describe, expect, it } from "vitest";
import { GET } from "@/app/r/[code]/route";
import { getDb } from "@/db/client";
import { linkClicks, trackingLinks } from "@/db/schema";
import { makeTeam, T0 } from "@/lib/testing/factories";
import { clickBuffer, flushClicks } from "./click-buffer";
import { clearLinkCache } from "./link-cache";
import { archiveLink, createLink } from "./manage-links";

const HUMAN = "Mozilla/5.0 (Macintosh; Intel Mac OS X 14_5) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Safari/605.1.15";

function visit(code: string, headers: Record<string, string> = {}) {
  return GET(new Request(`http://localhost:3000/r/${code}`, { headers: { "user-agent": HUMAN, "x-forwarded-for": "203.0.113.7", ...headers } }), { params: Promise.resolve({ code }) });
}

beforeEach(() => {
  clearLinkCache();
  clickBuffer().clear();
});

describe("GET /r/<code>", () => {
  it("answers 302 with the UTM and partner parameters, sets the first-party cookie, and records the click in the background", async () => {
    const { partner, asOwner } = await makeTeam();
    const link = await createLink({ principal: asOwner, partnerId: partner.id, input: { destination: "https://provenant.dev/pricing?plan=pro&utm_source=x", campaign: "spring", code: "spring-pricing-test" }, now: T0 });
    const res = await visit(link.code, { referer: "https://news.example/post" });
    expect(res.status).toBe(302);
    const location = new URL(res.headers.get("location")!);
    expect(location.origin + location.pathname).toBe("https://provenant.dev/pricing");
    expect(Object.fromEntries(location.searchParams)).toMatchObject({ plan: "pro", utm_source: "partner", utm_medium: "referral", utm_campaign: "spring", pp_partner: partner.id });
    const clickId = location.searchParams.get("pp_click")!;
    expect(res.headers.get("set-cookie")).toBe(`pp_ref=${clickId}; Path=/; Max-Age=5184000; SameSite=Lax; HttpOnly`);
    // Not written yet: buffered.
    expect(clickBuffer().size).toBe(1);
    const db = await getDb();
    expect(await db.select().from(linkClicks).where(eq(linkClicks.id, clickId))).toHaveLength(0);
    await flushClicks();
    const [row] = await db.select().from(linkClicks).where(eq(linkClicks.id, clickId));
    expect(row).toMatchObject({ linkId: link.id, partnerId: partner.id, referrer: "https://news.example/post", isBot: false, counted: true, userAgent: HUMAN });
    expect(row!.ipHash).toMatch(/^[\w-]{32}$/);
    expect(row!.ipHash).not.toContain("203.0.113.7");
  });

  it("counts a known bot and an empty user agent as bots, but keeps their clicks", async () => {
    const { partner, asOwner } = await makeTeam();
    const link = await createLink({ principal: asOwner, partnerId: partner.id, input: { destination: "https://provenant.dev/" }, now: T0 });
    await visit(link.code, { "user-agent": "Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)" });
    await visit(link.code, { "user-agent": "" });
    await flushClicks();
    const rows = await (await getDb()).select().from(linkClicks).where(eq(linkClicks.linkId, link.id));
    expect(rows.map((r) => [r.isBot, r.counted])).toEqual([
      [true, false],
      [true, false],
    ]);
  });

  it("unknown, archived and malformed codes get the friendly 404 page", async () => {
    const { partner, asOwner } = await makeTeam();
    const link = await createLink({ principal: asOwner, partnerId: partner.id, input: { destination: "https://provenant.dev/" }, now: T0 });
    for (const code of ["no-such-code", "../../etc", "x"]) {
      const res = await visit(code);
      expect(res.status).toBe(404);
      expect(await res.text()).toContain("This link does not exist");
    }
    expect((await visit(link.code)).status).toBe(302);
    await archiveLink({ principal: asOwner, partnerId: partner.id, linkId: link.id, now: T0 });
    expect((await visit(link.code)).status).toBe(404);
  });

  it("refuses at redirect time a destination that is not (or no longer) allowed", async () => {
    const { partner } = await makeTeam();
    const db = await getDb();
    await db.insert(trackingLinks).values({ partnerId: partner.id, code: "sneaky-open-redirect", destination: "https://evil.example/login", createdAt: T0 });
    const res = await visit("sneaky-open-redirect");
    expect(res.status).toBe(400);
    expect(res.headers.get("location")).toBeNull();
  });

  it("serves a warm link from memory without reading the database", async () => {
    const { partner, asOwner } = await makeTeam();
    const link = await createLink({ principal: asOwner, partnerId: partner.id, input: { destination: "https://provenant.dev/" }, now: T0 });
    expect((await visit(link.code)).status).toBe(302);
    // Changed behind the cache's back (another instance): this one keeps serving its copy until the entry expires.
    const db = await getDb();
    await db.update(trackingLinks).set({ destination: "https://docs.provenant.dev/" }).where(eq(trackingLinks.id, link.id));
    expect(new URL((await visit(link.code)).headers.get("location")!).host).toBe("provenant.dev");
    clearLinkCache();
    expect(new URL((await visit(link.code)).headers.get("location")!).host).toBe("docs.provenant.dev");
  });
});
