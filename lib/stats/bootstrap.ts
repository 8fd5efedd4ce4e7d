import { percentile } from "@/lib/quality/percentile";
import { seededRng } from "./rng";

// Bootstrap confidence interval of the difference of medians, median(A) -
// median(B): resample each group with replacement B times, take the
// difference of the resampled medians each time, and read the 2.5th and
// 97.5th percentiles of those differences (the percentile method). The RNG is
// seeded, so a run is reproducible; the interval "excludes 0" when both ends
// have the same sign.
//
// Worked example: A = [5, 5, 5], B = [2, 2, 2] -> every resample gives 5 - 2,
// so the interval is [3, 3].

export interface BootstrapResult {
  estimate: number;
  lower: number;
  upper: number;
  confidence: number;
  resamples: number;
  seed: number;
  excludesZero: boolean;
}

export function bootstrapMedianDiffCi(
  a: readonly number[],
  b: readonly number[],
  options: { resamples?: number; confidence?: number; seed?: number } = {},
): BootstrapResult {
  if (a.length === 0 || b.length === 0) throw new RangeError("The bootstrap needs at least one value in each sample");
  const resamples = options.resamples ?? 2000;
  const confidence = options.confidence ?? 0.95;
  const seed = options.seed ?? 20_261_126;
  const rng = seededRng(seed);
  const draw = (xs: readonly number[]) => {
    const out = new Array<number>(xs.length);
    for (let i = 0; i < xs.length; i++) out[i] = xs[Math.floor(rng() * xs.length)]!;
    return out;
  };
  const diffs = new Array<number>(resamples);
  for (let r = 0; r < resamples; r++) diffs[r] = percentile(draw(a), 0.5)! - percentile(draw(b), 0.5)!;
  const alpha = (1 - confidence) / 2;
  const lower = percentile(diffs, alpha)!;
  const upper = percentile(diffs, 1 - alpha)!;
  return {
    estimate: percentile(a, 0.5)! - percentile(b, 0.5)!,
    lower,
    upper,
    confidence,
    resamples,
    seed,
    excludesZero: (lower > 0 && upper > 0) || (lower < 0 && upper < 0),
  };
}
