import { PartedTextBuilder, type PartedText } from './parted-text.js';

/** Objects marked with {@link keepJsonText}. */
const KEPT = new WeakSet<object>();
/** Containers marked with {@link holdsKeptJson}: printed entry by entry, the rest natively. */
const HOLDERS = new WeakSet<object>();

/**
 * Marks `value` (a plain JSON object or array that is never changed again) so that
 * {@link jsonParts} prints it once and reuses the text wherever and whenever it meets it again.
 * Returns `value`.
 */
export function keepJsonText<T extends object>(value: T): T {
  KEPT.add(value);
  return value;
}

/**
 * Marks `value` as a container that holds {@link keepJsonText} objects (directly, or in other
 * marked containers): {@link jsonParts} walks into it; any other object is printed by
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

/** Each kept object's last UTF-8 parts and their indent, for {@link jsonParts}. */
const PARTS_AT_INDENT = new WeakMap<object, { indent: string; parts: readonly Buffer[] }>();

/** The parts of a kept object at `indent`, printed once per object and indent. */
function keptParts(object: object, indent: string): readonly Buffer[] {
  const last = PARTS_AT_INDENT.get(object);
  if (last?.indent === indent) return last.parts;
  let parts: readonly Buffer[];
  if (HOLDERS.has(object)) {
    const builder = new PartedTextBuilder();
    writeContainerParts(object, indent, builder);
    parts = builder.build().parts;
  } else {
    parts = [Buffer.from(indented(JSON.stringify(object, null, 2), indent), 'utf8')];
  }
  PARTS_AT_INDENT.set(object, { indent, parts });
  return parts;
}

/**
 * Appends the text of `value` at `indent` to `out`, as JSON.stringify prints it there; false (and
 * nothing appended) for what JSON.stringify leaves out (undefined, functions, symbols).
 */
function writeParts(value: unknown, indent: string, out: PartedTextBuilder): boolean {
  if (!printsAsJson(value)) return false;
  if (value === null || typeof value !== 'object') {
    out.text(JSON.stringify(value));
    return true;
  }
  if (KEPT.has(value)) for (const part of keptParts(value, indent)) out.bytes(part);
  else if (HOLDERS.has(value)) writeContainerParts(value, indent, out);
  else out.text(indented(JSON.stringify(value, null, 2), indent));
  return true;
}

/** Appends a marked container entry by entry, as JSON.stringify prints it at `indent`. */
function writeContainerParts(object: object, indent: string, out: PartedTextBuilder): void {
  if (typeof (object as { toJSON?: unknown }).toJSON === 'function') {
    out.text(indented(JSON.stringify(object, null, 2), indent));
    return;
  }
  const inner = `${indent}  `;
  if (Array.isArray(object)) {
    if (object.length === 0) {
      out.text('[]');
      return;
    }
    for (const [index, item] of object.entries()) {
      out.text(index === 0 ? `[\n${inner}` : `,\n${inner}`);
      if (!writeParts(item, inner, out)) out.text('null');
    }
    out.text(`\n${indent}]`);
    return;
  }
  let first = true;
  for (const key of Object.keys(object)) {
    const item = (object as Record<string, unknown>)[key];
    if (!printsAsJson(item)) continue;
    out.text(`${first ? '{\n' : ',\n'}${inner}${JSON.stringify(key)}: `);
    writeParts(item, inner, out);
    first = false;
  }
  out.text(first ? '{}' : `\n${indent}}`);
}

/** False for what JSON.stringify leaves out (undefined, functions, symbols). */
function printsAsJson(value: unknown): value is object | string | number | boolean | null {
  const type = typeof value;
  return type === 'string' || type === 'number' || type === 'boolean' || type === 'object';
}

/**
 * `JSON.stringify(value, null, 2) + suffix` for plain JSON data, byte for byte, as UTF-8 parts:
 * objects registered with {@link keepJsonText} (reached through {@link holdsKeptJson} containers
 * from `value`, itself marked) are printed and encoded once per object and indent, and every later
 * document that holds them shares those bytes, so a watch rebuild of a large document
 * (openapi.json) prints, encodes and copies only the parts that are new objects (parted-text.ts).
 */
export function jsonParts(value: unknown, suffix = ''): PartedText {
  const out = new PartedTextBuilder();
  if (!writeParts(value, '', out)) out.text('undefined');
  out.text(suffix);
  return out.build();
}

/** {@link jsonParts} decoded: the text itself. */
export function jsonText(value: unknown, suffix = ''): string {
  return jsonParts(value, suffix).text;
}
