/**
 * Scores reach the pane already rounded to hundredths by the engine's exact arithmetic. The nearest double to such a
 * value always prints back as the same two decimals, so toFixed(2) is exact here; trailing zeros are dropped (87.5, 90).
 */
export function formatPoints(value: number): string {
  const fixed = value.toFixed(2);
  return fixed.includes(".") ? fixed.replace(/\.?0+$/, "") : fixed;
}
