import { describe, expect, it } from "vitest";
import { toggleHref, withHref, withoutHref } from "./url";

describe("directory URLs", () => {
  const params = { q: "studio", stack: "wordpress", page: "3" };
  it("toggles list values and goes back to page 1", () => {
    expect(toggleHref("/", params, "stack", "shopify")).toBe("/?q=studio&stack=wordpress%2Cshopify");
    expect(toggleHref("/", params, "stack", "wordpress")).toBe("/?q=studio");
    expect(toggleHref("/", params, "region", "europe")).toBe("/?q=studio&stack=wordpress&region=europe");
  });
  it("sets and clears single values", () => {
    expect(toggleHref("/", {}, "track", "auditor")).toBe("/?track=auditor");
    expect(toggleHref("/", { track: "auditor" }, "track", "auditor")).toBe("/");
  });
  it("removes a filter, and the search text with its sort", () => {
    expect(withoutHref("/", { ...params, sort: "rank" }, "q")).toBe("/?stack=wordpress");
    expect(withoutHref("/auditors", params, "stack")).toBe("/auditors?q=studio");
  });
  it("changes the page keeping the filters", () => {
    expect(withHref("/", params, { page: "4" })).toBe("/?q=studio&stack=wordpress&page=4");
    expect(withHref("/", params, { page: "" })).toBe("/?q=studio&stack=wordpress");
  });
});
