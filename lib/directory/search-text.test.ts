import { describe, expect, it } from "vitest";
import { prefixTsQuery, searchTerms } from "./search-text";

describe("search text", () => {
  it.each([
    ["WordPress", "wordpress:*"],
    ["  bright   pixel ", "bright:* & pixel:*"],
    ["c2pa & soc2 | !audit", "c2pa:* & soc2:* & audit:*"],
    ["'; drop table partners; --", "drop:* & table:* & partners:*"],
    ["(.*)+[a-z]{3}\\", "a:* & z:* & 3:*"],
    ["%_%", null],
    ["", null],
    ["Zürich Ünïcode", "zürich:* & ünïcode:*"],
  ])("%j -> %j", (q, expected) => expect(prefixTsQuery(q)).toBe(expected));

  it("restricts every word to the weighted parts of the document when asked", () => {
    expect(prefixTsQuery("Bright pixel", "A")).toBe("bright:*A & pixel:*A");
    expect(prefixTsQuery("wordpress", "AB")).toBe("wordpress:*AB");
    expect(prefixTsQuery("%_%", "A")).toBeNull();
  });

  it("keeps at most 8 distinct words of at most 40 characters", () => {
    expect(searchTerms("a b c d e f g h i j a")).toEqual(["a", "b", "c", "d", "e", "f", "g", "h"]);
    expect(searchTerms("x".repeat(60))[0]).toHaveLength(40);
  });
});
