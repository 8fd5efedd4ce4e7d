// The whole database schema, one file per capability. drizzle-kit reads this
// folder to generate migrations; the app imports from "@/db/schema".
export * from "./core";
export * from "./api";
export * from "./attribution";
export * from "./deals";
export * from "./commissions";
export * from "./webhooks";
export * from "./evidence";
export * from "./badges";
export * from "./badge-monitoring";
export * from "./uploads";
export * from "./payouts";
export * from "./analytics";
export * from "./comarketing";
export * from "./legal";
export * from "./onboarding";
export * from "./certification";
export * from "./directory";
