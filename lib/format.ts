import { differenceInCalendarDays, formatDistanceStrict } from "date-fns";

// Formatting at the edges of the UI. Dates are shown in UTC so every viewer
// and every test sees the same thing.

const dateFmt = new Intl.DateTimeFormat("en-US", { year: "numeric", month: "short", day: "numeric", timeZone: "UTC" });
const dateTimeFmt = new Intl.DateTimeFormat("en-US", {
  year: "numeric",
  month: "short",
  day: "numeric",
  hour: "2-digit",
  minute: "2-digit",
  hourCycle: "h23",
  timeZone: "UTC",
});

export function formatDate(d: Date | string | null | undefined): string {
  if (!d) return "—";
  return dateFmt.format(typeof d === "string" ? new Date(d) : d);
}

export function formatDateTime(d: Date | string | null | undefined): string {
  if (!d) return "—";
  return `${dateTimeFmt.format(typeof d === "string" ? new Date(d) : d)} UTC`;
}

/** "3 days ago", "in 2 hours", "just now". */
export function formatRelative(d: Date | null | undefined, now: Date): string {
  if (!d) return "never";
  if (Math.abs(now.getTime() - d.getTime()) < 60_000) return "just now";
  const distance = formatDistanceStrict(d, now);
  return d.getTime() <= now.getTime() ? `${distance} ago` : `in ${distance}`;
}

export function daysBetween(from: Date, to: Date): number {
  return differenceInCalendarDays(to, from);
}

export function formatNumber(n: number): string {
  return n.toLocaleString("en-US");
}

export function pluralize(n: number, one: string, many = `${one}s`): string {
  return `${formatNumber(n)} ${n === 1 ? one : many}`;
}
