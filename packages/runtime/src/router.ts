import type { z } from 'zod';
import { compareSemver } from './core/semver-order.js';
import { authorize, type Actor, type ActorKind } from './actor.js';
import { deepFreeze, isDeeplyFrozen } from './deep-freeze.js';
import {
  ContractError,
  describeIssues,
  isContractError,
  isStandardErrorCode,
  validationIssues,
} from './errors.js';
import { createEmit, type EventDefinition, type EventSink, type SpecKey } from './events.js';

/** A declared error of an operation (`io.errors` of the spec): `http` is the answer's status. */
export interface ErrorDeclaration {
  readonly http: number;
  readonly description: string;
  readonly when: string;
}

/**
 * An operation as the generated `create<Domain>Router` declares it: its policy (`auth`, `pii`),
 * the zod schemas of its input (null when it takes none) and output, its declared errors by code
 * and the events it may emit.
 */
export interface OperationDefinition<In = unknown, Out = unknown> extends SpecKey {
  readonly kind: 'command' | 'query';
  readonly auth: ActorKind;
  readonly pii: readonly string[];
  readonly input: z.ZodType<In> | null;
  readonly output: z.ZodType<Out>;
  readonly errors: Readonly<Record<string, ErrorDeclaration>>;
  readonly emits: readonly SpecKey[];
}

/**
 * What a handler receives next to its input: the caller, the operation, and `emit`, typed by `E`
 * (event key -> payload type) so it accepts only the events the operation declares. With no
 * declared events `emit` takes no key at all.
 */
export interface HandlerContext<E extends object = Record<never, never>> {
  readonly actor: Actor;
  readonly operation: SpecKey;
  /** Validates and publishes an event; rejects with UNDECLARED_EVENT or OUTPUT_INVALID. */
  emit<K extends keyof E & string>(key: K, payload: E[K]): Promise<void>;
}

/** A handler: typed input (null for an operation without input) and context -> output. */
export type OperationHandler<In, Out, E extends object = Record<never, never>> = (
  input: In,
  ctx: HandlerContext<E>,
) => Out | Promise<Out>;

/** An operation definition with its handler, as a {@link Router} takes it. */
export interface BoundOperation {
  readonly definition: OperationDefinition;
  readonly handler: (input: unknown, ctx: HandlerContext<Record<string, unknown>>) => unknown;
}

/**
 * Pairs a definition with its handler. The type arguments tie the zod schemas to the generated
 * TypeScript types: a schema whose output is not the model's type fails to compile.
 */
export function bindOperation<In, Out, E extends object = Record<never, never>>(
  definition: OperationDefinition<In, Out>,
  handler: OperationHandler<In, Out, E>,
): BoundOperation {
  return { definition, handler: handler as BoundOperation['handler'] };
}

/** `now` is injectable so tests can pin `emittedAt`. */
export interface RouterConfig {
  readonly operations: readonly BoundOperation[];
  /** Definitions of every event some operation emits. */
  readonly events: readonly EventDefinition[];
  readonly now?: () => Date;
}

/** Per call: who calls, and where emitted events go. */
export interface CallContext {
  readonly actor: Actor;
  readonly onEvent?: EventSink;
}

/**
 * One operation as the router runs it, worked out once when the router is built: its label, the
 * `operation` its handlers receive, the events it declares and, when it declares none, its `emit`
 * (which then refuses every key without reaching any sink, so one serves every call).
 */
interface RouteEntry {
  readonly bound: BoundOperation;
  readonly label: string;
  readonly operation: SpecKey;
  readonly declared: ReadonlyMap<string, EventDefinition>;
  readonly emitNothing: ((key: string, payload: unknown) => Promise<void>) | undefined;
  /** Deeply frozen handler outputs that passed the output schema -> their frozen parsed output. */
  readonly validOutputs: WeakMap<object, unknown>;
}

/**
 * One operation of a router, resolved once: `(input, context)` runs it exactly as
 * {@link Router.call} does, without looking the operation up again.
 */
export type PreparedOperation = (input: unknown, context: CallContext) => Promise<unknown>;

