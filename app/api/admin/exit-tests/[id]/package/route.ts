import { NextResponse } from "next/server";
import { withApi } from "@/lib/api/handler";
import { exitTestPackage } from "@/lib/exit-tests/views";

/** GET /api/admin/exit-tests/{id}/package — a run's evidence package (zip with manifest.json), admins only. */
export const GET = withApi<{ id: string }>({ auth: "session_or_key" }, async ({ principal, params }) => {
  const pkg = await exitTestPackage(principal, params.id);
  return new NextResponse(Buffer.from(pkg.zip), {
    headers: {
      "content-type": "application/zip",
      "content-disposition": `attachment; filename="${pkg.filename}"`,
      "cache-control": "no-store",
      "x-manifest-sha256": pkg.manifestSha256,
    },
  });
});
