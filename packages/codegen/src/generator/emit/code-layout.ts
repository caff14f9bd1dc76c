/**
 * Layout primitives that print generated TypeScript directly in the pinned prettier layout
 * (generator/format.ts: printWidth 100, two-space indent, single quotes, trailing commas), so that
 * `generate` need not run prettier over what the emitters print. The rules are prettier 3's for
 * the constructs generated code uses: a group stays on one line when it fits in the print width,
 * counting what follows it up to the next line break; otherwise it breaks one item per line with a
 * trailing comma. test/emit-code/prettier-fixpoint.test.ts checks that prettier leaves every
 * generated TypeScript file unchanged.
 */

/** prettier's `printWidth` of the pinned config, in columns. */
export const PRINT_WIDTH = 100;

/** Two spaces per level (`tabWidth: 2`). */
export function indentOf(level: number): string {
  return '  '.repeat(level);
}

// Code points prettier's getStringWidth counts as two columns (East Asian wide and fullwidth).
const WIDE =
  /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]|[\ud83c-\ud83e][\udc00-\udfff]/g;

/** The width of `text` in columns, as prettier measures it (wide characters count two). */
export function textWidth(text: string): number {
  // eslint-disable-next-line no-control-regex
  if (/^[\x00-\x7f]*$/.test(text)) return text.length;
  const wide = text.match(WIDE)?.length ?? 0;
  return [...text.replace(WIDE, '')].length + wide * 2;
}

/** `text` with every line indented `level` levels (JSDoc blocks of interface members). */
export function indentLines(text: string, level: number): string {
  const indent = indentOf(level);
  return text
    .split('\n')
    .map((line) => (line === '' ? line : `${indent}${line}`))
    .join('\n');
}

/** True when `text` fits on a line that already holds `used` columns. */
export function fits(used: number, text: string): boolean {
  return used + textWidth(text) <= PRINT_WIDTH;
}

/**
 * A string literal as prettier prints it: single quotes unless the text holds more single than
 * double quotes; the chosen quote escaped, the other not, other escapes as JSON writes them.
 */
