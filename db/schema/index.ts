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
export * from "./uploads";
export * from "./directory";
