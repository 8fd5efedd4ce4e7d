import type { z } from "zod";
import { AppError, parseOrThrow } from "@/lib/errors";

// Reading a JSON request body defensively: the content type must be JSON, the
// body at most `maxBytes` (checked on the declared length and on the bytes
// actually read), and valid JSON; then the zod schema decides, with a message
// per field. Every refusal is a 400 with `fields`.

export const DEFAULT_MAX_BODY_BYTES = 16 * 1024;

function refuse(message: string, field = "_"): AppError {
  return new AppError({ code: "bad_request", message, fields: { [field]: [message] } });
}

export async function readJsonBody<S extends z.ZodType>(req: Request, schema: S, options: { maxBytes?: number } = {}): Promise<z.infer<S>> {
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_BODY_BYTES;
  const type = req.headers.get("content-type") ?? "";
  if (!/^application\/(?:[\w.+-]+\+)?json\s*(?:;|$)/i.test(type)) {
    throw refuse("Send the body as JSON with `content-type: application/json`", "content-type");
  }
  const declared = Number(req.headers.get("content-length") ?? "0");
  if (declared > maxBytes) throw refuse(`The body is larger than ${maxBytes} bytes`);
  const bytes = new Uint8Array(await req.arrayBuffer());
  if (bytes.byteLength > maxBytes) throw refuse(`The body is larger than ${maxBytes} bytes`);
  let body: unknown;
  try {
    body = JSON.parse(new TextDecoder().decode(bytes));
  } catch {
    throw refuse("The request body must be valid JSON");
  }
  return parseOrThrow(schema, body);
}
