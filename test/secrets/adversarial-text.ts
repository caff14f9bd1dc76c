/** Repeating units that made the backtracking patterns quadratic, or that make the scanners match densely. */
export const ADVERSARIAL_UNITS: readonly (readonly [string, string])[] = [
  ['a.a.a.…', 'a.'],
  ['token repeated without separators', 'token'],
  ['a run of [A-Za-z0-9_.-]', 'aZ9_.-'],
  ['bearer repeated', 'bearer '],
  ['eyJ repeated', 'eyJ'],
  ['eyJ- repeated', 'eyJ-'],
  [':// runs', '://'],
  ['schemes and colons', 'a://x:'],
  ['URL credentials', 'http://u:p@'],
  ['quoted pair values', 'token= "'],
  ['key runs and colons', 'api_key.x:'],
  ['literal prefixes', 'secret-value-1'],
];

/** 500 literals of 14 to 40 characters, sharing prefixes with the literal-prefix unit. */
export const MANY_LITERALS: readonly string[] = Array.from(
  { length: 500 },
  (_, index) => `secret-value-${index}-${'x'.repeat(index % 27)}`,
);

/** `unit` repeated to exactly `length` characters. */
export function repeatedTo(unit: string, length: number): string {
  return unit.repeat(Math.ceil(length / unit.length)).slice(0, length);
}
