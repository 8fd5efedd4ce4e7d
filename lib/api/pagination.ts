import { z } from "zod";
import { AppError } from "@/lib/errors";

// Cursor pagination for API lists ordered by (timestamp desc, id desc): the
// cursor is the last row's position, opaque to clients (base64url JSON).

export const cursorQuerySchema = z.object({
  cursor: z.string().max(200, "Cursor too long").optional(),
  limit: z.coerce.number().int().min(1, "At least 1").max(100, "At most 100").default(50),
});

export interface Cursor {
  at: string;
  id: string;
}

export function encodeCursor(c: Cursor): string {
  return Buffer.from(JSON.stringify([c.at, c.id]), "utf8").toString("base64url");
}

export function decodeCursor(value: string | undefined): Cursor | null {
  if (!value) return null;
  try {
    const [at, id] = JSON.parse(Buffer.from(value, "base64url").toString("utf8")) as unknown[];
    if (typeof at !== "string" || typeof id !== "string" || Number.isNaN(Date.parse(at))) throw new Error("bad cursor");
    return { at, id };
  } catch {
    throw new AppError({ code: "bad_request", message: "The cursor is not valid", fields: { cursor: ["Use nextCursor from a previous page"] } });
  }
}

/** Given limit+1 rows, the page and the cursor of the next one. */
export function pageFrom<T>(rows: T[], limit: number, position: (row: T) => Cursor): { data: T[]; nextCursor: string | null } {
  const data = rows.slice(0, limit);
  const last = data[data.length - 1];
  return { data, nextCursor: rows.length > limit && last ? encodeCursor(position(last)) : null };
}
