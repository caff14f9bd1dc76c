import { errorHttpStatus } from './error-status.js';
import {
  compareCodeUnits,
  HTTP_ERRORS,
  operationMethods,
  operationPath,
  STANDARD_ERRORS,
  type RouteMethod,
} from 'contracts-runtime/core';
import type { EnumDef, Ir, Model, OperationSpec } from '../ir/ir-schema.js';
import { deepFreeze } from './deep-freeze.js';
import { sameList } from '../ir/same-list.js';
import { keepsEmitMemos } from './emit-memo.js';
import type { Emitter } from './emitter.js';
import {
  modelObjectSchema,
  sameSchemaInputs,
  schemaInputsOf,
  type SchemaInputs,
} from './json-schema-emitter.js';
import { modelRefsOf, strictModelNames } from './model-graph.js';
import { camelCase, domainOf, enumsByName, modelsByName, reachableModels } from './naming.js';
import { partedFile, type OutputFile } from './output-file.js';
import type { PartedText } from './parted-text.js';
import { perIr } from './per-ir-memo.js';
import { holdsKeptJson, jsonParts, keepJsonText } from './json-text.js';
import type { JsonSchema } from './scalar-wire-types.js';
import { exampleOfModel } from './site/example-values.js';

/** Component names of the problem document schemas; a schema model may not use them. */
export const PROBLEM_SCHEMA = 'HttpProblem';
export const PROBLEM_ISSUE_SCHEMA = 'HttpProblemIssue';

const COMPONENTS = '#/components/schemas/';
const ref = (name: string) => ({ $ref: `${COMPONENTS}${name}` });
type Json = Record<string, unknown>;

/** `$ref: '#/$defs/X'` (the JSON Schema emitter's form) -> `#/components/schemas/X`, deeply. */
function toComponentRefs(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(toComponentRefs);
  if (typeof value !== 'object' || value === null) return value;
  return Object.fromEntries(
    Object.entries(value).map(([key, item]) => [
      key,
      key === '$ref' && typeof item === 'string' && item.startsWith('#/$defs/')
        ? `${COMPONENTS}${item.slice('#/$defs/'.length)}`
        : toComponentRefs(item),
    ]),
  );
}

function problemSchemas(): Record<string, JsonSchema> {
  return {
    [PROBLEM_SCHEMA]: {
      title: PROBLEM_SCHEMA,
      description:
        'An RFC 9457 problem document. `code` is the contract error code; `errors` lists field-level issues (400 validation); `details` carries any other details.',
      type: 'object',
      properties: {
        type: { type: 'string' },
        title: { type: 'string' },
        status: { type: 'integer' },
        detail: { type: 'string' },
        code: { type: 'string' },
        instance: { type: 'string' },
        errors: { type: 'array', items: ref(PROBLEM_ISSUE_SCHEMA) },
        details: {},
      },
      required: ['type', 'title', 'status', 'detail', 'code'],
    },
    [PROBLEM_ISSUE_SCHEMA]: {
      title: PROBLEM_ISSUE_SCHEMA,
      description: 'One failing field: `path` is rooted at `input` (`input.runId`).',
      type: 'object',
      properties: { path: { type: 'string' }, message: { type: 'string' } },
      required: ['path', 'message'],
    },
  };
}

/** {@link problemSchemas} shared by every document of a watch session: frozen, printed once. */
const KEPT_PROBLEM_SCHEMAS: Readonly<Record<string, JsonSchema>> = Object.fromEntries(
  Object.entries(problemSchemas()).map(([name, schema]) => [
    name,
    keepJsonText(deepFreeze(schema)),
  ]),
);

/** Every error an operation may answer with over `method`, by status, codes sorted. */
function errorsByStatus(
  spec: OperationSpec,
  method: RouteMethod,
): Map<number, Map<string, string>> {
  const byStatus = new Map<number, Map<string, string>>();
  const add = (status: number, code: string, description: string) => {
    const codes = byStatus.get(status) ?? new Map<string, string>();
    if (!codes.has(code)) codes.set(code, description);
    byStatus.set(status, codes);
  };
  for (const error of spec.io.errors) add(errorHttpStatus(error), error.code, error.description);
  const standard = (code: keyof typeof STANDARD_ERRORS) =>
    add(STANDARD_ERRORS[code].status, code, STANDARD_ERRORS[code].description);
  if (spec.io.input !== null) standard('VALIDATION_FAILED');
  standard('UNAUTHORIZED');
  if (spec.policy.auth === 'admin') standard('FORBIDDEN');
  standard('NOT_FOUND');
  if (method === 'POST') {
    for (const code of ['PAYLOAD_TOO_LARGE', 'UNSUPPORTED_MEDIA_TYPE'] as const) {
      add(HTTP_ERRORS[code].status, code, HTTP_ERRORS[code].description);
    }
  }
  standard('INTERNAL');
  standard('OUTPUT_INVALID');
  if (spec.emits.length > 0) standard('UNDECLARED_EVENT');
  return byStatus;
}

