import { existsSync } from "node:fs";
import path from "node:path";
import fc from "fast-check";
import { sql } from "drizzle-orm";
import { NextRequest } from "next/server";
import { z } from "zod";
import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { createPartnerApiKey, createPlatformApiKey } from "@/lib/api-keys/manage-keys";
import { PARTNER_API_SCOPES } from "@/lib/auth/permissions";
import { registerDeal } from "@/lib/deals/register-deal";
import { createInstall } from "@/lib/quality/installs";
import { makeAdmin, makeTeam, T0 } from "@/lib/testing/factories";
import { addEndpoint } from "@/lib/testing/webhooks";
import type { ApiRouteDoc } from "./openapi";
import { API_ROUTES } from "./routes";

// Property tests over every request body (and query) schema of /api/v1, sent
// through the real route handlers with a credential that may call them:
// - any body, however malformed, never gets a 5xx;
// - a refused body (4xx) changes nothing in the database.
// Bodies come from four sources: arbitrary JSON, objects with the schema's own
// field names holding arbitrary values, a valid body with one field broken,
// and raw text that is not JSON at all.

process.env.WEBHOOK_ALLOW_PRIVATE_URLS = "true";

const ROOT = path.resolve(__dirname, "../..");
const RUNS = Number(process.env.FUZZ_RUNS ?? 60);

interface World {
  partnerKey: string;
  platformKey: string;
  ids: Record<string, string>;
}

async function world(): Promise<World> {
  const team = await makeTeam({ tier: "advanced" });
  const admin = await makeAdmin();
  const { secret: partnerKey } = await createPartnerApiKey({ principal: team.asOwner, partnerId: team.partner.id, input: { name: "fuzz", scopes: [...PARTNER_API_SCOPES] }, now: T0 });
  const { secret: platformKey } = await createPlatformApiKey({ principal: admin, input: { name: "fuzz", scopes: ["platform:read", "platform:write"] }, now: T0 });
  const { endpoint } = await addEndpoint(team.asOwner, team.partner.id, "http://127.0.0.1:9/hooks");
  const install = await createInstall({ principal: team.asOwner, partnerId: team.partner.id, input: { stack: "wordpress", siteUrl: "https://fuzz-shop.example", customerName: "Fuzz Shop" }, now: T0 });
  const { deal } = await registerDeal({
    principal: team.asOwner,
    partnerId: team.partner.id,
    input: { company: "Fuzz Buyer", domain: `fuzz-${team.partner.slug}.example`, contactName: "Fu Zz", contactEmail: "fu@fuzz.example", estimatedValue: 1000, products: ["provenance-pro"], expectedCloseAt: "2026-12-31" },
    now: T0,
  });
  return { partnerKey, platformKey, ids: { partnerId: team.partner.id, endpointId: endpoint.id, installId: install.id, dealId: deal.id } };
}

/** A valid body per route, where one is known: the "one field broken" bodies start from it. */
const VALID: Record<string, (w: World) => Record<string, unknown>> = {
  "POST /api/v1/conversions": (w) => ({ type: "paid", customerId: "cus_fuzz", partnerId: w.ids.partnerId, amount: 1000, currency: "usd" }),
  "POST /api/v1/links": () => ({ destination: "https://provenant.dev/pricing", campaign: "fuzz" }),
  "POST /api/v1/deals": () => ({ company: "Acme", domain: "acme-fuzz.example", contactName: "Ann Acme", contactEmail: "ann@acme-fuzz.example", estimatedValue: 100, products: ["provenance-pro"], expectedCloseAt: "2026-12-31" }),
  "PATCH /api/v1/partner": () => ({ tagline: "Fuzzed", slaResponseHours: 24 }),
  "POST /api/v1/installs": (w) => ({ stack: "shopify", siteUrl: "https://fuzz.example", customerName: "Fuzz", startedAt: "2026-03-01T00:00:00Z", partnerId: w.ids.partnerId }),
  "POST /api/v1/survival-checks": (w) => ({ installId: w.ids.installId, assetsChecked: 3, assetsSurvived: 2, method: "embedded", errors: 0 }),
  "POST /api/v1/webhooks/endpoints": () => ({ url: "http://127.0.0.1:9/new", eventTypes: ["*"], description: "fuzz" }),
  "PATCH /api/v1/webhooks/endpoints/{id}": () => ({ description: "renamed", eventTypes: ["partner.deal.registered"] }),
};

