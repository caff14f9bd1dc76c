import { DiagnosticCode } from '../ir/diagnostic-codes.js';
import type {
  DataFields,
  DataValue,
  Emit,
  ErrorDef,
  EventSpec,
  Meta,
  OperationSpec,
} from '../ir/ir-schema.js';
import { toDataValue } from './data-value.js';
import { readMeta, readPolicy } from './read-meta.js';
import { readItems, ShapeReader } from './shape-reader.js';
import { specBase, type SpecHeader } from './spec-header.js';

/** Failure fields of the published results catalog (contracts-spec `results`), kept as data. */
const ERROR_DATA = [
  'status',
  'title',
  'type',
  'category',
  'severity',
  'retryable',
  'retryAfter',
  'args',
] as const;

/** Operation fields of the published language (`operations/operation.ts`) kept as data. */
const OPERATION_DATA = [
  'telemetry',
  'tests',
  'implementations',
  'results',
  'outputPresentation',
  'outputForm',
  'outputDataView',
] as const;

function mergeData(...parts: (DataFields | undefined)[]): DataFields | undefined {
  const present = parts.filter((part): part is DataFields => part !== undefined);
  return present.length === 0 ? undefined : Object.assign({}, ...present);
}

function readErrors(io: ShapeReader): ErrorDef[] {
  const errors = io.object('errors');
  const result: ErrorDef[] = [];
  for (const [code, value] of errors?.value.entries ?? []) {
    const error = ShapeReader.open(io.sink, value, `io.errors.${code}`);
    if (!error) continue;
    const description = error.string('description', true);
    const http = error.integer('http');
    const when = error.string('when');
    const gqlCode = error.string('gqlCode');
    const data = error.data(ERROR_DATA);
    error.rejectUnknown();
    if (http !== undefined && (http < 400 || http > 599)) {
      io.sink.error(
        DiagnosticCode.InvalidSpecShape,
        `\`io.errors.${code}.http\` must be an HTTP error status (400..599), found ${http}`,
        error.value.entries.get('http')!.at,
      );
    }
    if (description === undefined) continue;
    result.push({
      code,
      description,
      ...(http === undefined ? {} : { http }),
      ...(when === undefined ? {} : { when }),
      ...(gqlCode === undefined ? {} : { gqlCode }),
      ...(data === undefined ? {} : { data }),
    });
  }
  return result;
}

/** An emit and, for one declared inline, the event spec it declares. */
interface ReadEmit {
  readonly emit: Emit;
  readonly inline?: {
    readonly payload: string;
    readonly entry: ShapeReader;
    readonly meta: Partial<Meta>;
  };
}

function readEmit(
  root: ShapeReader,
  item: Parameters<typeof ShapeReader.open>[1],
  path: string,
): ReadEmit | undefined {
  const emit = ShapeReader.open(root.sink, item, path);
  if (!emit) return undefined;
  if (emit.has('ref') || !emit.has('payload')) {
    const ref = emit.specRef('ref', true);
    const when = emit.string('when', true);
    emit.rejectUnknown();
    if (!ref || when === undefined) return undefined;
    return { emit: { key: ref.key, version: ref.version, when, source: ref.source } };
  }
  // Published `EmitDeclInline`: `{ key, version, when, payload, stability?, owners?, tags? }`.
  const key = emit.string('key', true);
  const version = emit.string('version', true);
  const when = emit.string('when', true);
  const payload = emit.model('payload');
  const stability = emit.string('stability');
  const owners = emit.stringList('owners');
  const tags = emit.stringList('tags');
  emit.rejectUnknown();
  if (
    key === undefined ||
    version === undefined ||
    when === undefined ||
    typeof payload !== 'string'
  )
    return undefined;
  return {
    emit: { key, version, when, source: emit.at, inline: true },
    inline: {
      payload,
      entry: emit,
      meta: {
        ...(stability === undefined ? {} : { stability }),
        ...(owners === undefined ? {} : { owners }),
        ...(tags === undefined ? {} : { tags }),
      },
    },
  };
}

function readSideEffects(root: ShapeReader) {
  const sideEffects = root.object('sideEffects');
  const emits = readItems(sideEffects?.list('emits'), 'sideEffects.emits', (item, path) =>
    readEmit(root, item, path),
  );
  const analytics = sideEffects?.stringList('analytics');
  const audit = sideEffects?.stringList('audit');
  sideEffects?.rejectUnknown();
  return { emits, analytics, audit };
}

function readTransport(root: ShapeReader): OperationSpec['transport'] {
  const transport = root.object('transport');
  if (!transport) return undefined;
  const rest = transport.object('rest');
  const gql = transport.object('gql');
  const mcp = transport.object('mcp');
  transport.rejectUnknown();
  const method = rest?.oneOf('method', ['GET', 'POST'] as const);
  const path = rest?.string('path');
  rest?.rejectUnknown();
  const field = gql?.string('field');
  const returns = gql?.string('returns');
  gql?.rejectUnknown();
  const toolName = mcp?.string('toolName');
  mcp?.rejectUnknown();
  return {
    ...(rest
      ? {
          rest: {
            ...(method === undefined ? {} : { method }),
            ...(path === undefined ? {} : { path }),
          },
        }
      : {}),
    ...(gql
      ? {
          gql: {
            ...(field === undefined ? {} : { field }),
            ...(returns === undefined ? {} : { returns }),
          },
        }
      : {}),
    ...(mcp ? { mcp: toolName === undefined ? {} : { toolName } } : {}),
  };
}

