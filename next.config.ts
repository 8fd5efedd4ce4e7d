import type { NextConfig } from "next";

const nextConfig: NextConfig = {
  poweredByHeader: false,
  // PGlite ships WASM and a data bundle that must be loaded from node_modules at run time.
  serverExternalPackages: ["@electric-sql/pglite"],
  experimental: {
    // forbidden() / unauthorized() render app/forbidden.tsx with a real 403.
    authInterrupts: true,
  },
};

export default nextConfig;
