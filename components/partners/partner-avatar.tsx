import { cn } from "@/components/ui/cn";

const PALETTE = ["bg-brand-100 text-brand-800", "bg-blue-100 text-blue-800", "bg-violet-100 text-violet-800", "bg-amber-100 text-amber-800", "bg-rose-100 text-rose-800", "bg-emerald-100 text-emerald-800"];

/** The partner's logo, or its initials on a colour picked from its name. */
export function PartnerAvatar({ name, logoUrl, size = "md" }: { name: string; logoUrl: string | null; size?: "md" | "lg" }) {
  const box = size === "lg" ? "size-16 text-xl rounded-2xl" : "size-11 text-sm rounded-xl";
  if (logoUrl) {
    // eslint-disable-next-line @next/next/no-img-element
    return <img src={logoUrl} alt="" className={cn(box, "object-cover ring-1 ring-slate-200")} />;
  }
  const initials = name
    .split(/\s+/)
    .filter((w) => /^[A-Za-z0-9]/.test(w))
    .slice(0, 2)
    .map((w) => w[0]!.toUpperCase())
    .join("");
  const colour = PALETTE[[...name].reduce((a, c) => a + c.charCodeAt(0), 0) % PALETTE.length];
  return (
    <span className={cn(box, colour, "flex shrink-0 items-center justify-center font-semibold")} aria-hidden="true">
      {initials}
    </span>
  );
}
