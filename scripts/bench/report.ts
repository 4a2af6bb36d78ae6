// What every bench prints the same way: percentiles of its samples and a PASS or FAIL per goal.

/** The value at quantile `q` (0–1) of ascending `sorted`, NaN-free: 0 when there is none. */
export function quantile(sorted: readonly number[], q: number): number {
  return sorted[Math.max(0, Math.ceil(q * sorted.length) - 1)] ?? 0;
}

/** p50, p95 and max of timings in ms (NaN when there are none, printed as such). */
export function stats(samples: readonly number[]): { p50: number; p95: number; max: number } {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (q: number) => (sorted.length === 0 ? Number.NaN : quantile(sorted, q));
  return { p50: at(0.5), p95: at(0.95), max: at(1) };
}

/** One line per goal: PASS or FAIL, and what was measured against it. */
export function printVerdicts(goals: readonly (readonly [boolean, string])[]): void {
  for (const [ok, what] of goals) console.info(`${ok ? "PASS" : "FAIL"}  ${what}`);
}
