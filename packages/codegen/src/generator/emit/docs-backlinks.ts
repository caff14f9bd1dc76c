import type { Ir, Spec, SpecRef } from '../ir/ir-schema.js';
import { oncePerObject } from '../ir/once-per-object.js';
import { keepsEmitMemos } from './emit-memo.js';

/**
 * The references that point at one spec, so its page can link back: the operations that emit an
 * event, the capabilities that provide or require a spec, the features that list it, the data
 * views whose source is a query, the forms whose actions call an operation. Each list holds
 * references to the pointing specs, in IR order, each once.
 */
export interface Backlinks {
  readonly emittedBy: readonly SpecRef[];
  readonly providedBy: readonly SpecRef[];
  readonly requiredBy: readonly SpecRef[];
  readonly listedIn: readonly SpecRef[];
  readonly dataViews: readonly SpecRef[];
  readonly forms: readonly SpecRef[];
}

type Lists = { -readonly [K in keyof Backlinks]: SpecRef[] };

function emptyLists(): Lists {
  return { emittedBy: [], providedBy: [], requiredBy: [], listedIn: [], dataViews: [], forms: [] };
}

const EMPTY: Backlinks = emptyLists();

/** Reverse references of every spec, by `key@version`; built once per emit from `ir.specs`. */
export interface BacklinkIndex {
  of(spec: Spec): Backlinks;
}

/**
 * Builds the {@link BacklinkIndex}. A capability's `provides` item without a version points at
 * every version of its key; a requirement without a version likewise (the published language's
 * "latest declared version" reading, widened so that no page misses a link).
 */
export function createBacklinkIndex(ir: Ir): BacklinkIndex {
  const byKey = new Map<string, Spec[]>();
  for (const spec of ir.specs) {
    const versions = byKey.get(spec.key);
    if (versions === undefined) byKey.set(spec.key, [spec]);
    else versions.push(spec);
  }
  const lists = new Map<Spec, Lists>();
  const add = (list: keyof Backlinks, key: string, version: string | undefined, from: Spec) => {
    for (const target of byKey.get(key) ?? []) {
      if (version !== undefined && target.version !== version) continue;
      let entry = lists.get(target);
      if (!entry) {
        entry = emptyLists();
        lists.set(target, entry);
      }
      const items = entry[list];
      if (items.some((ref) => ref.key === from.key && ref.version === from.version)) continue;
      items.push({ key: from.key, version: from.version, source: from.source });
    }
  };
  for (const spec of ir.specs) {
    switch (spec.kind) {
      case 'operation':
        for (const emit of spec.emits) add('emittedBy', emit.key, emit.version, spec);
        break;
      case 'capability':
        for (const item of spec.provides) add('providedBy', item.key, item.version, spec);
        for (const item of spec.requires) add('requiredBy', item.key, item.version, spec);
        break;
      case 'feature':
        for (const ref of [
          ...spec.operations,
          ...spec.events,
          ...spec.presentations,
          ...spec.capabilities,
          ...spec.dataViews,
          ...spec.forms,
        ])
          add('listedIn', ref.key, ref.version, spec);
        for (const item of spec.capabilityRequires ?? [])
          add('requiredBy', item.key, item.version, spec);
        break;
      case 'dataView':
        add('dataViews', spec.query.key, spec.query.version, spec);
        break;
      case 'form':
        for (const action of spec.actions)
          if (action.operation) add('forms', action.operation.key, action.operation.version, spec);
        break;
      default:
        break;
    }
  }
  if (keepsEmitMemos()) keepUnchanged(lists);
  return { of: (spec) => lists.get(spec) ?? EMPTY };
}

function sameRefs(a: readonly SpecRef[], b: readonly SpecRef[]): boolean {
  return (
    a.length === b.length &&
    a.every((ref, at) => {
      const other = b[at]!;
      return (
        ref.key === other.key &&
        ref.version === other.version &&
        (ref.source === other.source || JSON.stringify(ref.source) === JSON.stringify(other.source))
      );
    })
  );
}

const LIST_NAMES = Object.keys(EMPTY) as (keyof Backlinks)[];

/** The backlinks of the latest index built in a watch session, by target spec object. */
let latest = new Map<Spec, Backlinks>();

/**
 * Puts back, in `lists`, the previous index's object for every target whose backlinks are the
 * same, so that what is derived from one spec's backlinks (a page's memo input, their JSON) is
 * found by identity on a watch rebuild. Targets are matched by object: a watch session keeps the
 * objects of unchanged specs, and a changed spec's pages are made again anyway.
 */
function keepUnchanged(lists: Map<Spec, Lists>): void {
  const next = new Map<Spec, Backlinks>();
  for (const [target, entry] of lists) {
    const last = latest.get(target);
    if (last !== undefined && sameLists(last, entry)) {
      lists.set(target, last as Lists);
      next.set(target, last);
    } else {
      next.set(target, entry);
    }
  }
  latest = next;
}

function sameLists(a: Backlinks, b: Backlinks): boolean {
  for (const name of LIST_NAMES) if (!sameRefs(a[name], b[name])) return false;
  return true;
}

/** `JSON.stringify(backlinks)`, once per object (see {@link keepUnchanged}). */
export const backlinksJson = oncePerObject((backlinks: Backlinks): string =>
  JSON.stringify(backlinks),
);
