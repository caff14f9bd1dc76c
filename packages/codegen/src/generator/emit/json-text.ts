/** Texts of objects registered with {@link keepJsonText}, printed at depth 0. */
const TEXTS = new WeakMap<object, string>();
const KEPT = new WeakSet<object>();
/** The last indented form of each kept text (a part is printed at the same depth every time). */
const AT_INDENT = new WeakMap<object, { indent: string; text: string }>();
/** Containers marked with {@link holdsKeptJson}: printed entry by entry, the rest natively. */
const HOLDERS = new WeakSet<object>();

/**
 * Marks `value` (a plain JSON object or array that is never changed again) so that
 * {@link jsonText} prints it once and reuses the text wherever and whenever it meets it again.
 * Returns `value`.
 */
export function keepJsonText<T extends object>(value: T): T {
  KEPT.add(value);
  return value;
}

/**
 * Marks `value` as a container that holds {@link keepJsonText} objects (directly, or in other
 * marked containers): {@link jsonText} walks into it; any other object is printed by
 * `JSON.stringify` in one go. Returns `value`.
 */
export function holdsKeptJson<T extends object>(value: T): T {
  HOLDERS.add(value);
  return value;
}

function indented(text: string, indent: string): string {
  return indent === '' ? text : text.replaceAll('\n', `\n${indent}`);
}

function print(value: unknown, indent: string): string | undefined {
  if (value === null) return 'null';
  switch (typeof value) {
    case 'string':
    case 'number':
    case 'boolean':
      return JSON.stringify(value);
    case 'object':
      break;
    default:
      return undefined;
  }
  const object = value as object;
  if (KEPT.has(object)) {
    let text = TEXTS.get(object);
    if (text === undefined) {
      text = HOLDERS.has(object) ? printObject(object, '') : JSON.stringify(object, null, 2);
      TEXTS.set(object, text);
    }
    const last = AT_INDENT.get(object);
    if (last?.indent === indent) return last.text;
    const placed = indented(text, indent);
    AT_INDENT.set(object, { indent, text: placed });
    return placed;
  }
  if (!HOLDERS.has(object)) return indented(JSON.stringify(object, null, 2), indent);
  return printObject(object, indent);
}

function printObject(object: object, indent: string): string {
  if (typeof (object as { toJSON?: unknown }).toJSON === 'function') {
    return indented(JSON.stringify(object, null, 2), indent);
  }
  const inner = `${indent}  `;
  if (Array.isArray(object)) {
    if (object.length === 0) return '[]';
    const items = object.map((item) => `${inner}${print(item, inner) ?? 'null'}`);
    return `[\n${items.join(',\n')}\n${indent}]`;
  }
  const entries: string[] = [];
  for (const key of Object.keys(object)) {
    const text = print((object as Record<string, unknown>)[key], inner);
    if (text !== undefined) entries.push(`${inner}${JSON.stringify(key)}: ${text}`);
  }
  if (entries.length === 0) return '{}';
  return `{\n${entries.join(',\n')}\n${indent}}`;
}

/**
 * `JSON.stringify(value, null, 2)` for plain JSON data, byte for byte, except that objects
 * registered with {@link keepJsonText} (reached through {@link holdsKeptJson} containers from
 * `value`, itself marked) are printed once per object: a watch rebuild of a large
 * document (openapi.json) prints again only the parts that are new objects.
 */
export function jsonText(value: unknown): string {
  return print(value, '') ?? 'undefined';
}
