import { z } from "zod";
import type { ApiRouteDoc } from "@/lib/api/openapi";
import { STACKS } from "@/lib/partners/constants";
import { listChecksApiQuery, listInstallsApiQuery } from "./api";
import { platformInstallSchema, recordCheckSchema } from "./schemas";

const InstallSchema = z.object({
  id: z.string(),
  partnerId: z.string().nullable(),
  selfServe: z.boolean(),
  stack: z.enum(STACKS),
  siteUrl: z.string(),
  customerName: z.string(),
  startedAt: z.string(),
  verifiedAt: z.string().nullable(),
  ttiSeconds: z.number().nullable(),
  sampleUrls: z.array(z.string()),
  source: z.enum(["console", "api", "seed"]),
  externalRef: z.string().nullable(),
  createdAt: z.string(),
});

const WindowSchema = z.object({ checks: z.number(), assetsChecked: z.number(), assetsSurvived: z.number(), survival: z.number().nullable() });

const CheckSchema = z.object({
  id: z.string(),
  installId: z.string(),
  checkedAt: z.string(),
  assetsChecked: z.number(),
  assetsSurvived: z.number(),
  survivedEmbedded: z.number(),
  survivedRemote: z.number(),
  errors: z.number(),
  survival: z.number().nullable(),
  source: z.enum(["probe", "api", "seed"]),
  note: z.string().nullable(),
});

export const evidenceRoutes: ApiRouteDoc[] = [
  {
    method: "POST",
    path: "/api/v1/installs",
    tag: "Evidence",
    summary: "Record an install",
    description: "An install set up by a partner (partnerId) or by the customer alone (partnerId null: the self-serve control group). externalRef is the platform's own id and must be unique.",
    auth: "platform_key",
    scopes: ["platform:write"],
    body: platformInstallSchema,
    response: z.object({ data: InstallSchema }),
    status: 201,
    idempotent: true,
  },
  {
    method: "GET",
    path: "/api/v1/installs",
    tag: "Evidence",
    summary: "List installs, newest first",
    description: "Platform keys (platform:read) see every install and may filter by partnerId or \"self_serve\"; a partner key (installs:read) sees its own. Cursor pagination.",
    auth: "key",
    query: listInstallsApiQuery,
    response: z.object({ data: z.array(InstallSchema), nextCursor: z.string().nullable() }),
  },
  {
    method: "GET",
    path: "/api/v1/installs/{id}",
    tag: "Evidence",
    summary: "One install with its survival over 7, 30 and 90 days",
    auth: "key",
    response: z.object({ data: InstallSchema.extend({ survival: z.object({ days7: WindowSchema, days30: WindowSchema, days90: WindowSchema }) }) }),
  },
  {
    method: "GET",
    path: "/api/v1/installs/{id}/checks",
    tag: "Evidence",
    summary: "An install's survival checks, newest first",
    auth: "key",
    query: listChecksApiQuery,
    response: z.object({ data: z.array(CheckSchema), nextCursor: z.string().nullable() }),
  },
  {
    method: "POST",
    path: "/api/v1/survival-checks",
    tag: "Evidence",
    summary: "Report a survival check",
    description:
      "Counts of one check of an install's assets. Send method (all survivors used one) or survivedEmbedded + survivedRemote. Negative counts, assetsSurvived over assetsChecked and unknown installIds are refused with 400 and nothing is written. The first check at or above 99.9% verifies the install (its TTI).",
    auth: "platform_key",
    scopes: ["platform:write"],
    body: recordCheckSchema,
    response: z.object({ data: CheckSchema }),
    status: 201,
    idempotent: true,
  },
];
