import { describe, expect, it } from "vitest";
import { csvStream, safeCell } from "./csv";

async function text(stream: ReadableStream<Uint8Array>): Promise<string> {
  return new Response(stream).text();
}

async function* rows(items: unknown[][]) {
  for (const r of items) yield r;
}

describe("CSV export", () => {
  it("quotes commas, quotes and newlines, and writes a header", async () => {
    const out = await text(csvStream(["a", "b"], rows([["x,y", 'say "hi"'], ["line\nbreak", 3]])));
    expect(out).toBe('a,b\n"x,y","say ""hi"""\n"line\nbreak",3\n');
  });

  it("neutralises spreadsheet formulas but keeps negative numbers", () => {
    expect(safeCell("=HYPERLINK(\"http://evil\")")).toBe("'=HYPERLINK(\"http://evil\")");
    expect(safeCell("@SUM(A1)")).toBe("'@SUM(A1)");
    expect(safeCell("-1250")).toBe("-1250");
    expect(safeCell(new Date("2026-03-02T10:00:00Z"))).toBe("2026-03-02T10:00:00.000Z");
    expect(safeCell(null)).toBe("");
  });
});
