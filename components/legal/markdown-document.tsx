import type { Heading } from "@/lib/legal/markdown";

// Rendered, sanitized Markdown (lib/legal/markdown.ts) with document typography.
// The HTML comes only from renderMarkdown, which escapes raw HTML and runs an allowlist.
export function MarkdownDocument({ html, className }: { html: string; className?: string }) {
  return (
    <div
      className={[
        "max-w-none text-[15px] leading-7 text-ink",
        "[&_h1]:mb-6 [&_h1]:text-3xl [&_h1]:font-semibold [&_h1]:tracking-tight",
        "[&_h2]:mt-10 [&_h2]:mb-3 [&_h2]:scroll-mt-6 [&_h2]:border-t [&_h2]:border-slate-200 [&_h2]:pt-6 [&_h2]:text-xl [&_h2]:font-semibold",
        "[&_h3]:mt-6 [&_h3]:mb-2 [&_h3]:scroll-mt-6 [&_h3]:text-base [&_h3]:font-semibold",
        "[&_p]:my-3 [&_ul]:my-3 [&_ul]:list-disc [&_ul]:pl-6 [&_ol]:my-3 [&_ol]:list-decimal [&_ol]:pl-6 [&_li]:my-1",
        "[&_a]:text-brand-700 [&_a]:underline [&_strong]:font-semibold",
        "[&_code]:rounded [&_code]:bg-slate-100 [&_code]:px-1 [&_code]:py-0.5 [&_code]:font-mono [&_code]:text-[13px]",
        "[&_table]:my-4 [&_table]:block [&_table]:w-full [&_table]:overflow-x-auto [&_table]:text-sm",
        "[&_th]:border-b [&_th]:border-slate-300 [&_th]:px-3 [&_th]:py-2 [&_th]:text-left [&_th]:font-semibold [&_th]:align-bottom",
        "[&_td]:border-b [&_td]:border-slate-100 [&_td]:px-3 [&_td]:py-2 [&_td]:align-top",
        className ?? "",
      ].join(" ")}
      // eslint-disable-next-line react/no-danger
      dangerouslySetInnerHTML={{ __html: html }}
    />
  );
}

export function TableOfContents({ headings, label = "Contents" }: { headings: Heading[]; label?: string }) {
  if (headings.length === 0) return null;
  return (
    <nav aria-label={label} className="text-sm">
      <p className="mb-2 font-semibold text-ink">{label}</p>
      <ol className="space-y-1.5">
        {headings
          .filter((h) => h.level === 2)
          .map((h) => (
            <li key={h.id}>
              <a href={`#${h.id}`} className="text-ink-muted hover:text-ink hover:underline">
                {h.text}
              </a>
            </li>
          ))}
      </ol>
    </nav>
  );
}
