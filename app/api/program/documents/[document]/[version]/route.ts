import { withApi } from "@/lib/api/handler";
import { notFound } from "@/lib/errors";
import { isLegalDocument, LEGAL_DOCUMENT_INFO } from "@/lib/legal/constants";
import { getPublishedVersion } from "@/lib/legal/views";

/**
 * GET /api/program/documents/{document}/{version} — a published version's
 * exact text (Markdown, UTF-8): the bytes whose SHA-256 signatures record.
 */
export const GET = withApi<{ document: string; version: string }>({ auth: "public" }, async ({ params, now }) => {
  if (!isLegalDocument(params.document)) throw notFound("Document");
  const publication = await getPublishedVersion(params.document, params.version, now);
  return new Response(publication.body, {
    headers: {
      "content-type": "text/markdown; charset=utf-8",
      "content-disposition": `inline; filename="${LEGAL_DOCUMENT_INFO[params.document].folder}-${publication.version}.md"`,
      "cache-control": "public, max-age=3600",
      "x-content-sha256": publication.sha256,
    },
  });
});
