import { createHash } from 'node:crypto';
import type { Ir, Spec } from '../../ir/ir-schema.js';
import { oncePerObject } from '../../ir/once-per-object.js';
import { titleOf } from '../docs-spec-parts.js';
import { modelRefsOf } from '../model-graph.js';
import { domainOf } from '../naming.js';

/** SHA-256 of the parts joined by NUL, as base64url: the key of one memoized page. */
export function digest(...parts: readonly string[]): string {
  const hash = createHash('sha256');
  for (const part of parts) hash.update(part).update('\u0000');
  return hash.digest('base64url');
}

/**
 * What a site emit is built from, as digests, so that an emit can tell which pages an IR change
 * touches without building them:
 * - `specs`: per spec, the digest of its JSON (everything its own page shows);
 * - `shared`: the models and enums, and the directory of every spec (kind, key, version, domain,
 *   title, the models it names, in IR order) — what a page shows of specs other than its own: links
 *   (paths follow domain, key and version), titles in reference tables, the sidebar and pager, the
 *   models page's "Used by";
 * - `whole`: `shared` and every spec, so an unchanged IR is found in one comparison.
 */
export interface IrFingerprint {
  readonly specs: ReadonlyMap<Spec, string>;
  readonly shared: string;
  readonly whole: string;
}

/**
 * The digest of one IR part's JSON (a spec, a model, an enum), once per object: an IR is never
 * changed once built (naming.ts), and a watch session hands the next IR the same objects for the
 * parts that did not change (ir-finisher.ts), so a rebuild digests only what changed.
 */
export const partDigest = oncePerObject((part: object): string => digest(JSON.stringify(part)));

/** What other pages show of a spec (see {@link IrFingerprint}), as JSON, once per spec object. */
const directoryEntry = oncePerObject((spec: Spec): string =>
  JSON.stringify([
    spec.kind,
    spec.key,
    spec.version,
    domainOf(spec),
    titleOf(spec),
    modelRefsOf(spec),
  ]),
);

/**
 * The {@link IrFingerprint} of `ir`: the JSON of every part not digested before (the IR's 3 MB at
 * 1,000 operations on a first emit, some 25 ms; the changed parts only in a watch session).
 */
export function fingerprintIr(ir: Ir): IrFingerprint {
  const specs = new Map<Spec, string>();
  const whole = createHash('sha256');
  const directory = createHash('sha256');
  for (const spec of ir.specs) {
    const one = partDigest(spec);
    specs.set(spec, one);
    whole.update(one);
    directory.update(directoryEntry(spec));
  }
  const shared = digest(
    ir.models.map(partDigest).join(' '),
    ir.enums.map(partDigest).join(' '),
    directory.digest('base64url'),
  );
  return { specs, shared, whole: digest(shared, whole.digest('base64url')) };
}
