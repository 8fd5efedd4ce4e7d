import { AsyncLocalStorage } from "node:async_hooks";

// Next.js creates its request stores from globalThis.AsyncLocalStorage when its
// modules load (its server sets the global at start). Import this first.
(globalThis as { AsyncLocalStorage?: unknown }).AsyncLocalStorage ??= AsyncLocalStorage;
