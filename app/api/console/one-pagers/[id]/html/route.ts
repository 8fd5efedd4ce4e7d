import { NextResponse } from "next/server";
import { withApi } from "@/lib/api/handler";
import { onePagerHtml } from "@/lib/marketing/one-pagers";
import { partnerQuerySchema } from "@/lib/marketing/routes-schemas";

/** GET /api/console/one-pagers/{id}/html — the one-pager as a standalone page (the console previews it in a frame). */
export const GET = withApi<{ id: string }, undefined, typeof partnerQuerySchema>({ auth: "session_or_key", query: partnerQuerySchema }, async ({ principal, params, query }) => {
  const { html } = await onePagerHtml(principal, query.partnerId, params.id);
  return new NextResponse(html, {
    headers: {
      "content-type": "text/html; charset=utf-8",
      "cache-control": "private, no-store",
      "content-security-policy": "default-src 'none'; img-src data:; style-src 'unsafe-inline'; frame-ancestors 'self'",
      "x-content-type-options": "nosniff",
    },
  });
});
