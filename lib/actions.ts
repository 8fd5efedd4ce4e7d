import "server-only";
import { unstable_rethrow } from "next/navigation";
import { toErrorResponse, type ErrorBody } from "@/lib/errors";
import { log } from "@/lib/log";

// Server actions return a result instead of throwing, so forms can show field
// messages next to their inputs. Navigation signals (redirect, forbidden) pass through.

export type ActionResult<T = null> = { ok: true; data: T; message?: string } | { ok: false; error: ErrorBody["error"] };

export async function runAction<T>(fn: () => Promise<T>, message?: string): Promise<ActionResult<T>> {
  try {
    return { ok: true, data: await fn(), ...(message ? { message } : {}) };
  } catch (error) {
    unstable_rethrow(error);
    const { status, body } = toErrorResponse(error);
    if (status >= 500) log.error("server action failed", { error: error instanceof Error ? error.stack : String(error) });
    return { ok: false, error: body.error };
  }
}
