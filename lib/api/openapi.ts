import { z } from "zod";
import type { ApiAuth } from "./handler";

// OpenAPI 3.1 from the same zod schemas the handlers validate with. Each area
// lists its routes (lib/<area>/openapi.ts); lib/api/routes.ts gathers them, and
// a test checks that every route handler under app/api/v1 is described.

export type HttpMethod = "GET" | "POST" | "PUT" | "PATCH" | "DELETE";

export interface ApiRouteDoc {
  method: HttpMethod;
  /** OpenAPI-style path: /api/v1/partners/{id}. */
  path: string;
  summary: string;
  description?: string;
  tag: string;
  auth: ApiAuth;
  scopes?: readonly string[];
  query?: z.ZodType;
  body?: z.ZodType;
  response: z.ZodType;
  /** Defaults to 200. */
  status?: number;
  /** Accepts an Idempotency-Key header (POST). */
  idempotent?: boolean;
}

export const ErrorSchema = z
  .object({
    error: z.object({
      code: z.enum(["validation_failed", "bad_request", "unauthorized", "forbidden", "not_found", "conflict", "unprocessable", "rate_limited", "internal", "unavailable"]),
      message: z.string(),
      fields: z.record(z.string(), z.array(z.string())).optional(),
    }),
  })
  .meta({ id: "Error" });

const jsonSchema = (schema: z.ZodType, io: "input" | "output") =>
  z.toJSONSchema(schema, { io, unrepresentable: "any", target: "draft-2020-12" }) as Record<string, unknown>;

function stripSchemaKey(s: Record<string, unknown>): Record<string, unknown> {
  const { $schema: _ignored, ...rest } = s;
  return rest;
}

/** Query parameters from an object schema, one OpenAPI parameter per property. */
function queryParameters(schema: z.ZodType): object[] {
  const js = jsonSchema(schema, "input") as { properties?: Record<string, object>; required?: string[] };
  return Object.entries(js.properties ?? {}).map(([name, s]) => ({
    name,
    in: "query",
    required: js.required?.includes(name) ?? false,
    schema: s,
  }));
}

function pathParameters(path: string): object[] {
  return [...path.matchAll(/\{(\w+)\}/g)].map((m) => ({ name: m[1], in: "path", required: true, schema: { type: "string" } }));
}

const AUTH_TEXT: Record<ApiAuth, string> = {
  public: "No key needed.",
  partner_key: "Partner API key (`ppk_...`).",
  platform_key: "Platform API key (`plk_...`).",
  key: "Any API key.",
  session_or_key: "A signed-in session or an API key.",
};

export function buildOpenApiDocument(routes: readonly ApiRouteDoc[], serverUrl: string) {
  const paths: Record<string, Record<string, object>> = {};
  for (const r of routes) {
    const responses: Record<string, object> = {
      [String(r.status ?? 200)]: { description: "Success", content: { "application/json": { schema: stripSchemaKey(jsonSchema(r.response, "output")) } } },
    };
    const errorRef = { content: { "application/json": { schema: { $ref: "#/components/schemas/Error" } } } };
    if (r.query || r.body) responses["400"] = { description: "Malformed request or invalid fields", ...errorRef };
    if (r.auth !== "public") responses["401"] = { description: "Missing, unknown or revoked key", ...errorRef };
    if (r.auth !== "public") responses["403"] = { description: "The key lacks a scope or the object is not yours", ...errorRef };
    if (r.path.includes("{")) responses["404"] = { description: "Unknown id", ...errorRef };
    if (r.idempotent) responses["409"] = { description: "Idempotency-Key reused with a different request", ...errorRef };
    responses["429"] = { description: "Rate limited; see Retry-After", ...errorRef };
    const parameters = [...pathParameters(r.path), ...(r.query ? queryParameters(r.query) : [])];
    if (r.idempotent) {
      parameters.push({ name: "Idempotency-Key", in: "header", required: false, schema: { type: "string", maxLength: 255 } });
    }
    (paths[r.path] ??= {})[r.method.toLowerCase()] = {
      summary: r.summary,
      ...(r.description ? { description: r.description } : {}),
      tags: [r.tag],
      description: [r.description, `Authentication: ${AUTH_TEXT[r.auth]}`, r.scopes?.length ? `Scopes: ${r.scopes.join(", ")}.` : ""]
        .filter(Boolean)
        .join("\n\n"),
      ...(r.auth === "public" ? { security: [] } : {}),
      ...(parameters.length ? { parameters } : {}),
      ...(r.body
        ? { requestBody: { required: true, content: { "application/json": { schema: stripSchemaKey(jsonSchema(r.body, "input")) } } } }
        : {}),
      responses,
    };
  }
  return {
    openapi: "3.1.0",
    info: {
      title: "Provenant Partners API",
      version: "1.0.0",
      description:
        "JSON API of the Provenant partner program. Errors share one shape; dates are ISO 8601 in UTC; money is integer minor units with an ISO 4217 currency.",
    },
    servers: [{ url: serverUrl }],
    security: [{ bearer: [] }],
    components: {
      securitySchemes: { bearer: { type: "http", scheme: "bearer", description: "An API key: ppk_... (partner) or plk_... (platform)." } },
      schemas: { Error: stripSchemaKey(jsonSchema(ErrorSchema, "output")) },
    },
    paths,
  };
}