/**
 * Published `acceptance.examples` (contracts-spec `operations/operation.ts`) as OpenAPI Example
 * Objects (OpenAPI 3.1 §4.8.19), by example key; `side` is `input` or `output`. Without acceptance
 * examples, one example named `schema`, built from the side's model (`exampleOfModel`: fixed values
 * per scalar, e.g. an RFC 3339 date-time for DateTime).
 */
function examples(ir: Ir, spec: OperationSpec, side: 'input' | 'output'): Json {
  const list = spec.acceptance?.examples ?? [];
  if (list.length === 0) {
    const model = side === 'input' ? spec.io.input : spec.io.output;
    if (model === null) return {};
    return {
      examples: { schema: { summary: 'Built from the schema', value: exampleOfModel(ir, model) } },
    };
  }
  return {
    examples: Object.fromEntries(list.map((example) => [example.key, { value: example[side] }])),
  };
}

/** Published error codes for GraphQL (`io.errors.*.gqlCode`): an `x-` extension, OpenAPI has no field. */
function gqlCodes(spec: OperationSpec): Json {
  const entries = spec.io.errors.flatMap((error) =>
    error.gqlCode === undefined ? [] : [[error.code, error.gqlCode] as const],
  );
  return entries.length === 0 ? {} : { 'x-contracts-gql-codes': Object.fromEntries(entries) };
}

/** Published `transport.gql` and `transport.mcp` bindings: `x-` extensions (OpenAPI 3.1 §4.9). */
function transportExtensions(spec: OperationSpec): Json {
  const gql = spec.transport?.gql;
  const mcp = spec.transport?.mcp;
  return {
    ...(gql ? { 'x-contracts-gql': { ...gql } } : {}),
    ...(mcp ? { 'x-contracts-mcp': { ...mcp } } : {}),
  };
}

function responses(ir: Ir, spec: OperationSpec, method: RouteMethod): Json {
  const result: Json = {
    '200': {
      description: `The output of \`${spec.key}@${spec.version}\`.`,
      content: {
        'application/json': { schema: ref(spec.io.output), ...examples(ir, spec, 'output') },
      },
    },
  };
  const byStatus = errorsByStatus(spec, method);
  for (const status of [...byStatus.keys()].sort((a, b) => a - b)) {
    const codes = [...byStatus.get(status)!].sort(([a], [b]) => compareCodeUnits(a, b));
    result[String(status)] = {
      description: codes.map(([code, description]) => `\`${code}\`: ${description}`).join('\n'),
      content: {
        'application/problem+json': {
          schema: {
            allOf: [
              ref(PROBLEM_SCHEMA),
              {
                type: 'object',
                properties: { code: { type: 'string', enum: codes.map(([code]) => code) } },
              },
            ],
          },
        },
      },
    };
  }
  return result;
}

/**
 * Query parameters of a GET: one per input field (OpenAPI 3.1 §4.8.12). Strings, numbers,
 * booleans and enums take `schema` (arrays as repeated parameters, the default `form` + `explode`);
 * JSON values and nested models take `content: application/json`, as the server parses them.
 */
function queryParameters(input: Model, inputSchema: JsonSchema): Json[] {
  const properties = inputSchema.properties as Record<string, unknown>;
  return input.fields.map((field) => {
    const schema = toComponentRefs(properties[field.name]);
    const json =
      field.type.type === 'model' ||
      (field.type.type === 'scalar' &&
        (field.type.name === 'JSON' || field.type.name === 'JSONObject'));
    return {
      name: field.name,
      in: 'query',
      required: !field.optional,
      ...(json ? { content: { 'application/json': { schema } } } : { schema }),
    };
  });
}

