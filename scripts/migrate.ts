import { getDbHandle } from "@/db/client";
import { migrateDb } from "@/db/migrate";
import { closeConnections, envOrExit, fail } from "./cli";

const env = envOrExit();
try {
  await migrateDb(await getDbHandle(), { databaseUrl: env.DATABASE_URL });
  console.log("Migrations applied.");
  await closeConnections();
} catch (error) {
  fail(error);
}