export function tsQuote(text: string): string {
  if (!QUOTE_ESCAPES.test(text)) return `'${text}'`;
  const json = JSON.stringify(text).slice(1, -1);
  const singles = (text.match(/'/g) ?? []).length;
  const doubles = (text.match(/"/g) ?? []).length;
  if (singles > doubles) return `"${json}"`;
  return `'${json.replace(/\\"/g, '"').replace(/'/g, "\\'")}'`;
}

/** Characters a quoted literal must escape or count: quotes, and what JSON.stringify escapes. */
// eslint-disable-next-line no-control-regex
const QUOTE_ESCAPES = /['"\\\x00-\x1f\ud800-\udfff]/;

/** A plain-data value as generated code writes it: JSON without `undefined`. */
export type LiteralValue =
  | string
  | number
  | boolean
  | null
  | readonly LiteralValue[]
  | { readonly [key: string]: LiteralValue };

function propertyKey(name: string): string {
  return /^[A-Za-z_$][A-Za-z0-9_$]*$/.test(name) ? name : tsQuote(name);
}

/** The one-line form of a value: `{ a: 1, b: ['x'] }`, `[]`, `{}`. */
export function flatLiteral(value: LiteralValue): string {
  return flatWithin(value, Infinity)!;
}

/** {@link flatLiteral} of `value`, or null as soon as it grows longer than `limit` code units. */
function flatWithin(value: LiteralValue, limit: number): string | null {
  if (value === null || typeof value !== 'object') {
    const text = typeof value === 'string' ? tsQuote(value) : String(value);
    return text.length > limit ? null : text;
  }
  if (Array.isArray(value)) {
    let text = '[';
    for (let at = 0; at < value.length; at++) {
      const separator = at === 0 ? '' : ', ';
      const item = flatWithin(value[at]!, limit - text.length - separator.length - 1);
      if (item === null) return null;
      text += separator + item;
    }
    return text.length + 1 > limit ? null : `${text}]`;
  }
  const record = value as Record<string, LiteralValue>;
  const keys = Object.keys(record);
  if (keys.length === 0) return limit < 2 ? null : '{}';
  let text = '{ ';
  for (let at = 0; at < keys.length; at++) {
    const key = keys[at]!;
    const head = `${at === 0 ? '' : ', '}${propertyKey(key)}: `;
    const item = flatWithin(record[key]!, limit - text.length - head.length - 2);
    if (item === null) return null;
    text += head + item;
  }
  return text.length + 2 > limit ? null : `${text} }`;
}

/** prettier breaks an array of several objects (or arrays) with more than one entry each. */
function forcesBreak(items: readonly LiteralValue[]): boolean {
  if (items.length < 2) return false;
  const kind = (item: LiteralValue) =>
    item === null || typeof item !== 'object' ? 'scalar' : Array.isArray(item) ? 'array' : 'object';
  const first = kind(items[0]!);
  return (
    first !== 'scalar' &&
    items.every(
      (item) =>
        kind(item) === first &&
        (Array.isArray(item)
          ? item.length > 1
          : Object.keys(item as Record<string, LiteralValue>).length > 1),
    )
  );
}

/**
 * A value in prettier's layout, starting on a line that holds `used` columns at indent `level`
 * and followed by `suffix` (`,` or `;`) before the next line break. Objects and arrays stay on
 * one line when they fit, else break one entry per line; a string property that does not fit
 * moves to the next line (prettier's break-after-operator). prettier fills an array of numbers
 * instead of breaking it; generated code has none, and the fixpoint test would catch one.
 */
export function printLiteral(
  value: LiteralValue,
  level: number,
  used: number,
  suffix: string,
): string {
  const isGroup = value !== null && typeof value === 'object';
  if (!isGroup) return flatLiteral(value);
  if (!(Array.isArray(value) && forcesBreak(value))) {
    // A text of n code units is at least n/2 columns wide, so a longer one cannot fit.
    const flat = flatWithin(value, 2 * (PRINT_WIDTH - used));
    if (flat !== null && fits(used, flat + suffix)) return flat;
  }
  const items: [string | null, LiteralValue][] = Array.isArray(value)
    ? value.map((item) => [null, item] as [null, LiteralValue])
    : Object.entries(value as Record<string, LiteralValue>);
  if (items.length === 0) return flatLiteral(value);
  const inner = indentOf(level + 1);
  const lines = items.map(([key, item]) =>
    key === null
      ? `${inner}${printLiteral(item, level + 1, inner.length, ',')},`
      : printProperty(level + 1, key, item),
  );
  const [open, close] = Array.isArray(value) ? ['[', ']'] : ['{', '}'];
  return `${open}\n${lines.join('\n')}\n${indentOf(level)}${close}`;
}

/**
 * One object property as a whole line at indent `level`, with its trailing comma: `key: value,`,
 * the value laid out by {@link printLiteral}; a string that does not fit goes on the next line.
 */
export function printProperty(level: number, key: string, value: LiteralValue): string {
  const head = `${indentOf(level)}${propertyKey(key)}:`;
  if (typeof value === 'string') {
    const quoted = tsQuote(value);
    if (!fits(head.length + 1, `${quoted},`)) return `${head}\n${indentOf(level + 1)}${quoted},`;
  }
  return `${head} ${printLiteral(value, level, head.length + 1, ',')},`;
}

/**
 * A comma-separated group such as type arguments, parameters or import names, as whole lines at
 * indent `level`: `head open a, b close tail` when that fits, else one item per line with a
 * trailing comma between `head brokenOpen` and `brokenClose tail` (`{ ` flat is `{` broken).
 * prettier writes no trailing comma after type arguments: pass `trailing` `''` for them.
 */
export function printGroup(
  level: number,
  head: string,
  open: string,
  items: readonly string[],
  close: string,
  tail: string,
  brokenOpen = open,
  brokenClose = close,
  trailing = ',',
): string {
  const indent = indentOf(level);
  const flat = `${head}${open}${items.join(', ')}${close}${tail}`;
  if (items.length === 0 || fits(indent.length, flat)) return `${indent}${flat}`;
  const inner = indentOf(level + 1);
  const lines = items
    .map((item, index) => `${inner}${item}${index < items.length - 1 ? ',' : trailing}`)
    .join('\n');
  return `${indent}${head}${brokenOpen}\n${lines}\n${indent}${brokenClose}${tail}`;
}