function operationObject(
  ir: Ir,
  spec: OperationSpec,
  method: RouteMethod,
  primary: boolean,
  schemas: Readonly<Record<string, JsonSchema>>,
): Json {
  const baseId = `${camelCase(spec.key)}_${spec.version.replace(/[^A-Za-z0-9]/g, '_')}`;
  const meta = spec.meta;
  const description = [
    meta.description,
    meta.goal ? `Goal: ${meta.goal}` : undefined,
    meta.context ? `Context: ${meta.context}` : undefined,
    `\`${spec.key}@${spec.version}\` (${spec.operationKind}, auth ${spec.policy.auth ?? 'anonymous'})`,
  ].filter((line): line is string => line !== undefined);
  const input = spec.io.input === null ? undefined : modelsByName(ir).get(spec.io.input);
  const bearer = { bearerAuth: [] as string[] };
  const auth = spec.policy.auth ?? 'anonymous';
  return {
    operationId: primary ? baseId : `${baseId}_${method.toLowerCase()}`,
    summary: meta.title ?? meta.description ?? spec.key,
    description: description.join('\n\n'),
    tags: [domainOf(spec)],
    ...(meta.stability === 'deprecated' ? { deprecated: true } : {}),
    security: auth === 'anonymous' ? [{}, bearer] : [bearer],
    ...(method === 'GET' && input
      ? { parameters: queryParameters(input, schemas[input.name]!) }
      : {}),
    ...(method === 'POST' && input
      ? {
          requestBody: {
            required: true,
            content: {
              'application/json': { schema: ref(input.name), ...examples(ir, spec, 'input') },
            },
          },
        }
      : {}),
    responses: responses(ir, spec, method),
    ...transportExtensions(spec),
    ...gqlCodes(spec),
    'x-contracts-operation': {
      key: spec.key,
      version: spec.version,
      kind: spec.operationKind,
      auth,
    },
  };
}

const EVENTS_PATH: Json = keepJsonText({
  get: {
    operationId: 'events',
    summary: 'Stream the event timeline',
    description:
      "Server-Sent Events: one message per timeline event (`id` the event id, `event` its key, `data` the event as JSON, pii masked). With `runId`, the run's earlier events come first; `Last-Event-ID` replays the events after it.",
    security: [{ bearerAuth: [] }],
    parameters: [
      { name: 'runId', in: 'query', required: false, schema: { type: 'string' } },
      { name: 'key', in: 'query', required: false, schema: { type: 'string' } },
    ],
    responses: {
      '200': {
        description: 'The event stream.',
        content: { 'text/event-stream': { schema: { type: 'string' } } },
      },
      '401': {
        description: '`UNAUTHORIZED`: the stream needs a user or admin token.',
        content: { 'application/problem+json': { schema: ref(PROBLEM_SCHEMA) } },
      },
    },
  },
});

/** Each model's component schema, with whether the model was strict and the enums it named. */
const COMPONENT_SCHEMAS = new WeakMap<
  Model,
  { strict: boolean; enums: readonly (EnumDef | undefined)[]; schema: JsonSchema }
>();

/**
 * `modelObjectSchema` with component refs; in watch mode, the same frozen object while the model,
 * its strictness and the enums its fields name are (nested models are only referenced by name).
 */
function componentSchemaOf(
  model: Model,
  strict: ReadonlySet<string>,
  enums: ReadonlyMap<string, EnumDef>,
): JsonSchema {
  const build = () => toComponentRefs(modelObjectSchema(model, strict, enums, '')) as JsonSchema;
  if (!keepsEmitMemos()) return build();
  const isStrict = strict.has(model.name);
  const named = model.fields.flatMap((field) =>
    field.type.type === 'enum' ? [enums.get(field.type.name)] : [],
  );
  const last = COMPONENT_SCHEMAS.get(model);
  if (last && last.strict === isStrict && sameList(last.enums, named)) return last.schema;
  const schema = keepJsonText(deepFreeze(build()));
  COMPONENT_SCHEMAS.set(model, { strict: isStrict, enums: named, schema });
  return schema;
}

/** Where an operation is served: its path, its methods and the method of its primary id. */
interface Route {
  readonly path: string;
  readonly methods: readonly RouteMethod[];
  readonly primary: RouteMethod;
}

/** Each operation's route, in watch mode (a function of the spec object alone). */
const ROUTES = new WeakMap<OperationSpec, Route>();

