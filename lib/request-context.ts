import { AsyncLocalStorage } from "node:async_hooks";

// Per-request context (request id) carried through async calls, so every log
// line written while handling a request names it.

export interface RequestContext {
  requestId: string;
}

const storage = new AsyncLocalStorage<RequestContext>();

export function runWithRequestContext<T>(ctx: RequestContext, fn: () => T): T {
  return storage.run(ctx, fn);
}

export function currentRequestId(): string | undefined {
  return storage.getStore()?.requestId;
}