/** Path parameters: the id of an object the caller owns, by route. */
function paramsFor(doc: ApiRouteDoc, w: World): Record<string, string> {
  if (!doc.path.includes("{")) return {};
  const id = doc.path.startsWith("/api/v1/webhooks/endpoints/")
    ? w.ids.endpointId
    : doc.path.startsWith("/api/v1/installs/")
      ? w.ids.installId
      : doc.path.startsWith("/api/v1/deals/")
        ? w.ids.dealId
        : w.ids.partnerId;
  return Object.fromEntries([...doc.path.matchAll(/\{(\w+)\}/g)].map((m) => [m[1]!, id!]));
}

function credentialFor(doc: ApiRouteDoc, w: World): string | null {
  if (doc.auth === "platform_key") return w.platformKey;
  if (doc.auth === "public") return null;
  return w.partnerKey;
}

async function handlerFor(doc: ApiRouteDoc) {
  const file = path.join(ROOT, "app", doc.path.replace(/\{(\w+)\}/g, "[$1]"), "route.ts");
  expect(existsSync(file), `${doc.method} ${doc.path}: no route file at ${file}`).toBe(true);
  const mod = (await import(/* @vite-ignore */ file)) as Record<string, unknown>;
  return mod[doc.method] as (req: NextRequest, ctx: { params: Promise<unknown> }) => Promise<Response>;
}

function fieldNames(schema: z.ZodType): string[] {
  try {
    const js = z.toJSONSchema(schema, { io: "input", unrepresentable: "any" }) as { properties?: Record<string, unknown> };
    return Object.keys(js.properties ?? {});
  } catch {
    return [];
  }
}

// Values that tend to break parsers and databases.
const nasty = fc.oneof(
  fc.constantFrom("", " ", "\u0000", "null", "NaN", "-0", "1e309", "'; drop table partners; --", "<script>alert(1)</script>", "😀".repeat(300), "x".repeat(10_000), "__proto__", "2026-02-30", "http://", "javascript:alert(1)"),
  fc.constantFrom(0, -1, 1.5, Number.MAX_SAFE_INTEGER, Number.MIN_SAFE_INTEGER, 1e308, -1e308, 2 ** 31, 2 ** 63),
  fc.constantFrom(true, false, null, [], {}, [null], { __proto__: { admin: true } }, { constructor: { prototype: {} } }),
  fc.string({ unit: "grapheme", maxLength: 80 }),
  fc.integer(),
  fc.double(),
);
const anyJson = fc.jsonValue({ maxDepth: 3 });

function bodies(doc: ApiRouteDoc, w: World): fc.Arbitrary<{ raw: string; contentType: string }> {
  const names = fieldNames(doc.body!);
  const valid = VALID[`${doc.method} ${doc.path}`]?.(w);
  const json = (v: unknown) => ({ raw: JSON.stringify(v) ?? "null", contentType: "application/json" });
  const shaped = names.length
    ? fc.dictionary(fc.constantFrom(...names, "extra", "__proto__"), fc.oneof(nasty, anyJson), { maxKeys: names.length + 2 }).map(json)
    : anyJson.map(json);
  const broken = valid
    ? fc.record({ key: fc.constantFrom(...Object.keys(valid), "unknownField"), value: fc.oneof(nasty, anyJson), drop: fc.boolean() }).map(({ key, value, drop }) => {
        const copy: Record<string, unknown> = { ...valid };
        if (drop) delete copy[key];
        else copy[key] = value;
        return json(copy);
      })
    : shaped;
  const rawText = fc.oneof(
    fc.string({ maxLength: 200 }).map((raw) => ({ raw, contentType: "application/json" })),
    fc.constantFrom('{"a":', "[1,2", '{"x":1}}', "\u0000", "", "{}".repeat(1000)).map((raw) => ({ raw, contentType: "application/json" })),
    fc
      .tuple(anyJson, fc.constantFrom("text/plain", "application/x-www-form-urlencoded", "multipart/form-data", ""))
      .map(([v, contentType]) => ({ raw: JSON.stringify(v) ?? "", contentType })),
  );
  return fc.oneof(anyJson.map(json), shaped, broken, broken, rawText);
}

/** A fingerprint of every table's contents (API keys by count: authenticating stamps last_used_at). */
async function fingerprint(): Promise<Record<string, string>> {
  const db = await getDb();
  const tables = (await db.execute(sql`select table_name from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE' order by 1`)) as unknown as
    | { rows: { table_name: string }[] }
    | { table_name: string }[];
  const names = (Array.isArray(tables) ? tables : tables.rows).map((r) => r.table_name).filter((n) => !n.startsWith("__drizzle"));
  const parts = names.map((n) =>
    n === "api_keys"
      ? `select '${n}' as t, count(*)::text as h from "${n}"`
      : `select '${n}' as t, md5(coalesce(string_agg(x::text, '|' order by x::text), '')) as h from "${n}" x`,
  );
  const result = (await db.execute(sql.raw(parts.join(" union all ")))) as unknown as { rows: { t: string; h: string }[] } | { t: string; h: string }[];
  return Object.fromEntries((Array.isArray(result) ? result : result.rows).map((r) => [r.t, r.h]));
}