/** `transport.rest` or the default path and methods (core/operation-path.ts of the runtime). */
function routeOf(spec: OperationSpec): Route {
  const known = ROUTES.get(spec);
  if (known) return known;
  const rest = spec.transport?.rest;
  const route = {
    path: rest?.path ?? operationPath(spec.key, spec.version),
    methods: operationMethods(spec.operationKind, rest?.method),
    primary: rest?.method ?? (spec.operationKind === 'query' ? 'GET' : 'POST'),
  };
  if (keepsEmitMemos()) ROUTES.set(spec, route);
  return route;
}

/**
 * Each operation's path item with the models and enums its input and output reach, which it was
 * built from besides the spec (operationObject reads no other spec; the component schema of a
 * GET input and the examples are functions of those).
 */
const PATH_ITEMS = new WeakMap<OperationSpec, { inputs: SchemaInputs; item: Json }>();

/**
 * The path item of `spec` (one operation object per method of its route); in watch mode, the same
 * frozen object as last time while the spec and its {@link SchemaInputs} are: it is then printed
 * once.
 */
function pathItemOf(
  ir: Ir,
  spec: OperationSpec,
  route: Route,
  schemas: Readonly<Record<string, JsonSchema>>,
  strict: ReadonlySet<string>,
): Json {
  const build = () => {
    const item: Json = {};
    for (const method of route.methods) {
      item[method.toLowerCase()] = operationObject(
        ir,
        spec,
        method,
        method === route.primary,
        schemas,
      );
    }
    return item;
  };
  if (!keepsEmitMemos()) return build();
  const inputs = schemaInputsOf(ir, modelRefsOf(spec), strict);
  const last = PATH_ITEMS.get(spec);
  if (last && sameSchemaInputs(last.inputs, inputs)) return last.item;
  const item = keepJsonText(deepFreeze(build()));
  PATH_ITEMS.set(spec, { inputs, item });
  return item;
}

/** What {@link sortedRecord} gave last for each record name, in watch mode. */
const LAST_SORTED = new Map<
  string,
  { keys: readonly string[]; order: readonly string[]; values: readonly unknown[]; sorted: Json }
>();

/**
 * `record`'s entries sorted by key (code units), as a new object, so the bytes are deterministic.
 * In watch mode `name` ('paths', 'schemas') finds the last sorted form: the same keys in the same
 * insertion order are not sorted again, and with the same values too the last object itself is
 * returned, marked to keep its printed text (json-text.ts).
 */
function sortedRecord(name: string, record: Record<string, unknown>): Json {
  const keys = Object.keys(record);
  const memo = keepsEmitMemos();
  const last = memo ? LAST_SORTED.get(name) : undefined;
  const sameKeys = last !== undefined && sameList(last.keys, keys);
  const values = keys.map((key) => record[key]);
  if (sameKeys && sameList(last.values, values)) {
    return keepJsonText(last.sorted);
  }
  const order = sameKeys ? last.order : [...keys].sort(compareCodeUnits);
  const sorted: Json = {};
  for (const key of order) sorted[key] = record[key];
  if (memo) LAST_SORTED.set(name, { keys, order, values, sorted: holdsKeptJson(sorted) });
  return sorted;
}

/**
 * The OpenAPI 3.1 document of every operation in the IR: one path per operation
 * version (`transport.rest.path`, else `/<key as slashes>/v<version>`), GET and POST for queries
 * and POST for commands (core/operation-path.ts of the runtime), `operationId` `<camelKey>_<version>` (`_get`/`_post` for
 * the second method), summary and description from the spec, the domain as tag, the request and
 * response schemas under `components.schemas` by model name (built by the JSON Schema emitter's
 * `modelObjectSchema`), every declared and standard error as a problem+json response, bearer
 * security, and `x-contracts-operation` ({key, version, kind, auth}) from which the server reads
 * custom routes. Also `/events` (the SSE stream). Keys sorted, so the bytes are deterministic.
 * @throws Error when a schema model is named like a problem schema ({@link PROBLEM_SCHEMA}).
 */
