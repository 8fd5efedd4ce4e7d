import { CopyButton } from "@/components/attribution/copy-button";

/** A block of code to copy, with its label. */
export function CodeSnippet({ label, code, testId }: { label: string; code: string; testId?: string }) {
  return (
    <div className="min-w-0">
      <div className="flex items-center justify-between gap-2">
        <span className="text-xs font-medium text-ink-muted">{label}</span>
        <CopyButton value={code} label={`Copy ${label}`} />
      </div>
      <pre tabIndex={0} aria-label={label} className="mt-1 overflow-x-auto rounded-lg bg-slate-900 p-3 text-xs leading-relaxed text-slate-100 focus:outline-2 focus:outline-brand-600" data-testid={testId}>
        <code>{code}</code>
      </pre>
    </div>
  );
}
