import { z } from "zod";
import { withApi } from "@/lib/api/handler";
import { receiptFilename, receiptHtml, receiptPdf } from "@/lib/legal/receipt";
import { getReceipt } from "@/lib/legal/views";

const query = z.object({ format: z.enum(["pdf", "html"], { message: "Use format=pdf or format=html" }).default("pdf") });

/**
 * GET /api/console/agreements/receipts/{id}?format=pdf|html — a signature
 * receipt, for the partner's team and admins (signed-in session).
 */
export const GET = withApi<{ id: string }, undefined, typeof query>({ auth: "session_or_key", query }, async ({ principal, params, query }) => {
  const receipt = await getReceipt(principal, params.id);
  const headers = {
    "cache-control": "private, no-store",
    "content-disposition": `attachment; filename="${receiptFilename(receipt, query.format)}"`,
    "x-content-type-options": "nosniff",
  };
  if (query.format === "html") {
    return new Response(receiptHtml(receipt), { headers: { ...headers, "content-type": "text/html; charset=utf-8", "content-security-policy": "default-src 'none'; style-src 'unsafe-inline'" } });
  }
  const pdf = await receiptPdf(receipt);
  return new Response(Buffer.from(pdf), { headers: { ...headers, "content-type": "application/pdf", "content-length": String(pdf.byteLength) } });
});
