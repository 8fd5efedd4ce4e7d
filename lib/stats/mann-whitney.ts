import { twoSidedP } from "./normal";

// Mann-Whitney U (Wilcoxon rank-sum): do values of sample A tend to be smaller
// or larger than those of sample B? No assumption about the distributions'
// shape, which suits skewed durations like time to install.
//
//   rank all n = nA + nB values together (ties get the average of their ranks)
//   U_A = R_A - nA (nA + 1) / 2          (R_A: sum of A's ranks),  U_B = nA nB - U_A
//   mean  mu = nA nB / 2
//   sigma^2 = nA nB / 12 * ((n + 1) - sum(t^3 - t) / (n (n - 1)))   (t: size of each tie group)
//   z = (|U_A - mu| - 0.5) / sigma        (continuity correction), p = 2 (1 - Phi(z))
//
// Small samples without ties (nA, nB <= 20) get the exact p-value instead:
// the null distribution of U counted over every arrangement of the ranks,
// p = 2 * min(P(U <= u), P(U >= u)), capped at 1.
//
// Worked example with a tie: A = [3, 5, 5, 8], B = [5, 9, 10, 12, 15]
//   ranks: 3 -> 1; the three 5s share ranks 2, 3, 4 -> 3 each; 8 -> 5; 9..15 -> 6..9
//   R_A = 1 + 3 + 3 + 5 = 12 -> U_A = 12 - 10 = 2, U_B = 18, mu = 10
//   sigma^2 = 20/12 * (10 - (27 - 3) / 72) = 16.111 -> sigma = 4.0139
//   z = (8 - 0.5) / 4.0139 = 1.8685 -> p = 0.0617 (normal approximation)

export interface MannWhitneyResult {
  nA: number;
  nB: number;
  /** U of sample A: the number of (a, b) pairs with a > b, ties counting one half. */
  uA: number;
  uB: number;
  /** min(uA, uB), the statistic tables list. */
  u: number;
  /** z of the normal approximation (continuity-corrected); null for the exact method. */
  z: number | null;
  p: number;
  method: "exact" | "normal";
  /** Sum of t^3 - t over tie groups (0 without ties). */
  tieTerm: number;
}

/** Average ranks (1-based) of `values`, and the tie term. */
export function rankWithTies(values: readonly number[]): { ranks: number[]; tieTerm: number } {
  const order = values.map((v, i) => [v, i] as const).sort((a, b) => a[0] - b[0]);
  const ranks = new Array<number>(values.length);
  let tieTerm = 0;
  for (let i = 0; i < order.length; ) {
    let j = i;
    while (j + 1 < order.length && order[j + 1]![0] === order[i]![0]) j++;
    const avg = (i + j + 2) / 2;
    for (let k = i; k <= j; k++) ranks[order[k]![1]] = avg;
    const t = j - i + 1;
    tieTerm += t ** 3 - t;
    i = j + 1;
  }
  return { ranks, tieTerm };
}

/** Counts of arrangements giving U = 0..m*n, for m and n values without ties. */
function exactUCounts(m: number, n: number): number[] {
  // f(m, n, u) = f(m - 1, n, u - n) + f(m, n - 1, u); built as a table over (i, j).
  const max = m * n;
  let prev: number[][] = Array.from({ length: n + 1 }, () => [1]); // i = 0: one way, U = 0
  for (let i = 1; i <= m; i++) {
    const cur: number[][] = [];
    cur[0] = [1]; // j = 0: one way, U = 0
    for (let j = 1; j <= n; j++) {
      const size = i * j + 1;
      const row = new Array<number>(size).fill(0);
      const a = prev[j]!; // largest value belongs to A: adds j to U
      const b = cur[j - 1]!; // largest value belongs to B
      for (let u = 0; u < a.length; u++) row[u + j]! += a[u]!;
      for (let u = 0; u < b.length; u++) row[u]! += b[u]!;
      cur[j] = row;
    }
    prev = cur;
  }
  const out = prev[n]!;
  return out.length === max + 1 ? out : [...out, ...new Array<number>(max + 1 - out.length).fill(0)];
}

export const EXACT_MAX_N = 20;

/** Two-sided Mann-Whitney U test of A against B. Throws on an empty sample. */
export function mannWhitneyU(a: readonly number[], b: readonly number[]): MannWhitneyResult {
  const nA = a.length;
  const nB = b.length;
  if (nA === 0 || nB === 0) throw new RangeError("Mann-Whitney U needs at least one value in each sample");
  const { ranks, tieTerm } = rankWithTies([...a, ...b]);
  const rA = ranks.slice(0, nA).reduce((s, r) => s + r, 0);
  const uA = rA - (nA * (nA + 1)) / 2;
  const uB = nA * nB - uA;
  const u = Math.min(uA, uB);
  if (tieTerm === 0 && nA <= EXACT_MAX_N && nB <= EXACT_MAX_N) {
    const counts = exactUCounts(nA, nB);
    const total = counts.reduce((s, c) => s + c, 0);
    let below = 0;
    for (let k = 0; k <= u; k++) below += counts[k]!;
    // The distribution is symmetric, so P(U >= max) = P(U <= min).
    return { nA, nB, uA, uB, u, z: null, p: Math.min(1, (2 * below) / total), method: "exact", tieTerm };
  }
  const n = nA + nB;
  const mu = (nA * nB) / 2;
  const variance = ((nA * nB) / 12) * (n + 1 - tieTerm / (n * (n - 1)));
  if (variance <= 0) return { nA, nB, uA, uB, u, z: 0, p: 1, method: "normal", tieTerm };
  const z = Math.max(0, Math.abs(uA - mu) - 0.5) / Math.sqrt(variance);
  return { nA, nB, uA, uB, u, z, p: twoSidedP(z), method: "normal", tieTerm };
}
