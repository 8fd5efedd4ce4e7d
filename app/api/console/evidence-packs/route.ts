import { NextResponse } from "next/server";
import { z } from "zod";
import { withApi } from "@/lib/api/handler";
import { AppError } from "@/lib/errors";
import { exportEvidencePack } from "@/lib/quality/evidence-pack";

const form = z.object({
  partnerId: z.string().min(1, { message: "Required" }),
  installId: z.string().optional().transform((v) => v || null),
});

/**
 * POST /api/console/evidence-packs — the console's "Export evidence pack"
 * form: builds the zip, records the export and downloads it.
 */
export const POST = withApi({ auth: "session_or_key", rateLimit: { limit: 20, windowMs: 60_000 } }, async ({ req, principal, now }) => {
  let fields: FormData;
  try {
    fields = await req.formData();
  } catch {
    throw new AppError({ code: "bad_request", message: "Send the export form" });
  }
  const input = form.safeParse(Object.fromEntries(fields));
  if (!input.success) throw new AppError({ code: "validation_failed", message: "Choose what to export" });
  const pack = await exportEvidencePack({ principal, partnerId: input.data.partnerId, installId: input.data.installId, now });
  return new NextResponse(Buffer.from(pack.zip), {
    headers: {
      "content-type": "application/zip",
      "content-disposition": `attachment; filename="${pack.filename}"`,
      "cache-control": "no-store",
      "x-evidence-export-id": pack.exportId,
    },
  });
});
