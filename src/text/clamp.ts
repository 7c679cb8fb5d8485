/** A whole number within [min, max]: fractions are cut, anything not finite becomes `min`. */
export function clampInteger(value: number, min: number, max: number): number {
  return Number.isFinite(value) ? Math.min(max, Math.max(min, Math.trunc(value))) : min;
}
