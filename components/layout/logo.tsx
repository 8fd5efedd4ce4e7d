import Link from "next/link";

export function LogoMark({ className = "size-7" }: { className?: string }) {
  return (
    <svg viewBox="0 0 32 32" className={className} aria-hidden="true">
      <rect width="32" height="32" rx="8" className="fill-brand-700" />
      <path d="M10 22V10h7a5 5 0 0 1 0 10h-4" fill="none" stroke="white" strokeWidth="2.6" strokeLinecap="round" strokeLinejoin="round" />
      <circle cx="22.5" cy="22.5" r="2.5" className="fill-brand-200" />
    </svg>
  );
}

export function Logo({ href = "/", suffix }: { href?: string; suffix?: string }) {
  return (
    <Link href={href} className="flex items-center gap-2 rounded-md font-semibold tracking-tight text-ink">
      <LogoMark />
      <span>
        Provenant <span className="text-brand-700">Partners</span>
        {suffix ? <span className="ml-2 rounded bg-slate-100 px-1.5 py-0.5 text-xs font-medium text-ink-muted">{suffix}</span> : null}
      </span>
    </Link>
  );
}
