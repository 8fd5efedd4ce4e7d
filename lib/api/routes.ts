import { attributionRoutes } from "@/lib/attribution/openapi";
import { certificationRoutes } from "@/lib/certification/openapi";
import { badgeRoutes } from "@/lib/badges/openapi";
import { commissionRoutes } from "@/lib/commissions/openapi";
import { payoutRoutes } from "@/lib/payouts/openapi";
import { dealRoutes } from "@/lib/deals/openapi";
import { mdfRoutes } from "@/lib/mdf/openapi";
import { partnerRoutes } from "@/lib/partners/openapi";
import { evidenceRoutes } from "@/lib/quality/openapi";
import { webhookRoutes } from "@/lib/webhooks/openapi";
import type { ApiRouteDoc } from "./openapi";

/** Every route under /api/v1, for the OpenAPI document. */
export const API_ROUTES: readonly ApiRouteDoc[] = [...partnerRoutes, ...attributionRoutes, ...dealRoutes, ...commissionRoutes, ...payoutRoutes, ...webhookRoutes, ...evidenceRoutes, ...mdfRoutes, ...certificationRoutes, ...badgeRoutes];
