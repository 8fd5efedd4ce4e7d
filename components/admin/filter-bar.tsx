import Link from "next/link";
import type { ReactNode } from "react";
import { buttonClasses } from "@/components/ui/button";

/** A GET form of filters above an admin table; every filtered view is a URL. */
export function FilterBar({ action, children }: { action: string; children: ReactNode }) {
  return (
    <form method="get" action={action} className="mb-4 flex flex-wrap items-end gap-3 rounded-xl bg-white p-4 shadow-sm ring-1 ring-slate-200" role="search">
      {children}
      <div className="flex gap-2">
        <button type="submit" className={buttonClasses("primary", "md")}>
          Filter
        </button>
        <Link href={action} className={buttonClasses("ghost", "md")}>
          Reset
        </Link>
      </div>
    </form>
  );
}
