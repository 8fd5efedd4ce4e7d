import { attributionRoutes } from "@/lib/attribution/openapi";
import { badgeRoutes } from "@/lib/badges/openapi";
import { commissionRoutes } from "@/lib/commissions/openapi";
import { dealRoutes } from "@/lib/deals/openapi";
import { partnerRoutes } from "@/lib/partners/openapi";
import { evidenceRoutes } from "@/lib/quality/openapi";
import { webhookRoutes } from "@/lib/webhooks/openapi";
import type { ApiRouteDoc } from "./openapi";

/** Every route under /api/v1, for the OpenAPI document. */
export const API_ROUTES: readonly ApiRouteDoc[] = [...partnerRoutes, ...attributionRoutes, ...dealRoutes, ...commissionRoutes, ...webhookRoutes, ...evidenceRoutes, ...badgeRoutes];
