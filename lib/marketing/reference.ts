/** "CM-2026-0042": the program's reference for the 42nd material approved in 2026. Pure. */
export function referenceIdOf(year: number, n: number): string {
  return `CM-${year}-${String(n).padStart(4, "0")}`;
}
