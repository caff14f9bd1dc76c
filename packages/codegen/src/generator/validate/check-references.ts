import { DiagnosticCode } from '../ir/diagnostic-codes.js';
import type { Diagnostic, FailedSpec, SourceLocation, Spec, SpecKind } from '../ir/ir-schema.js';
import { oncePerObject } from '../ir/once-per-object.js';
import { describeKind, located, specId, where } from './located.js';
import type { SpecIndex } from './spec-index.js';

/** What a reference must point at: a spec kind, and for data views a query. */
interface Target {
  readonly kind: SpecKind;
  readonly operationKind?: 'query';
  readonly noun: string;
}

const TARGETS = {
  operation: { kind: 'operation', noun: 'an operation' },
  query: { kind: 'operation', operationKind: 'query', noun: 'a query' },
  event: { kind: 'event', noun: 'an event' },
  capability: { kind: 'capability', noun: 'a capability' },
  presentation: { kind: 'presentation', noun: 'a presentation' },
  dataView: { kind: 'dataView', noun: 'a data view' },
  form: { kind: 'form', noun: 'a form' },
} as const satisfies Record<string, Target>;

function matches(spec: Spec, target: Target): boolean {
  return (
    spec.kind === target.kind &&
    (target.operationKind === undefined ||
      (spec.kind === 'operation' && spec.operationKind === target.operationKind))
  );
}

/** What a reference check reads: the specs by kind, and the specs that failed to parse. */
export interface ReferenceScope {
  readonly index: SpecIndex;
  readonly failed: readonly FailedSpec[];
}

/**
 * Checks that one reference names a spec of the right kind; returns the spec when it does. A
 * reference to a spec that failed to parse is one `info` (REFERENCE_TO_FAILED_SPEC) naming where it
 * failed: the failure is the root cause, reported once. Otherwise UNRESOLVED_REFERENCE at the
 * reference.
 */
function resolve(
  scope: ReferenceScope,
  from: Spec,
  role: string,
  ref: { readonly key: string; readonly version: string },
  at: SourceLocation,
  target: Target,
  out: Diagnostic[],
): Spec | undefined {
  const { index } = scope;
  const spec = index.get(target.kind, ref) ?? index.ofAnyKind(ref)[0];
  const subject = () => `${specId(from)}: ${role} \`${specId(ref)}\``;
  if (!spec) {
    const failed = scope.failed.find(
      (entry) =>
        entry.kind === target.kind && entry.key === ref.key && entry.version === ref.version,
    );
    if (failed) {
      out.push(
        located(
          'info',
          DiagnosticCode.ReferenceToFailedSpec,
          `${specId(from)}: ${role} names ${ref.key}, which failed to parse at ${failed.source.file}:${failed.source.line}`,
          at,
        ),
      );
      return undefined;
    }
    const versions = index.versionsOf(target.kind, ref.key);
    const hint =
      versions.length > 0 ? ` (declared versions of ${ref.key}: ${versions.join(', ')})` : '';
    out.push(
      located('error', DiagnosticCode.UnresolvedReference, `${subject()} names no spec${hint}`, at),
    );
    return undefined;
  }
  if (!matches(spec, target)) {
    out.push(
      located(
        'error',
        DiagnosticCode.UnresolvedReference,
        `${subject()} is ${describeKind(spec)} (${where(spec.source)}), not ${target.noun}`,
        at,
      ),
    );
    return undefined;
  }
  return spec;
}

/** `surface key` (any version) and `surface key@version` of each `provides` entry. */
const providedBy = oncePerObject(
  (capability: Spec & { kind: 'capability' }): ReadonlySet<string> =>
    new Set(
      capability.provides.map((entry) =>
        entry.version === undefined
          ? `${entry.surface} ${entry.key}`
          : `${entry.surface} ${entry.key}@${entry.version}`,
      ),
    ),
);

/**
 * True when `capability` lists `spec` in `provides` (an entry without a version provides every
 * version). Looked up in a set per capability object: a capability providing every operation of
 * a 1,000-operation corpus made a linear search per operation quadratic.
 */
