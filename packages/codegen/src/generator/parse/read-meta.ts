import { DiagnosticCode } from '../ir/diagnostic-codes.js';
import { StabilitySchema, type Meta, type Policy, type SpecKind } from '../ir/ir-schema.js';
import type { ShapeReader } from './shape-reader.js';

const CAPABILITY_KINDS = ['integration', 'data', 'ui', 'api', 'event'] as const;
const AUTH_LEVELS = ['anonymous', 'user', 'admin'] as const;

/**
 * A spec's `meta` (specs/language/meta.ts) as IR meta. Only `key` and `version` are needed to build
 * the spec: when absent they are MISSING_META_FIELD here and undefined is returned; every other
 * required field is the validator's to report. `goal`/`context` exist on operations and
 * presentations, `kind` on capabilities, `entity` on data views; any other field is
 * INVALID_SPEC_SHAPE.
 */
export function readMeta(root: ShapeReader, kind: SpecKind): Meta | undefined {
  const meta = root.object('meta', true);
  if (!meta) return undefined;
  for (const field of ['key', 'version']) {
    if (!meta.has(field)) {
      meta.sink.error(DiagnosticCode.MissingMetaField, `\`meta.${field}\` is missing`, meta.at);
    }
  }
  const key = meta.string('key');
  const version = meta.string('version');
  const title = meta.string('title');
  const description = meta.string('description');
  const explains = kind === 'operation' || kind === 'presentation';
  const goal = explains ? meta.string('goal') : undefined;
  const context = explains ? meta.string('context') : undefined;
  const domain = meta.string('domain');
  const owners = meta.stringList('owners');
  const tags = meta.stringList('tags');
  const stability = meta.oneOf('stability', StabilitySchema.options);
  const docId = meta.stringList('docId');
  const capabilityKind = kind === 'capability' ? meta.oneOf('kind', CAPABILITY_KINDS) : undefined;
  const entity = kind === 'dataView' ? meta.string('entity') : undefined;
  meta.rejectUnknown();
  if (key === undefined || version === undefined) return undefined;
  return {
    key,
    version,
    ...(title === undefined ? {} : { title }),
    ...(description === undefined ? {} : { description }),
    ...(goal === undefined ? {} : { goal }),
    ...(context === undefined ? {} : { context }),
    ...(domain === undefined ? {} : { domain }),
    ...(owners === undefined ? {} : { owners }),
    ...(tags === undefined ? {} : { tags }),
    ...(stability === undefined ? {} : { stability }),
    ...(docId === undefined ? {} : { docId }),
    ...(capabilityKind === undefined ? {} : { kind: capabilityKind }),
    ...(entity === undefined ? {} : { entity }),
  };
}

/**
 * `policy` (specs/language/specs.ts `Policy`): missing lists are []. Operations must declare a
 * policy with `auth`; elsewhere the policy is optional and a missing one is `{ pii: [], flags: [] }`.
 */
export function readPolicy(root: ShapeReader, isOperation: boolean): Policy {
  const policy = root.object('policy', isOperation);
  if (!policy) return { pii: [], flags: [] };
  const auth = policy.oneOf('auth', AUTH_LEVELS, isOperation);
  const pii = policy.stringList('pii') ?? [];
  const flags = policy.stringList('flags') ?? [];
  policy.rejectUnknown();
  return { ...(auth === undefined ? {} : { auth }), pii, flags };
}
