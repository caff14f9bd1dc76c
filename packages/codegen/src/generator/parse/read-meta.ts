import { DiagnosticCode } from '../ir/diagnostic-codes.js';
import { StabilitySchema, type Meta, type Policy, type SpecKind } from '../ir/ir-schema.js';
import { readItems, readSpecRef, type ShapeReader } from './shape-reader.js';

const CAPABILITY_KINDS = ['integration', 'data', 'ui', 'api', 'event'] as const;
const AUTH_LEVELS = ['anonymous', 'user', 'admin'] as const;

/**
 * A spec's `meta` (specs/language/meta.ts) as IR meta. Only `key` and `version` are needed to build
 * the spec: when absent they are MISSING_META_FIELD here and undefined is returned; every other
 * required field is the validator's to report. `goal`/`context` exist on operations and
 * presentations, `kind` on capabilities, `entity` on data views; any other field is
 * INVALID_SPEC_SHAPE.
 */
export function readMeta(
  root: ShapeReader,
  kind: SpecKind,
  found: { operationKind?: 'command' | 'query' } = {},
): Meta | undefined {
  const meta = root.object('meta', true);
  if (!meta) return undefined;
  // Published `OperationSpecMeta.kind`, written in typed literals (`const X: OperationSpec = {...}`).
  if (kind === 'operation') found.operationKind = meta.oneOf('kind', ['command', 'query'] as const);
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

/** Operation policy fields of the published language kept as data (`operations/operation.ts`). */
const OPERATION_POLICY_DATA = [
  'roles',
  'anyRole',
  'permissions',
  'anyPermission',
  'fieldPolicies',
  'resource',
] as const;

/**
 * `policy` (language `Policy`; published `OperationSpec.policy`): missing lists are []. Operations
 * must declare a policy with `auth`, and may declare `idempotent`, `rateLimit: { rpm, key }`,
 * `escalate: 'human_review' | null` and `policies` (policy spec refs); their other published policy
 * fields are kept as data. Elsewhere the policy is optional (`{ flags?, pii? }`) and a missing one is
 * `{ pii: [], flags: [] }`.
 */
export function readPolicy(root: ShapeReader, isOperation: boolean): Policy {
  const policy = root.object('policy', isOperation);
  if (!policy) return { pii: [], flags: [] };
  const auth = policy.oneOf('auth', AUTH_LEVELS, isOperation);
  const pii = policy.stringList('pii') ?? [];
  const flags = policy.stringList('flags') ?? [];
  if (!isOperation) {
    policy.rejectUnknown();
    return { ...(auth === undefined ? {} : { auth }), pii, flags };
  }
  const idempotent = policy.boolean('idempotent');
  const limit = policy.object('rateLimit');
  const rpm = limit?.number('rpm');
  const limitKey = limit?.oneOf('key', ['user', 'org', 'global'] as const, true);
  if (limit && !limit.has('rpm')) limit.missing('rpm');
  limit?.rejectUnknown();
  const escalateValue = policy.field('escalate');
  const escalate =
    escalateValue?.kind === 'null'
      ? null
      : policy.has('escalate') && escalateValue
        ? readEscalate(policy, escalateValue)
        : undefined;
  const policyRefs = policy.list('policies');
  const policies =
    policyRefs &&
    readItems(policyRefs, policy.pathOf('policies'), (item, path) =>
      readSpecRef(policy.sink, item, path),
    );
  const data = policy.data(OPERATION_POLICY_DATA);
  policy.rejectUnknown();
  return {
    ...(auth === undefined ? {} : { auth }),
    pii,
    flags,
    ...(idempotent === undefined ? {} : { idempotent }),
    ...(rpm !== undefined && limitKey !== undefined ? { rateLimit: { rpm, key: limitKey } } : {}),
    ...(escalate === undefined ? {} : { escalate }),
    ...(policies === undefined ? {} : { policies }),
    ...(data === undefined ? {} : { data }),
  };
}

function readEscalate(
  policy: ShapeReader,
  value: NonNullable<ReturnType<ShapeReader['field']>>,
): 'human_review' | undefined {
  if (value.kind === 'string' && value.value === 'human_review') return 'human_review';
  policy.sink.error(
    DiagnosticCode.InvalidSpecShape,
    `\`${policy.pathOf('escalate')}\` must be 'human_review' or null`,
    value.at,
  );
  return undefined;
}
