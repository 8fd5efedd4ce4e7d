import { describe, expect, it } from "vitest";
import { renderMarkdown } from "./markdown";

describe("renderMarkdown", () => {
  it("renders headings with ids, tables and emphasis, and lists the outline", () => {
    const { html, headings } = renderMarkdown("# Title\n\n## 1. Eligibility\n\n### 1.1 Who may join\n\n| a | b |\n|---|---|\n| **x** | y |\n");
    expect(html).toContain('<h2 id="1-eligibility">1. Eligibility</h2>');
    expect(html).toContain("<table>");
    expect(html).toContain("<strong>x</strong>");
    expect(headings).toEqual([
      { level: 2, id: "1-eligibility", text: "1. Eligibility" },
      { level: 3, id: "11-who-may-join", text: "1.1 Who may join" },
    ]);
  });

  it("never lets HTML, scripts or javascript: links through", () => {
    const { html } = renderMarkdown('<script>alert(1)</script>\n\n<img src=x onerror=alert(1)>\n\n[click](javascript:alert(1)) [ok](https://example.com)\n\n![p](data:image/svg+xml;base64,PHN2Zz4=)');
    expect(html).not.toContain("<script");
    expect(html).not.toContain("<img");
    expect(html).not.toMatch(/href="javascript:/);
    expect(html).toContain('<a href="https://example.com">ok</a>');
  });

  it("gives repeated headings distinct ids", () => {
    const { headings } = renderMarkdown("## Steps\n\n## Steps\n");
    expect(headings.map((h) => h.id)).toEqual(["steps", "steps-1"]);
  });
});
