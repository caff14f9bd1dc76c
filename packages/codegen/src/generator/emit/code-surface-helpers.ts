import { compareCodeUnits, compareSemver } from 'contracts-runtime/core';
import type { EventSpec, Ir, OperationSpec, Spec } from '../ir/ir-schema.js';
import { tsQuote } from './code-layout.js';
import { DEFAULT_IMPORT_SETTINGS, type ImportSettings } from './import-settings.js';
import { banner, specsOfDomain } from './naming.js';
import { perIr } from './per-ir-memo.js';

/**
 * Shared plain functions of the code surfaces (client, handlers, events, registry, index):
 * literals, JSDoc blocks, spec order and import settings.
 */

/** Options of the code emitters: how their imports are spelt (default {@link DEFAULT_IMPORT_SETTINGS}). */
export interface CodeEmitterOptions {
  readonly imports?: ImportSettings;
}

/** The import settings an emitter uses: `options.imports` or {@link DEFAULT_IMPORT_SETTINGS}. */
export function importSettingsOf(options: CodeEmitterOptions): ImportSettings {
  return options.imports ?? DEFAULT_IMPORT_SETTINGS;
}

/** A TypeScript string literal of `text`, quoted as prettier quotes it (`'a'`). */
export function tsString(text: string): string {
  return tsQuote(text);
}

/** A TypeScript array literal of string literals on one line: `['a', 'b']`. */
export function tsStringArray(items: readonly string[]): string {
  return `[${items.map(tsString).join(', ')}]`;
}

/**
 * A JSDoc block from paragraphs (`''` = blank line). Multi-line paragraphs are split, `*\/` is
 * escaped so a description cannot close the comment, trailing spaces are trimmed. One line gives
 * `/** text *\/`.
 */
export function docBlock(lines: readonly string[]): string {
  const body = lines
    .flatMap((line) => line.split(/\r?\n/))
    .map((line) => line.replaceAll('*/', '*\\/').trimEnd());
  if (body.length === 1) return `/** ${body[0]} */`;
  return ['/**', ...body.map((line) => (line === '' ? ' *' : ` * ${line}`)), ' */'].join('\n');
}

/** Key (code units), then version (semver): the order of every list these surfaces print. */
export function compareSpecs(a: Spec, b: Spec): number {
  return compareCodeUnits(a.key, b.key) || compareSemver(a.version, b.version);
}

/** `harness.run.start@1.0.0`. */
export function specLabel(spec: { key: string; version: string }): string {
  return `${spec.key}@${spec.version}`;
}

/** The operations of a domain, sorted by {@link compareSpecs}. */
export function operationsOfDomain(ir: Ir, domain: string): OperationSpec[] {
  return specsOfDomain(ir, domain)
    .filter((spec): spec is OperationSpec => spec.kind === 'operation')
    .sort(compareSpecs);
}

/** The events of a domain, sorted by {@link compareSpecs}. */
export function eventsOfDomain(ir: Ir, domain: string): EventSpec[] {
  return specsOfDomain(ir, domain)
    .filter((spec): spec is EventSpec => spec.kind === 'event')
    .sort(compareSpecs);
}

/** `kind key` -> the highest version of that key among the IR's specs of that kind, per IR. */
const highestVersionsOf = perIr((ir: Ir): ReadonlyMap<string, string> => {
  const found = new Map<string, string>();
  for (const spec of ir.specs) {
    const id = `${spec.kind} ${spec.key}`;
    const current = found.get(id);
    if (current === undefined || compareSemver(spec.version, current) > 0) {
      found.set(id, spec.version);
    }
  }
  return found;
});

/** True when `spec` is not the highest version of its key among `specs` of its kind. */
export function isOlderVersion(spec: Spec, ir: Ir): boolean {
  const highest = highestVersionsOf(ir, '').get(`${spec.kind} ${spec.key}`);
  return (
    highest !== undefined && highest !== spec.version && compareSemver(highest, spec.version) > 0
  );
}

/** `V1_0_0` for an older version (so two versions of a key get distinct names), else ``. */
export function versionSuffix(spec: Spec, ir: Ir): string {
  return isOlderVersion(spec, ir) ? `V${spec.version.replace(/[^A-Za-z0-9]/g, '_')}` : '';
}

/**
 * The banner of a per-domain code file: the files of the specs it is generated from, or of every
 * spec of the domain when `from` is empty (a client of a domain without operations).
 */
export function domainBanner(ir: Ir, domain: string, from?: readonly Spec[]): string {
  const specs = from && from.length > 0 ? from : specsOfDomain(ir, domain);
  return banner(specs.map((spec) => spec.source.file));
}

/** The IR's events by `key@version`, the first of duplicates (as a search in IR order finds). */
const eventsByLabelOf = perIr((ir: Ir): ReadonlyMap<string, EventSpec> => {
  const events = new Map<string, EventSpec>();
  for (const spec of ir.specs) {
    const label = specLabel(spec);
    if (spec.kind === 'event' && !events.has(label)) events.set(label, spec);
  }
  return events;
});

/**
 * The event `ref` names, across the whole IR (an operation may emit another domain's event).
 * @throws Error when no event spec has that key and version (the validator reports it first).
 */
export function findEvent(ir: Ir, ref: { key: string; version: string }, by: Spec): EventSpec {
  const event = eventsByLabelOf(ir, '').get(specLabel(ref));
  if (!event)
    throw new Error(`${specLabel(by)} emits ${specLabel(ref)}, which is not an event spec`);
  return event;
}