export function openApiDocument(ir: Ir, options: OpenApiOptions = {}): Json {
  const operations = ir.specs.filter((spec): spec is OperationSpec => spec.kind === 'operation');
  const strict = strictModelNames(ir);
  const enums = enumsByName(ir);
  const models = modelsByName(ir);
  const roots = operations.flatMap(modelRefsOf);
  const schemas: Record<string, JsonSchema> = {};
  for (const name of reachableModels(ir, roots)) {
    if (name === PROBLEM_SCHEMA || name === PROBLEM_ISSUE_SCHEMA) {
      throw new Error(`schema model ${name} clashes with the OpenAPI problem schema of that name`);
    }
    schemas[name] = componentSchemaOf(models.get(name)!, strict, enums);
  }
  Object.assign(schemas, keepsEmitMemos() ? KEPT_PROBLEM_SCHEMAS : problemSchemas());
  const paths: Record<string, Json> = { '/events': EVENTS_PATH };
  for (const spec of operations) {
    const route = routeOf(spec);
    paths[route.path] = pathItemOf(ir, spec, route, schemas, strict);
  }
  const features = new Map(
    ir.specs
      .filter((spec) => spec.kind === 'feature')
      .map((spec) => [domainOf(spec), spec.meta.description]),
  );
  const domains = [...new Set(operations.map(domainOf))].sort(compareCodeUnits);
  return {
    openapi: '3.1.0',
    info: {
      title: options.title ?? 'Contract operations',
      version: options.version ?? '1.0.0',
      description:
        'Every operation of the contract specs as served by `contracts serve`. Errors are RFC 9457 problem documents whose `code` is the contract error code. Each operation is also served at `/<key as slashes>/v<version>`.',
    },
    servers: options.servers ?? [
      { url: 'http://127.0.0.1:8787', description: 'contracts serve, default address' },
    ],
    tags: domains.map((name) => ({
      name,
      ...(features.get(name) ? { description: features.get(name) } : {}),
    })),
    paths: sortedRecord('paths', paths),
    components: {
      schemas: sortedRecord('schemas', schemas),
      securitySchemes: {
        bearerAuth: {
          type: 'http',
          scheme: 'bearer',
          description:
            'A token of CONTRACTS_TOKENS or --tokens-file; without one the caller is anonymous.',
        },
      },
    },
  };
}

/** The configurable parts of the OpenAPI document's `info` and `servers` (OpenAPI 3.1 §4.8). */
export interface OpenApiOptions {
  readonly title?: string;
  readonly version?: string;
  readonly servers?: readonly { readonly url: string; readonly description?: string }[];
}

/** The OpenAPI document of one IR and its `openapi.json` text, as {@link sharedOpenApi} keeps them. */
export interface SharedOpenApi {
  /** {@link openApiDocument} of the IR; shared, so never to be changed. */
  readonly document: Json;
  /** `JSON.stringify(document, null, 2)` and a line break. */
  text(): string;
  /**
   * The file at `path` holding {@link text}: in a watch session its UTF-8 parts, printed once per
   * part object (json-text.ts, parted-text.ts), shared by every file made of this document.
   */
  file(path: string): OutputFile;
}

/**
 * The OpenAPI document of `ir` and `options` and its text, built once per IR object and options
 * and shared by every surface that shows it (`openapi.json`, the docs site's API reference and its
 * copy of the document), so one generation builds and prints it once.
 * @throws Error as {@link openApiDocument} does.
 */
export function sharedOpenApi(ir: Ir, options: OpenApiOptions = {}): SharedOpenApi {
  return sharedOnce(ir, JSON.stringify(options));
}

function printedDocument(document: Json): string {
  return JSON.stringify(document, null, 2) + '\n';
}

/** The document's text as UTF-8 parts, each kept part printed once per object (json-text.ts). */
function printedParts(document: Json): PartedText {
  holdsKeptJson(document);
  holdsKeptJson(document.components as Json);
  return jsonParts(document, '\n');
}

const sharedOnce = perIr((ir: Ir, optionsKey: string): SharedOpenApi => {
  const document = openApiDocument(ir, JSON.parse(optionsKey) as OpenApiOptions);
  let text: string | undefined;
  let parts: PartedText | undefined;
  const partsOf = () => (parts ??= printedParts(document));
  // A one-shot run prints natively: the part-by-part printer only pays off when parts are kept.
  return {
    document,
    text: () => (keepsEmitMemos() ? partsOf().text : (text ??= printedDocument(document))),
    file: (path) =>
      keepsEmitMemos()
        ? partedFile(path, partsOf())
        : { path, contents: (text ??= printedDocument(document)) },
  };
});

/** Creates the emitter of `openapi.json` at the root of the output folder ({@link sharedOpenApi}). */
export function createOpenApiEmitter(options: OpenApiOptions = {}): Emitter {
  return {
    name: 'openapi',
    emit(ir: Ir): OutputFile[] {
      return [sharedOpenApi(ir, options).file('openapi.json')];
    },
  };
}

/** The OpenAPI emitter with the default title, version and server. */
export const openApiEmitter: Emitter = createOpenApiEmitter();
