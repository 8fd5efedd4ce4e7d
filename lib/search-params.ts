/** Next's searchParams, flattened: repeated keys (?stack=a&stack=b) become "a,b". */
export function flattenSearchParams(params: Record<string, string | string[] | undefined>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, value] of Object.entries(params)) {
    if (value === undefined) continue;
    const joined = Array.isArray(value) ? value.join(",") : value;
    if (joined !== "") out[key] = joined;
  }
  return out;
}
