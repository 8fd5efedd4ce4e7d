// The standard normal distribution, for p-values from z statistics.
//
// erfc by the Chebyshev fit of Numerical Recipes (erfcc): fractional error
// below 1.2e-7 everywhere, which is far finer than any p-value we report.
//
// Worked example: Phi(1.96) = 0.97500, so a two-sided p at |z| = 1.96 is 0.05.

/** Complementary error function. */
export function erfc(x: number): number {
  const z = Math.abs(x);
  const t = 1 / (1 + 0.5 * z);
  const r =
    t *
    Math.exp(
      -z * z -
        1.26551223 +
        t * (1.00002368 + t * (0.37409196 + t * (0.09678418 + t * (-0.18628806 + t * (0.27886807 + t * (-1.13520398 + t * (1.48851587 + t * (-0.82215223 + t * 0.17087277)))))))),
    );
  return x >= 0 ? r : 2 - r;
}

/** P(Z <= z) for a standard normal Z. */
export function normalCdf(z: number): number {
  return 0.5 * erfc(-z / Math.SQRT2);
}

/** Two-sided p-value of a z statistic: P(|Z| >= |z|). */
export function twoSidedP(z: number): number {
  if (z === 0) return 1;
  return Math.min(1, 2 * (1 - normalCdf(Math.abs(z))));
}
