import Link from "next/link";

export interface ViewerSummary {
  name: string | null;
  email: string;
  isAdmin: boolean;
  hasPartner: boolean;
}

/** Links for the signed-in person, and sign-out (a form posting to a server action). */
export function UserMenu({ viewer, signOutAction }: { viewer: ViewerSummary | null; signOutAction: () => Promise<void> }) {
  if (!viewer) {
    return (
      <Link
        href="/sign-in"
        className="inline-flex h-9 items-center rounded-lg bg-brand-700 px-3.5 text-sm font-medium text-white hover:bg-brand-800"
      >
        Partner sign-in
      </Link>
    );
  }
  return (
    <details className="group relative">
      <summary className="flex h-9 cursor-pointer list-none items-center gap-2 rounded-lg px-2 text-sm font-medium text-ink hover:bg-slate-100 [&::-webkit-details-marker]:hidden">
        <span className="flex size-7 items-center justify-center rounded-full bg-brand-100 text-xs font-semibold text-brand-800" aria-hidden="true">
          {(viewer.name ?? viewer.email).slice(0, 1).toUpperCase()}
        </span>
        <span className="hidden max-w-40 truncate sm:inline">{viewer.name ?? viewer.email}</span>
        <svg viewBox="0 0 20 20" className="size-4 text-ink-subtle" aria-hidden="true">
          <path d="M5 7l5 5 5-5" fill="none" stroke="currentColor" strokeWidth="1.8" />
        </svg>
      </summary>
      <div className="absolute right-0 z-30 mt-2 w-60 rounded-xl bg-white p-1.5 shadow-lg ring-1 ring-slate-200">
        <p className="truncate px-3 py-2 text-xs text-ink-subtle">{viewer.email}</p>
        {viewer.hasPartner ? (
          <Link href="/console" className="block rounded-lg px-3 py-2 text-sm hover:bg-slate-100">
            Partner console
          </Link>
        ) : null}
        {viewer.isAdmin ? (
          <Link href="/admin" className="block rounded-lg px-3 py-2 text-sm hover:bg-slate-100">
            Program admin
          </Link>
        ) : null}
        <form action={signOutAction}>
          <button type="submit" className="block w-full rounded-lg px-3 py-2 text-left text-sm hover:bg-slate-100">
            Sign out
          </button>
        </form>
      </div>
    </details>
  );
}
