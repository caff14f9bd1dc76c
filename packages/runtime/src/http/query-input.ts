import type { z } from 'zod';
import { formatIssuePath } from '../errors.js';
import { MAX_JSON_DEPTH, nestsDeeperThan, tooDeepError } from './json-depth.js';

/** The part of a zod 4 schema's definition this module reads (`schema._zod.def`). */
interface SchemaDef {
  readonly type: string;
  readonly innerType?: ZodLike;
  readonly element?: ZodLike;
  readonly shape?: Readonly<Record<string, ZodLike>>;
  readonly getter?: () => ZodLike;
  readonly in?: ZodLike;
}

interface ZodLike {
  readonly _zod: { readonly def: SchemaDef };
}

/** How a query parameter's text becomes a value. */
type ParamKind = 'string' | 'number' | 'boolean' | 'json';

const WRAPPERS = new Set([
  'optional',
  'nullable',
  'default',
  'prefault',
  'readonly',
  'catch',
  'nonoptional',
]);

function unwrap(schema: ZodLike): SchemaDef {
  let def = schema._zod.def;
  for (let depth = 0; depth < 16; depth++) {
    if (WRAPPERS.has(def.type) && def.innerType) def = def.innerType._zod.def;
    else if (def.type === 'lazy' && def.getter) def = def.getter()._zod.def;
    else if (def.type === 'pipe' && def.in) def = def.in._zod.def;
    else break;
  }
  return def;
}

function kindOf(def: SchemaDef): ParamKind {
  switch (def.type) {
    case 'string':
    case 'enum':
    case 'literal':
    case 'template_literal':
      return 'string';
    case 'number':
    case 'int':
      return 'number';
    case 'boolean':
      return 'boolean';
    default:
      return 'json';
  }
}

const NUMBER = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/;

/**
 * Parameter `name`'s text as `kind`; text that does not fit stays a string, for zod to report.
 * @throws ContractError VALIDATION_FAILED at `input.<name>` for JSON text nested deeper than
 *   {@link MAX_JSON_DEPTH}.
 */
function coerce(name: string, text: string, kind: ParamKind): unknown {
  switch (kind) {
    case 'string':
      return text;
    case 'number':
      return NUMBER.test(text.trim()) ? Number(text) : text;
    case 'boolean':
      return text === 'true' ? true : text === 'false' ? false : text;
    case 'json':
      if (nestsDeeperThan(text, MAX_JSON_DEPTH)) {
        throw tooDeepError(formatIssuePath('input', [name]), `the query parameter ${name}`);
      }
      try {
        return JSON.parse(text) as unknown;
      } catch {
        return text;
      }
  }
}

/** How one declared field is read from the query: as a list (array fields) or not, and its kind. */
interface FieldPlan {
  readonly list: boolean;
  readonly kind: ParamKind;
}

/** Field plans by input schema, worked out once per schema rather than on every GET. */
const plans = new WeakMap<object, ReadonlyMap<string, FieldPlan>>();

function planOf(schema: z.ZodType): ReadonlyMap<string, FieldPlan> {
  let plan = plans.get(schema);
  if (plan === undefined) {
    const root = unwrap(schema as unknown as ZodLike);
    const fields = new Map<string, FieldPlan>();
    for (const [name, fieldSchema] of Object.entries(
      root.type === 'object' ? (root.shape ?? {}) : {},
    )) {
      const field = unwrap(fieldSchema);
      fields.set(
        name,
        field.type === 'array' && field.element
          ? { list: true, kind: kindOf(unwrap(field.element)) }
          : { list: false, kind: kindOf(field) },
      );
    }
    plan = fields;
    plans.set(schema, plan);
  }
  return plan;
}

/** Sets an own property, `__proto__` included (plain assignment would set the prototype). */
function setOwn(target: Record<string, unknown>, name: string, value: unknown): void {
  if (name === '__proto__') {
    Object.defineProperty(target, name, {
      value,
      enumerable: true,
      writable: true,
      configurable: true,
    });
  } else {
    target[name] = value;
  }
}

/**
 * The input of a GET query from its URL parameters, coerced by the input schema's field types
 * (a query takes GET with its flat input as query parameters): numbers and integers
 * from decimal text, booleans from `true`/`false`, arrays from repeated parameters (`?tag=a&tag=b`),
 * strings and enums as they are, and any other field (JSON, JSONObject, nested models) from JSON
 * text, as OpenAPI's `content: application/json` parameters describe. Text that does not fit its
 * type, a repeated non-array parameter (it becomes a list) and an unknown name are passed through,
 * so the router's validation answers 400 with the field's path. Returns null when the operation
 * takes no input (`schema` null).
 * @throws ContractError VALIDATION_FAILED (400) at `input.<name>` for a JSON parameter nested
 *   deeper than {@link MAX_JSON_DEPTH} levels, before it is parsed (json-depth.ts).
 */
export function queryToInput(schema: z.ZodType | null, params: URLSearchParams): unknown {
  return queryInputReader(schema)(params);
}

const NO_INPUT = (): null => null;

/**
 * {@link queryToInput} for one input schema, with the schema's field plan worked out once (for a
 * route table built at start): `(params) => input`.
 */
export function queryInputReader(schema: z.ZodType | null): (params: URLSearchParams) => unknown {
  if (schema === null) return NO_INPUT;
  const plan = planOf(schema);
  return (params) => inputOf(plan, params);
}

function inputOf(plan: ReadonlyMap<string, FieldPlan>, params: URLSearchParams): unknown {
  const input: Record<string, unknown> = {};
  let repeated: Set<string> | undefined;
  for (const [name, text] of params) {
    const field = plan.get(name);
    const value = field === undefined ? text : coerce(name, text, field.kind);
    if (!Object.hasOwn(input, name)) {
      setOwn(input, name, field?.list ? [value] : value);
    } else if (field?.list || repeated?.has(name)) {
      (input[name] as unknown[]).push(value);
    } else {
      setOwn(input, name, [input[name], value]);
      (repeated ??= new Set()).add(name);
    }
  }
  return input;
}

/**
 * The query parameters of an absolute URL or a request target (`/path?query`), as
 * `new URL(url).searchParams` reads them: the text between the first `?` and the first `#` (none
 * when `#` comes first), parsed as application/x-www-form-urlencoded (WHATWG URL §5.1). URL
 * parsing only percent-encodes characters that this parser decodes back, so the two agree; this
 * skips parsing the rest of the URL on every GET.
 */
export function queryParamsOf(url: string): URLSearchParams {
  const hash = url.indexOf('#');
  const end = hash < 0 ? url.length : hash;
  const start = url.indexOf('?');
  if (start < 0 || start > end) return new URLSearchParams();
  return new URLSearchParams(url.slice(start + 1, end));
}
