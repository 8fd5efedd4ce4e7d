import { closeDb } from "@/db/client";
import { EnvError, getEnv, type Env } from "@/lib/env";
import { closeRedis } from "@/lib/integrations/redis";

/** Validates the environment for a command-line script; exits naming the bad variable. */
export function envOrExit(): Env {
  try {
    return getEnv();
  } catch (error) {
    if (error instanceof EnvError) {
      console.error(error.message);
      process.exit(1);
    }
    throw error;
  }
}

export function fail(error: unknown): never {
  console.error(error instanceof Error ? (error.stack ?? error.message) : error);
  process.exit(1);
}

/** Closes the database and Redis connections, so a script's process exits once its work is done. */
export async function closeConnections(): Promise<void> {
  await closeDb();
  await closeRedis();
}
