import { ZodError, type z } from "zod";

// One error type for the whole app, with a closed set of codes, and one mapping
// to HTTP: `{ error: { code, message, fields? } }`. Never a stack trace.

export const ERROR_STATUS = {
  validation_failed: 400,
  bad_request: 400,
  unauthorized: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  unprocessable: 422,
  rate_limited: 429,
  internal: 500,
  unavailable: 503,
} as const;

export type ErrorCode = keyof typeof ERROR_STATUS;

export type FieldErrors = Record<string, string[]>;

export class AppError extends Error {
  readonly code: ErrorCode;
  readonly fields?: FieldErrors;
  readonly headers?: Record<string, string>;

  constructor(args: { code: ErrorCode; message: string; fields?: FieldErrors; headers?: Record<string, string> }) {
    super(args.message);
    this.name = "AppError";
    this.code = args.code;
    this.fields = args.fields;
    this.headers = args.headers;
  }

  get status(): number {
    return ERROR_STATUS[this.code];
  }
}

export const notFound = (what: string) => new AppError({ code: "not_found", message: `${what} not found` });
export const forbidden = (message = "You do not have permission to do this") =>
  new AppError({ code: "forbidden", message });
export const unauthorized = (message = "Sign in or send a valid API key") =>
  new AppError({ code: "unauthorized", message });
export const conflict = (message: string) => new AppError({ code: "conflict", message });

/** Field messages keyed by dotted path ("proofLinks.1"), "_" for the object itself. */
export function fieldErrorsFrom(error: ZodError): FieldErrors {
  // A Map, not an object literal: a client may send a field named "__proto__".
  const fields = new Map<string, string[]>();
  const add = (key: string, message: string) => fields.set(key, [...(fields.get(key) ?? []), message]);
  for (const issue of error.issues) {
    if (issue.code === "unrecognized_keys") {
      for (const k of issue.keys) add([...issue.path, k].join("."), "Unknown field");
      continue;
    }
    add(issue.path.length ? issue.path.join(".") : "_", issue.message);
  }
  return Object.fromEntries(fields);
}

export function validationError(error: ZodError): AppError {
  const fields = fieldErrorsFrom(error);
  const count = Object.keys(fields).length;
  return new AppError({
    code: "validation_failed",
    message: count === 1 ? "One field is invalid" : `${count} fields are invalid`,
    fields,
  });
}

/** Parses with a zod schema or throws a 400 AppError with field messages. */
export function parseOrThrow<S extends z.ZodType>(schema: S, input: unknown): z.infer<S> {
  const result = schema.safeParse(input);
  if (!result.success) throw validationError(result.error);
  return result.data;
}

export interface ErrorBody {
  error: { code: ErrorCode; message: string; fields?: FieldErrors };
}

/** Maps anything thrown to a status and a safe body; unknown errors become a bare 500. */
export function toErrorResponse(error: unknown): { status: number; body: ErrorBody; headers?: Record<string, string> } {
  if (error instanceof AppError) {
    return {
      status: error.status,
      body: { error: { code: error.code, message: error.message, ...(error.fields ? { fields: error.fields } : {}) } },
      headers: error.headers,
    };
  }
  if (error instanceof ZodError) return toErrorResponse(validationError(error));
  return { status: 500, body: { error: { code: "internal", message: "Something went wrong on our side" } } };
}

/** The PostgreSQL error behind a (possibly wrapped) driver error, if any. */
export function pgErrorOf(error: unknown): { code?: string; message: string; constraint?: string } | null {
  let current: unknown = error;
  for (let depth = 0; current && depth < 5; depth++) {
    const e = current as { code?: unknown; message?: unknown; constraint?: unknown; constraint_name?: unknown; cause?: unknown };
    if (typeof e.code === "string" && /^[0-9A-Z]{5}$/.test(e.code)) {
      const constraint = (e.constraint ?? e.constraint_name) as string | undefined;
      return { code: e.code, message: String(e.message ?? ""), constraint };
    }
    current = e.cause;
  }
  return null;
}
