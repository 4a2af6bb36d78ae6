// Ranks as percentiles: a feature or a score relative to the others of its episode, so that one
// outlier can't flatten the rest.

/** Each value's rank among the others, 0–1; equal values share the lower rank. */
export function percentiles(values: readonly number[]): number[] {
  const order = values.map((value, index) => ({ value, index }));
  order.sort((a, b) => a.value - b.value || a.index - b.index);
  const out = new Array<number>(values.length).fill(0);
  const last = Math.max(values.length - 1, 1);
  let tieStart = 0;
  order.forEach(({ value, index }, position) => {
    // Sentences no other sentence resembles all get the same rank; without this the later
    // ones would rank higher purely by position.
    if (position > 0 && value !== order[position - 1]?.value) tieStart = position;
    out[index] = tieStart / last;
  });
  return out;
}
