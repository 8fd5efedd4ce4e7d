import type { NextConfig } from "next";

const nextConfig: NextConfig = {
  poweredByHeader: false,
  // Pages get these (and a CSP) from proxy.ts; everything else gets them here.
  async headers() {
    return [
      {
        source: "/:path*",
        headers: [
          { key: "X-Content-Type-Options", value: "nosniff" },
          { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
        ],
      },
    ];
  },
  // PGlite ships WASM and a data bundle that must be loaded from node_modules at run time.
  // playwright-core (PDF printing) drives a local Chromium and is not meant to be bundled.
  serverExternalPackages: ["@electric-sql/pglite", "playwright-core"],
  experimental: {
    // forbidden() / unauthorized() render app/forbidden.tsx with a real 403.
    authInterrupts: true,
    // Uploads through server actions (marketing material, proofs, receipts: up to 20 MB each).
    serverActions: { bodySizeLimit: "25mb" },
  },
};

export default nextConfig;
