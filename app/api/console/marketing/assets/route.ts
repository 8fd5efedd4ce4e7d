import { NextResponse } from "next/server";
import { withApi } from "@/lib/api/handler";
import { AppError } from "@/lib/errors";
import { kitFile, kitZip } from "@/lib/marketing/assets";
import { assetQuerySchema } from "@/lib/marketing/routes-schemas";

/**
 * GET /api/console/marketing/assets?partnerId=...&file=<path> — one co-branded
 * asset (logo, badge mark, template); with zip=1 all of them in one zip.
 */
export const GET = withApi({ auth: "session_or_key", query: assetQuerySchema }, async ({ principal, query }) => {
  if (query.zip) {
    const zip = await kitZip(principal, query.partnerId);
    return new NextResponse(Buffer.from(zip.bytes), {
      headers: { "content-type": "application/zip", "content-disposition": `attachment; filename="${zip.filename}"`, "cache-control": "private, no-store" },
    });
  }
  if (!query.file) throw new AppError({ code: "validation_failed", message: "Choose a file", fields: { file: ["Choose a file or zip=1"] } });
  const f = await kitFile(principal, query.partnerId, query.file);
  return new NextResponse(Buffer.from(f.bytes), {
    headers: {
      "content-type": f.contentType.startsWith("text/") ? `${f.contentType}; charset=utf-8` : f.contentType,
      "content-disposition": `attachment; filename="${f.path.split("/").pop()}"`,
      "cache-control": "private, no-store",
      "x-content-type-options": "nosniff",
      "content-security-policy": "default-src 'none'; style-src 'unsafe-inline'; sandbox",
    },
  });
});
