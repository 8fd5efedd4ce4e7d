import MarkdownIt from "markdown-it";
import sanitizeHtml from "sanitize-html";

// Markdown to safe HTML for the program's documents and playbooks.
//
// markdown-it with `html: false` escapes any raw HTML in the source and its
// link validator refuses javascript:, vbscript: and data: URLs; sanitize-html
// then keeps only the elements and attributes below, so even a mistake in a
// document (or a future plugin) cannot put script or event handlers on a page.
// Headings get stable ids (for the table of contents and deep links).

const md = new MarkdownIt({ html: false, linkify: false, typographer: true });

export interface Heading {
  level: 2 | 3;
  id: string;
  text: string;
}

export function slugify(text: string): string {
  return text
    .toLowerCase()
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/[^a-z0-9\s-]/g, "")
    .trim()
    .replace(/\s+/g, "-")
    .replace(/-+/g, "-");
}

const ALLOWED = {
  allowedTags: [
    "h1", "h2", "h3", "h4", "p", "a", "ul", "ol", "li", "strong", "em", "code", "pre", "blockquote",
    "table", "thead", "tbody", "tr", "th", "td", "hr", "br", "del",
  ],
  allowedAttributes: { a: ["href", "title"], h2: ["id"], h3: ["id"], h4: ["id"], th: ["style"], td: ["style"], ol: ["start"] },
  allowedStyles: { th: { "text-align": [/^(left|right|center)$/] }, td: { "text-align": [/^(left|right|center)$/] } },
  allowedSchemes: ["https", "http", "mailto"],
  allowProtocolRelative: false,
} satisfies sanitizeHtml.IOptions;

/** Safe HTML and the h2/h3 outline of a Markdown document. */
export function renderMarkdown(source: string): { html: string; headings: Heading[] } {
  const tokens = md.parse(source, {});
  const headings: Heading[] = [];
  const used = new Map<string, number>();
  tokens.forEach((token, i) => {
    if (token.type !== "heading_open") return;
    const level = Number(token.tag.slice(1));
    const text = tokens[i + 1]?.children?.map((c) => c.content).join("") ?? "";
    const base = slugify(text) || "section";
    const n = used.get(base) ?? 0;
    used.set(base, n + 1);
    const id = n === 0 ? base : `${base}-${n}`;
    token.attrSet("id", id);
    if (level === 2 || level === 3) headings.push({ level, id, text });
  });
  const html = sanitizeHtml(md.renderer.render(tokens, md.options, {}), ALLOWED);
  return { html, headings };
}
