import path from "node:path";
import { defineConfig } from "vitest/config";

const root = path.dirname(new URL(import.meta.url).pathname);

export default defineConfig({
  resolve: {
    alias: [
      { find: /^@\//, replacement: `${root}/` },
      // Outside React Server Components "server-only" throws on import; tests are server code.
      { find: /^server-only$/, replacement: `${root}/node_modules/server-only/empty.js` },
      // next-auth imports "next/server" without an extension; Next has no exports map for it.
      { find: /^next\/(server|headers|navigation|cache)$/, replacement: `${root}/node_modules/next/$1.js` },
    ],
  },
  test: {
    environment: "node",
    include: ["{lib,db,app,components,scripts}/**/*.test.{ts,tsx}"],
    globalSetup: ["lib/testing/global-setup.ts"],
    setupFiles: ["lib/testing/setup-db.ts"],
    pool: "forks",
    server: { deps: { inline: ["next-auth", "@auth/core"] } },
    testTimeout: 20_000,
    hookTimeout: 60_000,
    env: { TZ: "UTC", NODE_ENV: "test", LOG_LEVEL: "warn" },
  },
});
