/** Objects marked with {@link keepJsonText}. */
const KEPT = new WeakSet<object>();
/** Each kept object's last text and its indent (a part is printed at the same depth every time). */
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

/**
 * `text` with `indent` after every line break. Split and joined rather than `replaceAll`: V8 builds
 * a `replaceAll` result as a chain of concatenations, which every later join of the kept text walks
 * again (100 ms per openapi.json of 1,000 operations); a joined string is flat.
 */
export function indented(text: string, indent: string): string {
  return indent === '' ? text : text.split('\n').join(`\n${indent}`);
}

/** The text of a kept object at `indent`, printed once per object and indent. */
function keptText(object: object, indent: string): string {
  const last = AT_INDENT.get(object);
  if (last?.indent === indent) return last.text;
  let text: string;
  if (HOLDERS.has(object)) {
    const pieces: string[] = [];
    writeContainer(object, indent, pieces);
    text = pieces.join('');
  } else {
    text = indented(JSON.stringify(object, null, 2), indent);
  }
  AT_INDENT.set(object, { indent, text });
  return text;
}

/**
 * Appends the text of `value` at `indent` to `out`, as JSON.stringify prints it there; false (and
 * nothing appended) for what JSON.stringify leaves out (undefined, functions, symbols).
 */
function write(value: unknown, indent: string, out: string[]): boolean {
  if (value === null) {
    out.push('null');
    return true;
  }
  switch (typeof value) {
    case 'string':
    case 'number':
    case 'boolean':
      out.push(JSON.stringify(value));
      return true;
    case 'object':
      break;
    default:
      return false;
  }
  const object = value as object;
  if (KEPT.has(object)) out.push(keptText(object, indent));
  else if (HOLDERS.has(object)) writeContainer(object, indent, out);
  else out.push(indented(JSON.stringify(object, null, 2), indent));
  return true;
}

function writeContainer(object: object, indent: string, out: string[]): void {
  if (typeof (object as { toJSON?: unknown }).toJSON === 'function') {
    out.push(indented(JSON.stringify(object, null, 2), indent));
    return;
  }
  const inner = `${indent}  `;
  const start = out.length;
  if (Array.isArray(object)) {
    if (object.length === 0) {
      out.push('[]');
      return;
    }
    for (const [index, item] of object.entries()) {
      out.push(index === 0 ? `[\n${inner}` : `,\n${inner}`);
      if (!write(item, inner, out)) out.push('null');
    }
    out.push(`\n${indent}]`);
    return;
  }
  for (const key of Object.keys(object)) {
    const mark = out.length;
    out.push(`${mark === start ? '{\n' : ',\n'}${inner}${JSON.stringify(key)}: `);
    if (!write((object as Record<string, unknown>)[key], inner, out)) out.length = mark;
  }
  out.push(out.length === start ? '{}' : `\n${indent}}`);
}

/**
 * `JSON.stringify(value, null, 2) + suffix` for plain JSON data, byte for byte, except that
 * objects registered with {@link keepJsonText} (reached through {@link holdsKeptJson} containers
 * from `value`, itself marked) are printed once per object: a watch rebuild of a large document
 * (openapi.json) prints again only the parts that are new objects, and copies each kept text once,
 * into the one flat string returned.
 */
export function jsonText(value: unknown, suffix = ''): string {
  const out: string[] = [];
  if (!write(value, '', out)) return `undefined${suffix}`;
  out.push(suffix);
  return out.join('');
}
