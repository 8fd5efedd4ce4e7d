import { withApi, created } from "@/lib/api/handler";
import { submitDocument } from "@/lib/certification/submissions";
import { AppError } from "@/lib/errors";
import { bytesOfFile } from "@/lib/storage/uploads";

const MAX_FORM_BYTES = 11 * 1024 * 1024;

/**
 * POST /api/console/certification/documents — the console's upload form for
 * enterprise references, runbooks and pen-test letters (multipart: partnerId,
 * kind, title, quarter, file). The file's type and size are checked per kind.
 */
export const POST = withApi({ auth: "session_or_key", rateLimit: { limit: 30, windowMs: 60_000 } }, async ({ req, principal, now }) => {
  if (Number(req.headers.get("content-length") ?? "0") > MAX_FORM_BYTES) {
    throw new AppError({ code: "validation_failed", message: "The file is too large: up to 10 MB", fields: { file: ["The file is too large: up to 10 MB"] } });
  }
  let form: FormData;
  try {
    form = await req.formData();
  } catch {
    throw new AppError({ code: "bad_request", message: "Send the upload form as multipart/form-data" });
  }
  const partnerId = String(form.get("partnerId") ?? "");
  const quarter = String(form.get("quarter") ?? "").trim();
  const input = { kind: form.get("kind"), title: form.get("title"), ...(quarter ? { quarter } : {}) };
  const file = await bytesOfFile(form.get("file"));
  const row = await submitDocument({ principal, partnerId, input, file, now });
  return created({ id: row.id, kind: row.kind, status: row.status });
});