/**
 * The generic operation router the generated `create<Domain>Router` functions instantiate.
 * @throws Error from the constructor when two operations share `key@version`, when an operation
 *   emits an event that has no definition, or declares two versions of one event key.
 */
export class Router {
  /** Every served operation definition, by key then version (for HTTP serving and listings). */
  readonly operations: readonly OperationDefinition[];
  readonly events: readonly EventDefinition[];
  private readonly routes = new Map<string, RouteEntry[]>();
  /** Every entry by `key@version`, so a call naming its version is one lookup. */
  private readonly byLabel = new Map<string, RouteEntry>();
  private readonly now: () => Date;

  constructor(config: RouterConfig) {
    this.now = config.now ?? (() => new Date());
    const events = new Map<string, EventDefinition>();
    for (const event of config.events) events.set(`${event.key}@${event.version}`, event);
    this.events = [...events.values()];
    for (const bound of config.operations) {
      const { key, version, emits } = bound.definition;
      const label = `${key}@${version}`;
      const declared = new Map<string, EventDefinition>();
      for (const ref of emits) {
        const event = events.get(`${ref.key}@${ref.version}`);
        if (!event)
          throw new Error(
            `${label} emits ${ref.key}@${ref.version}, which has no event definition`,
          );
        if (declared.has(ref.key))
          throw new Error(`${label} declares two versions of event ${ref.key}`);
        declared.set(ref.key, event);
      }
      const entries = this.routes.get(key) ?? [];
      if (this.byLabel.has(label)) throw new Error(`operation ${label} is defined twice`);
      const operation: SpecKey = Object.freeze({ key, version });
      const emitNothing =
        declared.size === 0 ? createEmit({ operation, declared, now: this.now }) : undefined;
      const entry = { bound, label, operation, declared, emitNothing, validOutputs: new WeakMap() };
      this.byLabel.set(label, entry);
      entries.push(entry);
      entries.sort((a, b) => compareSemver(a.bound.definition.version, b.bound.definition.version));
      this.routes.set(key, entries);
    }
    this.operations = [...this.routes.keys()]
      .sort((a, b) => (a < b ? -1 : a > b ? 1 : 0))
      .flatMap((key) => this.routes.get(key)!.map((entry) => entry.bound.definition));
  }

  /**
   * Calls operation `key` (at `version`, else its highest version) for `context.actor`: finds it
   * (NOT_FOUND 404), enforces `auth` (UNAUTHORIZED 401 / FORBIDDEN 403), validates the input
   * (VALIDATION_FAILED 400, `details` = issues naming `input.<field>`), runs the handler, validates
   * its output (OUTPUT_INVALID 500) and resolves with the parsed output. A `ContractError` the
   * handler throws keeps its code: a declared code gets the declared HTTP status, a standard code
   * its standard status; anything else becomes INTERNAL (500) with a message that carries neither
   * the original message nor a stack (the original is kept as `cause`, for server logs).
   *
   * Input is validated on every call. Output is too, with one exception that cannot change the
   * answer: when the handler returns a deeply frozen plain value (`isDeeplyFrozen`,
   * runtime/deep-freeze.ts: frozen all the way down, data properties only, no Dates or class
   * instances), a successful parse is remembered for that object identity (per operation, in a
   * WeakMap), and the next call returning the same object gets the same parsed output without
   * parsing again. A frozen value cannot change, and the generated schemas are pure functions of
   * their input (zod checks and ajv-formats format checks, no clock or I/O), so the parse would
   * give the same result. That parsed output is deeply frozen too, as it is shared between calls.
   * Anything else (a mutable object, even one that passed before) is parsed on every call; a
   * failed parse is never remembered. This is what makes a cached run record (JsonFileCache)
   * cheap to serve while validation of input and output still
   * holds for every answer.
   * @throws ContractError, always; never another error type.
   */
  async call(
    key: string,
    input: unknown,
    context: CallContext,
    version?: string,
  ): Promise<unknown> {
    return run(this.find(key, version), input, context, this.now);
  }