function request(doc: ApiRouteDoc, w: World, init: { raw?: string; contentType?: string; search?: string }): NextRequest {
  const headers: Record<string, string> = { "x-forwarded-for": `10.77.${Math.floor(Math.random() * 250)}.${Math.floor(Math.random() * 250)}` };
  const key = credentialFor(doc, w);
  if (key) headers.authorization = `Bearer ${key}`;
  if (init.contentType) headers["content-type"] = init.contentType;
  const p = doc.path.replace(/\{(\w+)\}/g, (_m, name: string) => paramsFor(doc, w)[name]!);
  return new NextRequest(`http://localhost:3000${p}${init.search ?? ""}`, { method: doc.method, headers, body: init.raw });
}

const withBody = API_ROUTES.filter((r) => r.body);
const withQuery = API_ROUTES.filter((r) => r.query);

describe("fuzzing request bodies", () => {
  it("covers every body schema of /api/v1", () => {
    expect(withBody.length).toBeGreaterThanOrEqual(8);
  });

  for (const doc of withBody) {
    it(`${doc.method} ${doc.path}: no 5xx, and a refused body writes nothing`, { timeout: 120_000 }, async () => {
      const w = await world();
      const handler = await handlerFor(doc);
      const seen = new Map<number, number>();
      await fc.assert(
        fc.asyncProperty(bodies(doc, w), async ({ raw, contentType }) => {
          const before = await fingerprint();
          const res = await handler(request(doc, w, { raw, contentType }), { params: Promise.resolve(paramsFor(doc, w)) });
          seen.set(res.status, (seen.get(res.status) ?? 0) + 1);
          const body = await res.text();
          expect(res.status, `${doc.method} ${doc.path} answered ${res.status} to ${raw.slice(0, 300)}: ${body.slice(0, 300)}`).toBeLessThan(500);
          if (res.status >= 400) {
            expect(JSON.parse(body).error.code).toEqual(expect.any(String));
            const after = await fingerprint();
            const changed = Object.keys(after).filter((t) => after[t] !== before[t]);
            expect(changed, `${doc.method} ${doc.path} refused ${raw.slice(0, 300)} with ${res.status} but changed: ${changed.join(", ")}`).toEqual([]);
          }
        }),
        // Found by this test: a field named "__proto__" broke the error mapper, and a NUL
        // character reached PostgreSQL (both were 500s).
        {
          numRuns: RUNS,
          examples: [
            [{ raw: '{"__proto__":0}', contentType: "application/json" }],
            [{ raw: '{"__proto__":{"x":1},"constructor":[]}', contentType: "application/json" }],
            [{ raw: JSON.stringify({ ...(VALID[`${doc.method} ${doc.path}`]?.(w) ?? {}), id: "a\u0000b" }), contentType: "application/json" }],
            ...Object.keys(VALID[`${doc.method} ${doc.path}`]?.(w) ?? {}).map((key) => [
              { raw: JSON.stringify({ ...VALID[`${doc.method} ${doc.path}`]!(w), [key]: "\u0000" }), contentType: "application/json" },
            ]),
          ],
        },
      );
      // The generators reach both sides: refusals, and (where a valid body is known) acceptances.
      expect([...seen.keys()].some((s) => s >= 400)).toBe(true);
    });
  }
});

describe("fuzzing query strings", () => {
  let w: World;
  beforeAll(async () => {
    w = await world();
  });

  for (const doc of withQuery) {
    it(`${doc.method} ${doc.path}: no 5xx for any query string`, { timeout: 120_000 }, async () => {
      const handler = await handlerFor(doc);
      const names = fieldNames(doc.query!);
      const pairs = fc.array(fc.tuple(fc.oneof(fc.constantFrom(...names, "x"), fc.string({ maxLength: 10 })), fc.oneof(fc.string({ maxLength: 40 }), nasty.map(String))), { maxLength: 6 });
      await fc.assert(
        fc.asyncProperty(pairs, async (kv) => {
          const search = "?" + new URLSearchParams(kv.map(([k, v]) => [k, v.slice(0, 2000)])).toString();
          const res = await handler(request(doc, w, { search }), { params: Promise.resolve(paramsFor(doc, w)) });
          const body = await res.text();
          expect(res.status, `${doc.method} ${doc.path}${search} answered ${res.status}: ${body.slice(0, 300)}`).toBeLessThan(500);
        }),
        { numRuns: Math.ceil(RUNS / 2), examples: [[names.map((n) => [n, "a\u0000"] as [string, string])]] },
      );
    });
  }
});
