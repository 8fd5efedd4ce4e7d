import "server-only";
import { createHash } from "node:crypto";
import { eq } from "drizzle-orm";
import type { Queryable } from "@/db/client";
import { getDb } from "@/db/client";
import { uploads } from "@/db/schema";
import { AppError, notFound } from "@/lib/errors";
import { newId } from "@/lib/ids";
import { decidePrincipalForPartner, type Principal } from "@/lib/auth/permissions";
import { FILE_TYPES, UPLOAD_POLICIES, describePolicy, sniffType, unsafeSvg, type UploadPurpose } from "./policies";
import { getStorage } from "./storage";

// Storing a partner's file: checked against its purpose's policy (type from the
// bytes, not the name; size), written to the storage adapter, then recorded.
// Callers authorize first (the partner action that owns the upload) and keep
// the returned id on their own row (a letter, a logo, a claim).

export type Upload = typeof uploads.$inferSelect;

export interface UploadInput {
  partnerId: string | null;
  uploadedBy: string | null;
  purpose: UploadPurpose;
  filename: string;
  bytes: Uint8Array;
  /** The type the browser claimed; only used to tell text formats apart. */
  declaredType?: string;
}

function fileError(message: string, field = "file"): AppError {
  return new AppError({ code: "validation_failed", message, fields: { [field]: [message] } });
}

/** The checks every upload passes, without touching storage. Returns the content type to store. */
export function checkUpload(input: Pick<UploadInput, "purpose" | "filename" | "bytes" | "declaredType">, field = "file"): string {
  const policy = UPLOAD_POLICIES[input.purpose];
  if (input.bytes.byteLength === 0) throw fileError("The file is empty", field);
  if (input.bytes.byteLength > policy.maxBytes) throw fileError(`The file is too large: ${describePolicy(input.purpose)}`, field);
  if (!input.filename.trim() || input.filename.length > 200) throw fileError("The file needs a name of at most 200 characters", field);
  const type = sniffType(input.bytes, input.declaredType ?? "");
  if (!type || !(policy.types as readonly string[]).includes(type)) {
    throw fileError(`This file type is not accepted here: ${describePolicy(input.purpose)}`, field);
  }
  if (type === "image/svg+xml" && unsafeSvg(new TextDecoder().decode(input.bytes))) {
    throw fileError("SVG files may not contain scripts, event handlers or embedded content", field);
  }
  return type;
}

/** A name safe to put in Content-Disposition: the user's name without path parts or control characters. */
export function safeFilename(name: string, contentType: string): string {
  const base = name.split(/[\\/]/).pop()!.replace(/[^\w.\- ()]+/g, "_").slice(0, 120) || "file";
  const ext = FILE_TYPES[contentType as keyof typeof FILE_TYPES]?.ext;
  return ext && !base.toLowerCase().endsWith(`.${ext}`) ? `${base}.${ext}` : base;
}

/**
 * Stores the bytes and records the upload (in `tx` when given, so the caller's
 * row and the upload commit together). The bytes are written first: a failed
 * insert leaves an unreferenced object, never a row without its file.
 */
export async function saveUpload(input: UploadInput, now: Date, tx?: Queryable): Promise<Upload> {
  const contentType = checkUpload(input);
  const id = newId("upload");
  const storageKey = `uploads/${input.partnerId ?? "program"}/${id}`;
  await getStorage().put(storageKey, input.bytes, contentType);
  const db = tx ?? (await getDb());
  const [row] = await db
    .insert(uploads)
    .values({
      id,
      partnerId: input.partnerId,
      uploadedBy: input.uploadedBy,
      purpose: input.purpose,
      storageKey,
      filename: safeFilename(input.filename, contentType),
      contentType,
      sizeBytes: input.bytes.byteLength,
      sha256: createHash("sha256").update(input.bytes).digest("hex"),
      createdAt: now,
    })
    .returning();
  return row!;
}

/** Reads a File from a form or multipart body into an UploadInput's bytes. */
export async function bytesOfFile(file: unknown, field = "file"): Promise<{ bytes: Uint8Array; filename: string; declaredType: string }> {
  if (!(file instanceof Blob) || file.size === 0) throw fileError("Choose a file to upload", field);
  const filename = "name" in file && typeof file.name === "string" ? file.name : "upload";
  return { bytes: new Uint8Array(await file.arrayBuffer()), filename, declaredType: file.type };
}

export async function getUpload(id: string): Promise<Upload | null> {
  const db = await getDb();
  const [row] = await db.select().from(uploads).where(eq(uploads.id, id));
  return row ?? null;
}

/** Whether this caller may read the file: public purposes for anyone, others for the partner and admins. */
export function mayReadUpload(principal: Principal | null, upload: Pick<Upload, "purpose" | "partnerId">): boolean {
  const policy = UPLOAD_POLICIES[upload.purpose as UploadPurpose];
  if (policy?.public) return true;
  if (!upload.partnerId) return principal?.kind === "user" && principal.viewer.isAdmin;
  return decidePrincipalForPartner(principal, "partner:read", upload.partnerId).allowed;
}

/** The file's bytes for a caller allowed to read it; 404 otherwise (its existence is not revealed). */
export async function readUpload(principal: Principal | null, id: string): Promise<{ upload: Upload; body: Uint8Array }> {
  const upload = await getUpload(id);
  if (!upload || !mayReadUpload(principal, upload)) throw notFound("File");
  const stored = await getStorage().get(upload.storageKey);
  if (!stored) throw notFound("File");
  return { upload, body: stored.body };
}

export function uploadUrl(id: string): string {
  return `/api/files/${id}`;
}
