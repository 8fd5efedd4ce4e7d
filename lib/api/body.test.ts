import { describe, expect, it } from "vitest";
import { z } from "zod";
import { readJsonBody } from "./body";

const schema = z.strictObject({ url: z.string() });
const req = (body: string, headers: Record<string, string> = { "content-type": "application/json" }) =>
  new Request("http://localhost/x", { method: "POST", body, headers });

async function error(p: Promise<unknown>) {
  return p.then(() => null, (e: { code: string; fields?: Record<string, string[]> }) => e);
}

describe("readJsonBody", () => {
  it("reads a JSON body that fits the schema", async () => {
    expect(await readJsonBody(req('{"url":"https://x.test"}'), schema)).toEqual({ url: "https://x.test" });
    expect(await readJsonBody(req('{"url":"a"}', { "content-type": "application/json; charset=utf-8" }), schema)).toEqual({ url: "a" });
  });

  it.each([
    ["wrong content type", req('{"url":"a"}', { "content-type": "text/plain" }), "content-type"],
    ["form content type", req("url=a", { "content-type": "application/x-www-form-urlencoded" }), "content-type"],
    ["oversized body", req(JSON.stringify({ url: "a".repeat(20_000) })), "_"],
    ["malformed JSON", req("{url:"), "_"],
    ["unknown field", req('{"url":"a","secret":"x"}'), "secret"],
    ["missing field", req("{}"), "url"],
  ])("400 for %s, with the field named", async (_name, request, field) => {
    const e = await error(readJsonBody(request, schema));
    expect(e?.code).toMatch(/bad_request|validation_failed/);
    expect(Object.keys(e?.fields ?? {})).toContain(field);
  });
});