function isProvidedBy(capability: Spec, spec: Spec): boolean {
  if (capability.kind !== 'capability') return false;
  const provided = providedBy(capability);
  return (
    provided.has(`${spec.kind} ${spec.key}`) ||
    provided.has(`${spec.kind} ${spec.key}@${spec.version}`)
  );
}

/**
 * Every cross-reference of one spec: operation/event/presentation
 * `capability`, operation `emits`, capability `provides` (matching surface kind; `requires` may
 * point outside the corpus and is not checked), data-view `query` (a query), form action
 * `operation`, every feature list. An operation or event whose capability does not provide it is
 * the warning NOT_PROVIDED_BY_CAPABILITY at its capability reference.
 */
export function checkReferences(spec: Spec, scope: ReferenceScope): Diagnostic[] {
  const out: Diagnostic[] = [];
  const check = (
    role: string,
    ref: { key: string; version: string; source: SourceLocation },
    target: Target,
  ) => resolve(scope, spec, role, ref, ref.source, target, out);
  switch (spec.kind) {
    case 'operation':
    case 'event': {
      const capability =
        spec.capability && check('capability', spec.capability, TARGETS.capability);
      if (spec.capability && capability && !isProvidedBy(capability, spec)) {
        out.push(
          located(
            'warning',
            DiagnosticCode.NotProvidedByCapability,
            `${specId(spec)} names capability \`${specId(capability)}\`, whose \`provides\` does not list it as ${spec.kind === 'operation' ? 'an operation' : 'an event'}`,
            spec.capability.source,
          ),
        );
      }
      if (spec.kind === 'operation')
        for (const emit of spec.emits) check('emits', emit, TARGETS.event);
      break;
    }
    case 'capability':
      if (spec.extends) check('extends', spec.extends, TARGETS.capability);
      for (const entry of spec.provides) {
        // `workflow` and `resource` are published surfaces with no spec kind read here.
        if (entry.surface === 'workflow' || entry.surface === 'resource') continue;
        const target = TARGETS[entry.surface];
        const version = entry.version ?? scope.index.latest(target.kind, entry.key);
        if (version === undefined) {
          out.push(
            located(
              'error',
              DiagnosticCode.UnresolvedReference,
              `${specId(spec)}: provides ${entry.surface} \`${entry.key}\` names no spec`,
              entry.source,
            ),
          );
          continue;
        }
        check(`provides ${entry.surface}`, { ...entry, version }, target);
      }
      break;
    case 'feature': {
      const lists = [
        ['operations', spec.operations, TARGETS.operation],
        ['events', spec.events, TARGETS.event],
        ['presentations', spec.presentations, TARGETS.presentation],
        ['capabilities', spec.capabilities, TARGETS.capability],
        ['dataViews', spec.dataViews, TARGETS.dataView],
        ['forms', spec.forms, TARGETS.form],
      ] as const;
      for (const [role, refs, target] of lists) for (const ref of refs) check(role, ref, target);
      break;
    }
    case 'presentation':
      if (spec.capability) check('capability', spec.capability, TARGETS.capability);
      break;
    case 'dataView':
      check('source query', spec.query, TARGETS.query);
      break;
    case 'form':
      for (const action of spec.actions)
        if (action.operation) check(`action ${action.key}`, action.operation, TARGETS.operation);
      break;
    default: {
      const unreachable: never = spec;
      return unreachable;
    }
  }
  return out;
}

/** Events that no capability lists in `provides`: the warning EVENT_WITHOUT_CAPABILITY at each. */
export function checkEventsProvided(index: SpecIndex): Diagnostic[] {
  const provided = new Set<string>();
  for (const spec of index.ordered) {
    if (spec.kind !== 'capability') continue;
    for (const entry of spec.provides) {
      if (entry.surface !== 'event') continue;
      const version = entry.version ?? index.latest('event', entry.key);
      if (version !== undefined) provided.add(specId({ key: entry.key, version }));
    }
  }
  return index.ordered
    .filter((spec) => spec.kind === 'event' && !provided.has(specId(spec)))
    .map((event) =>
      located(
        'warning',
        DiagnosticCode.EventWithoutCapability,
        `event ${specId(event)} is provided by no capability`,
        event.source,
      ),
    );
}
