import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { buildOpenApiDocument } from "./openapi";
import { API_ROUTES } from "./routes";

const API_DIR = path.join(process.cwd(), "app/api/v1");
// The document describing itself is not an API operation.
const NOT_OPERATIONS = new Set(["GET /api/v1/openapi.json"]);

function routeFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) return routeFiles(full);
    return name === "route.ts" ? [full] : [];
  });
}

/** "METHOD /api/v1/path/{param}" for each exported handler, read from the source. */
function handlersOnDisk(): string[] {
  return routeFiles(API_DIR).flatMap((file) => {
    const rel = path.relative(path.join(process.cwd(), "app"), path.dirname(file));
    const apiPath = "/" + rel.split(path.sep).map((seg) => seg.replace(/^\[(\w+)\]$/, "{$1}")).join("/");
    const source = readFileSync(file, "utf8");
    const methods = [...source.matchAll(/export\s+(?:const|async function|function)\s+(GET|POST|PUT|PATCH|DELETE)\b/g)].map((m) => m[1]);
    return methods.map((m) => `${m} ${apiPath}`);
  });
}

describe("OpenAPI document", () => {
  it("describes every route handler under app/api/v1, and nothing else", () => {
    const onDisk = handlersOnDisk().filter((h) => !NOT_OPERATIONS.has(h)).sort();
    const documented = API_ROUTES.map((r) => `${r.method} ${r.path}`).sort();
    expect(onDisk.length).toBeGreaterThan(0);
    expect(documented).toEqual(onDisk);
  });

  it("is OpenAPI 3.1 with request and response schemas from zod", () => {
    const doc = buildOpenApiDocument(API_ROUTES, "http://localhost:3000");
    expect(doc.openapi).toBe("3.1.0");
    const patch = doc.paths["/api/v1/partner"]!.patch as {
      requestBody: { content: { "application/json": { schema: { properties: Record<string, unknown> } } } };
      responses: Record<string, unknown>;
    };
    expect(Object.keys(patch.requestBody.content["application/json"].schema.properties)).toEqual(
      expect.arrayContaining(["tagline", "slaResponseHours", "proofLinks"]),
    );
    expect(Object.keys(patch.responses)).toEqual(expect.arrayContaining(["200", "400", "401", "403", "429"]));
    const list = doc.paths["/api/v1/partners"]!.get as { parameters: { name: string }[] };
    expect(list.parameters.map((p) => p.name)).toEqual(expect.arrayContaining(["q", "track", "tier", "page", "pageSize"]));
  });
});
