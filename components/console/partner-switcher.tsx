"use client";

import { useRef } from "react";

/** Switches the console between the viewer's partners. A plain form; JS submits on change. */
export function PartnerSwitcher({
  partners,
  current,
  action,
}: {
  partners: { id: string; name: string }[];
  current: string | null;
  action: (form: FormData) => Promise<void>;
}) {
  const form = useRef<HTMLFormElement>(null);
  if (partners.length === 0) return null;
  if (partners.length === 1) {
    return (
      <div className="rounded-lg bg-white px-3 py-2 ring-1 ring-slate-200">
        <p className="text-xs text-ink-subtle">Partner</p>
        <p className="truncate text-sm font-semibold text-ink">{partners[0]!.name}</p>
      </div>
    );
  }
  return (
    <form ref={form} action={action} className="rounded-lg bg-white px-3 py-2 ring-1 ring-slate-200">
      <label htmlFor="partner-switcher" className="text-xs text-ink-subtle">
        Partner
      </label>
      <select
        id="partner-switcher"
        name="partnerId"
        defaultValue={current ?? undefined}
        onChange={() => form.current?.requestSubmit()}
        className="block w-full bg-transparent text-sm font-semibold text-ink focus:outline-none"
      >
        {partners.map((p) => (
          <option key={p.id} value={p.id}>
            {p.name}
          </option>
        ))}
      </select>
      <noscript>
        <button type="submit" className="mt-1 text-xs text-brand-700 underline">
          Switch
        </button>
      </noscript>
    </form>
  );
}
