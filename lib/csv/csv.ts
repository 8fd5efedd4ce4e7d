import { stringify } from "csv-stringify";

// CSV at the edges, through csv-stringify (quoting, newlines in fields).
// Cells a spreadsheet would run as a formula (=, +, -, @, tab, CR) get a leading
// apostrophe, so an exported value can never execute in Excel or Sheets.

const FORMULA = /^[=+\-@\t\r]/;

export function safeCell(value: unknown): string {
  if (value === null || value === undefined) return "";
  const s = value instanceof Date ? value.toISOString() : typeof value === "object" ? JSON.stringify(value) : String(value);
  return FORMULA.test(s) && !/^-?\d+(\.\d+)?$/.test(s) ? `'${s}` : s;
}

/** A streaming CSV response body from rows produced by an async iterator. */
export function csvStream(columns: string[], rows: AsyncIterable<unknown[]>): ReadableStream<Uint8Array> {
  const stringifier = stringify({ header: true, columns, cast: { string: (s) => s } });
  (async () => {
    try {
      for await (const row of rows) {
        if (!stringifier.write(row.map(safeCell))) await new Promise((r) => stringifier.once("drain", r));
      }
    } catch (error) {
      stringifier.destroy(error as Error);
      return;
    }
    stringifier.end();
  })();
  const encoder = new TextEncoder();
  return new ReadableStream<Uint8Array>({
    start(controller) {
      stringifier.on("data", (chunk: Buffer | string) => controller.enqueue(typeof chunk === "string" ? encoder.encode(chunk) : new Uint8Array(chunk)));
      stringifier.on("end", () => controller.close());
      stringifier.on("error", (e) => controller.error(e));
    },
    cancel() {
      stringifier.destroy();
    },
  });
}

export function csvResponse(filename: string, body: ReadableStream<Uint8Array>): Response {
  return new Response(body, {
    headers: {
      "content-type": "text/csv; charset=utf-8",
      "content-disposition": `attachment; filename="${filename.replace(/[^\w.-]/g, "_")}"`,
      "cache-control": "no-store",
    },
  });
}
