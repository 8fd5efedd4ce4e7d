import { getPrincipal } from "@/lib/auth/guards";
import { toErrorResponse } from "@/lib/errors";
import { UPLOAD_POLICIES, type UploadPurpose } from "@/lib/storage/policies";
import { readUpload } from "@/lib/storage/uploads";

/**
 * GET /api/files/{id} — an uploaded file. Public purposes (listing logos) are
 * cacheable by anyone; private ones (letters, receipts) only for the partner's
 * members and admins, never cached by shared caches. Files are immutable.
 */
export async function GET(req: Request, { params }: { params: Promise<{ id: string }> }): Promise<Response> {
  try {
    const { id } = await params;
    // No cookie, no session: anonymous without asking Auth.js.
    const principal = req.headers.get("cookie") ? await getPrincipal() : null;
    const { upload, body } = await readUpload(principal, id);
    const isPublic = UPLOAD_POLICIES[upload.purpose as UploadPurpose]?.public ?? false;
    const inline = upload.contentType.startsWith("image/") || upload.contentType === "application/pdf";
    return new Response(body as BodyInit, {
      headers: {
        "content-type": upload.contentType,
        "content-length": String(body.byteLength),
        "content-disposition": `${inline ? "inline" : "attachment"}; filename="${upload.filename}"`,
        "cache-control": isPublic ? "public, max-age=31536000, immutable" : "private, no-store",
        etag: `"${upload.sha256}"`,
        "x-content-type-options": "nosniff",
        // An SVG or PDF opened directly runs in a sandbox: no scripts, no same-origin access.
        "content-security-policy": "default-src 'none'; img-src 'self' data:; style-src 'unsafe-inline'; sandbox",
        ...(isPublic ? { "access-control-allow-origin": "*" } : {}),
      },
    });
  } catch (error) {
    const { status, body, headers } = toErrorResponse(error);
    return Response.json(body, { status, headers });
  }
}
