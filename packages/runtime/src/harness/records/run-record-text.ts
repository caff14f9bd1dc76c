import { randomUUID } from 'node:crypto';

import { deepFreeze } from '../../deep-freeze.js';

import type { RunRecord } from './run-record.js';

/** The UTF-8 text of each step and case result already written, by indent (spaces) and object. */
const elementTexts = new Map<number, WeakMap<object, Buffer>>();

/**
 * Stands in for the two arrays in the record's shell; the random part keeps any string of the
 * record from being taken for it.
 */
const HOLE = `\u0000run-record-${randomUUID()}`;
const STEPS_HOLE = `${HOLE}:steps`;
const RESULTS_HOLE = `${HOLE}:caseResults`;

const SEPARATOR = Buffer.from(',\n');
const OPEN = Buffer.from('[\n');
const EMPTY = Buffer.from('[]');

/**
 * The bytes a run record file holds, in order: exactly the UTF-8 of
 * `JSON.stringify(record, null, 2) + "\n"` (RFC 8259 JSON, two-space indent). A running record is
 * rewritten at every checkpoint with every step and case result so far, which do not change once
 * written: each element's text is kept (encoded, by object, weakly) and handed out again, so a
 * checkpoint serialises only the elements that changed and never builds the whole text (a
 * megabyte for 500 cases) in memory; the writer hands the chunks to one writev(2). Steps and case
 * results are replaced, never mutated, once in a record (see run-execution.ts, run-lifecycle.ts,
 * run-cancel.ts); each element is deep-frozen once its text is kept, so a change in place throws
 * a TypeError instead of leaving stale text.
 */
export function runRecordChunks(record: RunRecord): Buffer[] {
  if (!Array.isArray(record.run.steps) || !Array.isArray(record.caseResults)) {
    return [Buffer.from(`${JSON.stringify(record, null, 2)}\n`)];
  }
  const shell = { ...record, run: { ...record.run, steps: STEPS_HOLE }, caseResults: RESULTS_HOLE };
  const text = JSON.stringify(shell, null, 2);
  const steps = holeIn(text, STEPS_HOLE);
  const results = holeIn(text, RESULTS_HOLE);
  if (steps === undefined || results === undefined || results.at < steps.end) {
    return [Buffer.from(`${JSON.stringify(record, null, 2)}\n`)];
  }
  const chunks = [Buffer.from(text.slice(0, steps.at))];
  pushArray(chunks, record.run.steps, steps.indent);
  chunks.push(Buffer.from(text.slice(steps.end, results.at)));
  pushArray(chunks, record.caseResults, results.indent);
  chunks.push(Buffer.from(`${text.slice(results.end)}\n`));
  return chunks;
}

/** Where the JSON string `"<hole>"` stands in `text`, and the indent of its line. */
function holeIn(
  text: string,
  hole: string,
): { at: number; end: number; indent: number } | undefined {
  const quoted = JSON.stringify(hole);
  const at = text.indexOf(quoted);
  if (at < 0) return undefined;
  const lineStart = text.lastIndexOf('\n', at) + 1;
  let indent = 0;
  while (text.charCodeAt(lineStart + indent) === 0x20) indent += 1;
  return { at, end: at + quoted.length, indent };
}

/**
 * Pushes onto `chunks` the text of `items` as JSON.stringify(items, null, 2) writes it on a line
 * indented `indent` spaces (even, as every indent of that text is).
 */
function pushArray(chunks: Buffer[], items: readonly unknown[], indent: number): void {
  if (items.length === 0) {
    chunks.push(EMPTY);
    return;
  }
  chunks.push(OPEN);
  items.forEach((item, index) => {
    if (index > 0) chunks.push(SEPARATOR);
    chunks.push(elementText(item, indent + 2));
  });
  chunks.push(Buffer.from(`\n${' '.repeat(indent)}]`));
}

/** `item` as an array element at `indent` spaces (even): pretty-printed, every line indented. */
function elementText(item: unknown, indent: number): Buffer {
  if (typeof item !== 'object' || item === null) {
    return Buffer.from(`${' '.repeat(indent)}${JSON.stringify(item) ?? 'null'}`);
  }
  let texts = elementTexts.get(indent);
  if (texts === undefined) {
    texts = new WeakMap();
    elementTexts.set(indent, texts);
  }
  let text = texts.get(item);
  if (text === undefined) {
    text = Buffer.from(nestedText(item, indent));
    texts.set(deepFreeze(item), text);
  }
  return text;
}

/**
 * `item` pretty-printed as an element at `indent` spaces (even): JSON.stringify of it nested in
 * `indent / 2` arrays, cut out of them, so no text is re-indented by hand.
 */
function nestedText(item: object, indent: number): string {
  let wrapped: unknown = item;
  for (let depth = 0; depth < indent / 2; depth += 1) wrapped = [wrapped];
  const text = JSON.stringify(wrapped, null, 2);
  // Each level opens with `<its indent>[\n` and closes with `\n<its indent>]`: as long.
  let frame = 0;
  for (let depth = 0; depth < indent / 2; depth += 1) frame += 2 * depth + 2;
  return text.slice(frame, text.length - frame);
}