function readAcceptance(root: ShapeReader): OperationSpec['acceptance'] {
  const acceptance = root.object('acceptance');
  if (!acceptance) return undefined;
  const scenarios = readItems(
    acceptance.list('scenarios'),
    'acceptance.scenarios',
    (item, path) => {
      const entry = ShapeReader.open(root.sink, item, path);
      if (!entry) return undefined;
      const key = entry.string('key', true);
      const given = entry.stringList('given');
      const when = entry.stringList('when');
      const then = entry.stringList('then');
      for (const step of ['given', 'when', 'then']) if (!entry.has(step)) entry.missing(step);
      entry.rejectUnknown();
      if (key === undefined || !given || !when || !then) return undefined;
      return { key, given, when, then };
    },
  );
  const examples = readItems(acceptance.list('examples'), 'acceptance.examples', (item, path) => {
    const entry = ShapeReader.open(root.sink, item, path);
    if (!entry) return undefined;
    const key = entry.string('key', true);
    const input = exampleValue(entry, 'input');
    const output = exampleValue(entry, 'output');
    entry.rejectUnknown();
    if (key === undefined || input === undefined || output === undefined) return undefined;
    return { key, input, output };
  });
  acceptance.rejectUnknown();
  return { scenarios, examples };
}

function exampleValue(entry: ShapeReader, key: string): DataValue | undefined {
  const value = entry.field(key);
  if (value === undefined) {
    entry.missing(key);
    return undefined;
  }
  return toDataValue(entry.sink, value, entry.pathOf(key));
}

/** The event spec an inline emit declares (published `EmitDeclInline`), in the operation's domain. */
function inlineEvent(
  read: NonNullable<ReadEmit['inline']>,
  emit: Emit,
  operationMeta: Meta,
  header: SpecHeader,
  index: number,
): EventSpec {
  const meta: Meta = {
    key: emit.key,
    version: emit.version,
    description: emit.when,
    ...(operationMeta.domain === undefined ? {} : { domain: operationMeta.domain }),
    ...(operationMeta.owners === undefined ? {} : { owners: operationMeta.owners }),
    ...(operationMeta.tags === undefined ? {} : { tags: operationMeta.tags }),
    ...(operationMeta.stability === undefined ? {} : { stability: operationMeta.stability }),
    ...read.meta,
  };
  return {
    kind: 'event',
    ...specBase(meta, {
      ...header,
      exportName: `${header.exportName}.sideEffects.emits[${index}]`,
      source: read.entry.at,
    }),
    pii: [],
    payload: read.payload,
  };
}

/**
 * `defineCommand` / `defineQuery` (language `OperationSpec`, published `operations/operation.ts`) ->
 * the IR operation, followed by one IR event per inline emit. `io.errors` record ->
 * `[{ code, description, http?, when?, gqlCode?, data? }]` in declaration order; emits by reference
 * (`{ ref, when }`) or inline (`{ key, version, when, payload }`, the event gets the operation's
 * domain, owners, tags and stability unless it declares its own, and `when` as description).
 * `meta.kind` (typed literals) overrides `operationKind`. Empty when meta key/version or io
 * input/output cannot be read.
 */
export function buildOperation(
  root: ShapeReader,
  operationKind: 'command' | 'query' | undefined,
  header: SpecHeader,
): (OperationSpec | EventSpec)[] {
  const found: { operationKind?: 'command' | 'query' } = {};
  const meta = readMeta(root, 'operation', found);
  const capability = root.specRef('capability');
  const io = root.object('io', true);
  const input = io?.model('input', true);
  const output = io?.model('output');
  const params = io?.optionalModel('params');
  const query = io?.optionalModel('query');
  const headers = io?.optionalModel('headers');
  const errors = io ? readErrors(io) : [];
  const ioData = io?.data(['success'], 'io.');
  io?.rejectUnknown();
  const policy = readPolicy(root, true);
  const { emits, analytics, audit } = readSideEffects(root);
  const transport = readTransport(root);
  const acceptance = readAcceptance(root);
  const data = mergeData(ioData, root.data(OPERATION_DATA));
  root.rejectUnknown();
  const kind = found.operationKind ?? operationKind;
  if (kind === undefined && meta) root.missing('meta.kind');
  if (!meta || kind === undefined || input === undefined || typeof output !== 'string') return [];
  const operation: OperationSpec = {
    kind: 'operation',
    operationKind: kind,
    ...specBase(meta, header),
    ...(data === undefined ? {} : { data }),
    ...(capability ? { capability } : {}),
    io: {
      input,
      output,
      errors,
      ...(params === undefined ? {} : { params }),
      ...(query === undefined ? {} : { query }),
      ...(headers === undefined ? {} : { headers }),
    },
    policy,
    emits: emits.map((read) => read.emit),
    ...(analytics === undefined ? {} : { analytics }),
    ...(audit === undefined ? {} : { audit }),
    ...(transport ? { transport } : {}),
    ...(acceptance ? { acceptance } : {}),
  };
  const events = emits.flatMap((read, index) =>
    read.inline ? [inlineEvent(read.inline, read.emit, meta, header, index)] : [],
  );
  return [operation, ...events];
}

/** `defineEvent` (language `EventSpec`, published `events.ts`) -> IR event; `pii` defaults to []. */
export function buildEvent(root: ShapeReader, header: SpecHeader): EventSpec | undefined {
  const meta = readMeta(root, 'event');
  const capability = root.specRef('capability');
  const pii = root.stringList('pii') ?? [];
  const payload = root.model('payload');
  root.rejectUnknown();
  if (!meta || typeof payload !== 'string') return undefined;
  return {
    kind: 'event',
    ...specBase(meta, header),
    ...(capability ? { capability } : {}),
    pii,
    payload,
  };
}
