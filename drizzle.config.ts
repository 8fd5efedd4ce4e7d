import { defineConfig } from "drizzle-kit";

// Only used to generate SQL migrations from db/schema.ts (`npm run db:generate`).
// Migrations are applied by scripts/migrate.ts on both PGlite and PostgreSQL.
export default defineConfig({
  dialect: "postgresql",
  schema: "./db/schema/index.ts",
  out: "./drizzle",
});
