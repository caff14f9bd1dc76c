import { DiagnosticCode } from '../ir/diagnostic-codes.js';
import type { Emit, ErrorDef, EventSpec, OperationSpec } from '../ir/ir-schema.js';
import { readMeta, readPolicy } from './read-meta.js';
import { readItems, ShapeReader } from './shape-reader.js';
import { specBase, type SpecHeader } from './spec-header.js';

function readErrors(io: ShapeReader): ErrorDef[] {
  const errors = io.object('errors');
  const result: ErrorDef[] = [];
  for (const [code, value] of errors?.value.entries ?? []) {
    const error = ShapeReader.open(io.sink, value, `io.errors.${code}`);
    if (!error) continue;
    const description = error.string('description', true);
    const http = error.integer('http', true);
    const when = error.string('when', true);
    error.rejectUnknown();
    if (http !== undefined && (http < 400 || http > 599)) {
      io.sink.error(
        DiagnosticCode.InvalidSpecShape,
        `\`io.errors.${code}.http\` must be an HTTP error status (400..599), found ${http}`,
        error.value.entries.get('http')!.at,
      );
    }
    if (description !== undefined && http !== undefined && when !== undefined)
      result.push({ code, description, http, when });
  }
  return result;
}

function readEmits(root: ShapeReader): Emit[] {
  const sideEffects = root.object('sideEffects');
  const emits = sideEffects?.list('emits');
  sideEffects?.rejectUnknown();
  return readItems(emits, 'sideEffects.emits', (item, path) => {
    const emit = ShapeReader.open(root.sink, item, path);
    if (!emit) return undefined;
    const ref = emit.specRef('ref', true);
    const when = emit.string('when', true);
    emit.rejectUnknown();
    if (!ref || when === undefined) return undefined;
    return { key: ref.key, version: ref.version, when, source: ref.source };
  });
}

function readTransport(root: ShapeReader): OperationSpec['transport'] {
  const transport = root.object('transport');
  if (!transport) return undefined;
  const rest = transport.object('rest');
  transport.rejectUnknown();
  if (!rest) return {};
  const method = rest.oneOf('method', ['GET', 'POST'] as const);
  const path = rest.string('path');
  rest.rejectUnknown();
  return {
    rest: { ...(method === undefined ? {} : { method }), ...(path === undefined ? {} : { path }) },
  };
}

/**
 * `defineCommand` / `defineQuery` (specs/language/specs.ts `OperationSpec`) -> IR operation:
 * `io.errors` record -> `[{ code, description, http, when }]` in declaration order,
 * `sideEffects.emits[{ ref, when }]` -> `emits[{ key, version, when, source }]` (source = where the
 * ref is written). Undefined when meta key/version or io input/output cannot be read.
 */
export function buildOperation(
  root: ShapeReader,
  operationKind: 'command' | 'query',
  header: SpecHeader,
): OperationSpec | undefined {
  const meta = readMeta(root, 'operation');
  const capability = root.specRef('capability');
  const io = root.object('io', true);
  const input = io?.model('input', true);
  const output = io?.model('output');
  const errors = io ? readErrors(io) : [];
  io?.rejectUnknown();
  const policy = readPolicy(root, true);
  const emits = readEmits(root);
  const transport = readTransport(root);
  root.rejectUnknown();
  if (!meta || input === undefined || typeof output !== 'string') return undefined;
  return {
    kind: 'operation',
    operationKind,
    ...specBase(meta, header),
    ...(capability ? { capability } : {}),
    io: { input, output, errors },
    policy,
    emits,
    ...(transport ? { transport } : {}),
  };
}

/** `defineEvent` (specs/language/specs.ts `EventSpec`) -> IR event; `pii` defaults to []. */
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
