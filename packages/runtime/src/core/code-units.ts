/**
 * Code-unit comparison of two strings (UTF-16 code units, as `<` compares them), never
 * locale-aware, so every sort of the generator and the runtime is identical on every machine.
 * Returns a negative number, 0 or a positive number, as `Array.prototype.sort` expects.
 */
export function compareCodeUnits(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
