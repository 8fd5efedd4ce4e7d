// Directory URLs: every filter lives in the query string, so a search is a
// shareable link and the back button steps through it. Pure, client-safe.

export type DirectoryParams = Record<string, string>;

const LIST_KEYS = new Set(["tier", "stack", "region", "language", "badge"]);

function href(path: string, params: DirectoryParams): string {
  const sp = new URLSearchParams();
  for (const key of ["q", "track", "tier", "stack", "region", "language", "badge", "sort", "page"]) {
    const v = params[key];
    if (v) sp.set(key, v);
  }
  const qs = sp.toString();
  return qs ? `${path}?${qs}` : path;
}

export function listOf(params: DirectoryParams, key: string): string[] {
  return (params[key] ?? "").split(",").filter(Boolean);
}

/** The URL with one filter value switched on or off (lists) or set/cleared (track); back to page 1. */
export function toggleHref(path: string, params: DirectoryParams, key: string, value: string): string {
  const next = { ...params };
  delete next.page;
  if (LIST_KEYS.has(key)) {
    const values = listOf(params, key);
    const updated = values.includes(value) ? values.filter((v) => v !== value) : [...values, value];
    if (updated.length) next[key] = updated.join(",");
    else delete next[key];
  } else if (params[key] === value) {
    delete next[key];
  } else {
    next[key] = value;
  }
  return href(path, next);
}

/** The URL without one filter (all its values); back to page 1. */
export function withoutHref(path: string, params: DirectoryParams, key: string): string {
  const next = { ...params };
  delete next.page;
  delete next[key];
  if (key === "q") delete next.sort;
  return href(path, next);
}

export function withHref(path: string, params: DirectoryParams, changes: DirectoryParams): string {
  const next = { ...params, ...changes };
  for (const [k, v] of Object.entries(changes)) if (!v) delete next[k];
  return href(path, next);
}
