import { perIr } from './per-ir-memo.js';
import type { Ir, Spec } from '../ir/ir-schema.js';
import { errorHttpStatus } from './error-status.js';
import { indentOf, printLiteral, type LiteralValue } from './code-layout.js';
import { compareSpecs, docBlock, domainBanner } from './code-surface-helpers.js';
import { keepsEmitMemos } from './emit-memo.js';
import type { Emitter } from './emitter.js';
import { camelCase, pascalCase, specsOfDomain } from './naming.js';
import { perDomainEmitter } from './per-domain-emitter.js';
import { JoinedText } from './segmented-template.js';

/**
 * One spec as plain data, the shape of the generated `<Domain>SpecRecord`. Every field is present
 * on every kind (absent values are `null` or `[]`), so consumers read any record the same way.
 * `policy.pii` is the operation's (or data view's, form's, presentation's) `policy.pii` and the
 * event's top-level `pii`: the list the agent runtime masks.
 */
export interface SpecRecordData {
  key: string;
  version: string;
  kind: Spec['kind'];
  operationKind: 'command' | 'query' | null;
  title: string | null;
  description: string | null;
  goal: string | null;
  context: string | null;
  owners: string[];
  tags: string[];
  stability: string | null;
  docId: string[];
  policy: { auth: 'anonymous' | 'user' | 'admin' | null; pii: string[]; flags: string[] };
  errors: {
    code: string;
    http: number;
    description: string;
    when: string;
    gqlCode: string | null;
  }[];
  emits: { key: string; version: string; when: string }[];
  capability: { key: string; version: string } | null;
  /** The operation's published GraphQL and MCP bindings (`transport.gql`, `transport.mcp`). */
  transport: {
    gql: { field: string | null; returns: string | null } | null;
    mcp: { toolName: string | null } | null;
  };
}

/** The record of one spec, keys in the fixed order of {@link SpecRecordData}. */
export function specRecord(spec: Spec): SpecRecordData {
  const { meta } = spec;
  const policy =
    'policy' in spec
      ? { auth: spec.policy.auth ?? null, pii: [...spec.policy.pii], flags: [...spec.policy.flags] }
      : { auth: null, pii: spec.kind === 'event' ? [...spec.pii] : [], flags: [] };
  const capability = 'capability' in spec && spec.capability ? spec.capability : null;
  return {
    key: spec.key,
    version: spec.version,
    kind: spec.kind,
    operationKind: spec.kind === 'operation' ? spec.operationKind : null,
    title: meta.title ?? null,
    description: meta.description ?? null,
    goal: meta.goal ?? null,
    context: meta.context ?? null,
    owners: [...(meta.owners ?? [])],
    tags: [...(meta.tags ?? [])],
    stability: meta.stability ?? null,
    docId: [...(meta.docId ?? [])],
    policy,
    errors:
      spec.kind === 'operation'
        ? spec.io.errors.map((error) => ({
            code: error.code,
            http: errorHttpStatus(error),
            description: error.description,
            when: error.when ?? '',
            gqlCode: error.gqlCode ?? null,
          }))
        : [],
    emits:
      spec.kind === 'operation'
        ? spec.emits.map((emit) => ({ key: emit.key, version: emit.version, when: emit.when }))
        : [],
    capability: capability ? { key: capability.key, version: capability.version } : null,
    transport: transportOf(spec),
  };
}

function transportOf(spec: Spec): SpecRecordData['transport'] {
  const transport = spec.kind === 'operation' ? spec.transport : undefined;
  return {
    gql: transport?.gql
      ? { field: transport.gql.field ?? null, returns: transport.gql.returns ?? null }
      : null,
    mcp: transport?.mcp ? { toolName: transport.mcp.toolName ?? null } : null,
  };
}

/** The view model of `templates/registry/registry.ts.hbs`. */
export interface RegistryView {
  readonly banner: string;
  readonly recordType: string;
  readonly recordDocBlock: string;
  readonly registryName: string;
  readonly registryDocBlock: string;
  /** The records, by key then version (semver). */
  readonly records: readonly SpecRecordData[];
  /**
   * `export const harnessRegistry: readonly HarnessSpecRecord[] = [ … ];`, laid out, one part per
   * record.
   */
  readonly registryDeclaration: JoinedText;
  readonly getSpecDocBlock: string;
}

/** Each spec's record and its printed array item (indent 1, with its comma), per spec object. */
const RECORDS = new WeakMap<Spec, { record: SpecRecordData; item: string }>();

function recordOf(spec: Spec): { record: SpecRecordData; item: string } {
  let entry = RECORDS.get(spec);
  if (!entry) {
    const record = specRecord(spec);
    const inner = indentOf(1);
    const item = `${inner}${printLiteral(record as unknown as LiteralValue, 1, inner.length, ',')},`;
    entry = { record, item };
    if (keepsEmitMemos()) RECORDS.set(spec, entry);
  }
  return entry;
}

/**
 * `declaration` and `records` as {@link printLiteral} lays out the array after it, then `;`: two
 * or more records always break one per line (objects of more than one entry), and each item's
 * layout depends on its record alone, so items are printed once per spec, one part each.
 */
function registryDeclarationOf(specs: readonly Spec[], declaration: string): JoinedText {
  if (specs.length < 2) {
    const records = specs.map((spec) => recordOf(spec).record);
    const literal = printLiteral(records as unknown as LiteralValue, 0, declaration.length, ';');
    return new JoinedText([`${declaration}${literal};`], '\n');
  }
  return new JoinedText(
    [`${declaration}[`, ...specs.map((spec) => recordOf(spec).item), '];'],
    '\n',
  );
}

/**
 * The registry view of one domain: every spec's record, by key then semver, so that the last
 * record of a key is its highest version.
 */
function buildRegistryViewUncached(ir: Ir, domain: string): RegistryView {
  const specs = [...specsOfDomain(ir, domain)].sort(compareSpecs);
  const records = specs.map((spec) => recordOf(spec).record);
  const recordType = `${pascalCase(domain)}SpecRecord`;
  const declaration = `export const ${camelCase(domain)}Registry: readonly ${recordType}[] = `;
  return {
    banner: domainBanner(ir, domain),
    recordType,
    recordDocBlock: docBlock([
      `One ${domain} spec as plain data. Absent values are \`null\` or \`[]\`; \`policy.pii\` holds the`,
      "operation's `policy.pii` or the event's `pii`: the fields masked in timelines and logs.",
    ]),
    registryName: `${camelCase(domain)}Registry`,
    registryDocBlock: docBlock([
      `Every spec of the ${domain} domain, by key then version (semver).`,
    ]),
    records,
    registryDeclaration: registryDeclarationOf(specs, declaration),
    getSpecDocBlock: docBlock([
      `The ${domain} spec with this key and version; without \`version\`, the highest version of the`,
      'key. Undefined when there is none.',
    ]),
  };
}

/** {@link buildRegistryViewUncached}, built once per IR and domain (the index emitter reads it too). */
export const buildRegistryView = perIr(buildRegistryViewUncached);

/** The `registry` emitter: `<domain>/registry.ts` per domain. No runtime import. */
export const registryEmitter: Emitter = perDomainEmitter(
  'registry',
  'registry.ts',
  'registry/registry.ts.hbs',
  buildRegistryView,
);
