import { NextResponse } from "next/server";
import { withApi } from "@/lib/api/handler";
import { onePagerHtml } from "@/lib/marketing/one-pagers";
import { htmlToPdf } from "@/lib/marketing/pdf";
import { partnerQuerySchema } from "@/lib/marketing/routes-schemas";

export const runtime = "nodejs";

/** GET /api/console/one-pagers/{id}/pdf — the one-pager printed to PDF with Chromium. */
export const GET = withApi<{ id: string }, undefined, typeof partnerQuerySchema>(
  { auth: "session_or_key", query: partnerQuerySchema, rateLimit: { limit: 20, windowMs: 60_000 } },
  async ({ principal, params, query }) => {
    const { html, filename } = await onePagerHtml(principal, query.partnerId, params.id);
    const pdf = await htmlToPdf(html);
    return new NextResponse(Buffer.from(pdf), {
      headers: {
        "content-type": "application/pdf",
        "content-disposition": `attachment; filename="${filename}.pdf"`,
        "cache-control": "private, no-store",
      },
    });
  },
);