  /**
   * Operation `key` at `version` (else its highest version), looked up once: the returned
   * function runs it as {@link Router.call} would, for servers that resolve their routes at start.
   * @throws ContractError NOT_FOUND (synchronously) when the router has no such operation.
   */
  prepare(key: string, version?: string): PreparedOperation {
    const entry = this.find(key, version);
    return (input, context) => run(entry, input, context, this.now);
  }

  private find(key: string, version: string | undefined): RouteEntry {
    const entry =
      version === undefined ? this.routes.get(key)?.at(-1) : this.byLabel.get(`${key}@${version}`);
    if (!entry) {
      throw new ContractError(
        'NOT_FOUND',
        `no operation ${version === undefined ? key : `${key}@${version}`}`,
      );
    }
    return entry;
  }
}

/** One call of `entry`; see {@link Router.call}. @throws ContractError, always. */
async function run(
  entry: RouteEntry,
  input: unknown,
  context: CallContext,
  now: () => Date,
): Promise<unknown> {
  const { definition, handler } = entry.bound;
  authorize(context.actor, definition.auth, entry.label);
  const typedInput = definition.input
    ? parseOrThrow(
        definition.input,
        input,
        'input',
        'VALIDATION_FAILED',
        `invalid input for ${entry.label}`,
      )
    : null;
  const emit =
    entry.emitNothing ??
    createEmit({
      operation: entry.operation,
      declared: entry.declared,
      now,
      ...(context.onEvent ? { onEvent: context.onEvent } : {}),
    });
  let result: unknown;
  try {
    result = await handler(typedInput, { actor: context.actor, operation: entry.operation, emit });
  } catch (error) {
    throw toProblem(error, definition, entry.label);
  }
  return validOutput(entry, result);
}

/**
 * `schema.safeParse(value)`'s data, or a ContractError `code` whose message is `prefix: <issues>`
 * and whose `details` are the issues rooted at `root`. The issues come from a second parse with
 * `{ reportInput: true }` (what validationIssues reads to say `required`): passing any parse
 * options takes zod 4.6 off its compiled fast path (16x slower for a one-field object), and the
 * option changes only what an issue carries, never whether the parse succeeds.
 */
function parseOrThrow(
  schema: z.ZodType,
  value: unknown,
  root: string,
  code: 'VALIDATION_FAILED' | 'OUTPUT_INVALID',
  prefix: string,
): unknown {
  const parsed = schema.safeParse(value);
  if (parsed.success) return parsed.data;
  const detailed = schema.safeParse(value, { reportInput: true });
  const issues = validationIssues(root, (detailed.error ?? parsed.error).issues);
  throw new ContractError(code, `${prefix}: ${describeIssues(issues)}`, { details: issues });
}

/** The parsed output of `result`, remembered for deeply frozen results; see {@link Router.call}. */
function validOutput(entry: RouteEntry, result: unknown): unknown {
  const remembered = typeof result === 'object' && result !== null;
  if (remembered) {
    const known = entry.validOutputs.get(result);
    if (known !== undefined) return known;
  }
  const output = parseOrThrow(
    entry.bound.definition.output,
    result,
    'output',
    'OUTPUT_INVALID',
    `${entry.label} produced invalid output`,
  );
  if (remembered && isDeeplyFrozen(result)) {
    entry.validOutputs.set(result, deepFreeze(output));
  }
  return output;
}

/** What a handler's throw becomes; see {@link Router.call}. */
function toProblem(error: unknown, definition: OperationDefinition, label: string): ContractError {
  if (isContractError(error)) {
    const declared = Object.hasOwn(definition.errors, error.code)
      ? definition.errors[error.code]
      : undefined;
    const status = declared ? declared.http : isStandardErrorCode(error.code) ? undefined : null;
    if (status !== null) {
      const options = {
        details: error.details,
        cause: error,
        ...(status === undefined ? {} : { status }),
      };
      return new ContractError(error.code, error.message, options);
    }
    return new ContractError('INTERNAL', `${label} threw undeclared error code ${error.code}`, {
      cause: error,
    });
  }
  return new ContractError('INTERNAL', `internal error in ${label}`, { cause: error });
}
