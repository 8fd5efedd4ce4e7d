// Turning what a prospect types into a full-text query. Only letters and digits
// survive, so nothing typed can change the query's syntax: quotes, operators,
// `%`, `_`, backslashes and regex characters all become word breaks.

const MAX_TERMS = 8;
const MAX_TERM_LENGTH = 40;

/** Search words, lower-cased, at most 8 of at most 40 characters. */
export function searchTerms(q: string): string[] {
  const words = q.toLowerCase().normalize("NFKC").match(/[\p{L}\p{N}]+/gu) ?? [];
  return [...new Set(words.map((w) => w.slice(0, MAX_TERM_LENGTH)))].slice(0, MAX_TERMS);
}

/**
 * A prefix query for to_tsquery('simple', ...): every word must match the start
 * of a word in the document ("bright pix" finds "Brightpixel Studio" only if both
 * match; "word" finds "wordpress"). With `weights`, every word must be found in those
 * parts of the document: A the name, B stacks and tagline (C, the description, is the rest).
 * Null when there is nothing to search for.
 */
export function prefixTsQuery(q: string, weights: "" | "A" | "AB" = ""): string | null {
  const terms = searchTerms(q);
  return terms.length ? terms.map((t) => `${t}:*${weights}`).join(" & ") : null;
}
