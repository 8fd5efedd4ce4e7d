import { bytesOfFile } from "@/lib/storage/uploads";

// Reading multipart forms in server actions: the named text fields, and a file
// when one was chosen.

/** The listed fields that are text (a missing or file field is left out, for zod to report). */
export function formFields(form: FormData, names: readonly string[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const n of names) {
    const v = form.get(n);
    if (typeof v === "string") out[n] = v;
  }
  return out;
}

/** The file in `field`, or null when none was chosen. */
export async function optionalFormFile(form: FormData, field = "file") {
  const f = form.get(field);
  return f instanceof Blob && f.size > 0 ? bytesOfFile(f, field) : null;
}
