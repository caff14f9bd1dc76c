import { compareCodeUnits } from 'contracts-runtime/core';
import type { EnumDef, Field, Ir, Model } from '../ir/ir-schema.js';
import { sameList } from '../ir/same-list.js';
import { keepsEmitMemos } from './emit-memo.js';
import type { Emitter } from './emitter.js';
import { modelSurfaceInputs, strictModelNames } from './model-graph.js';
import { domainsOf, enumsByName, modelsByName, reachableModels, specsOfDomain } from './naming.js';
import type { OutputFile } from './output-file.js';
import { SCALAR_WIRE_TYPES, type JsonSchema } from './scalar-wire-types.js';

/** `$schema` of every emitted document. */
export const JSON_SCHEMA_DIALECT = 'https://json-schema.org/draft/2020-12/schema';

/** Which model of a spec a document describes. */
export type SchemaRole = 'input' | 'output' | 'payload';

/** One emitted JSON Schema document, as listed in `<domain>/json-schema/index.json`. */
export interface SchemaEntry {
  readonly key: string;
  readonly version: string;
  readonly role: SchemaRole;
  readonly model: string;
  /**
   * The stable `$id`: `<idBase><domain>/<key>/<version>/<role>.schema.json` when an id base is
   * configured, else the URN `urn:contracts:schema:<domain>:<key>:<version>:<role>` (RFC 8141).
   */
  readonly id: string;
  /** File name inside `<domain>/json-schema/`. */
  readonly file: string;
}

/**
 * Every operation input (skipped when null), operation output and event payload of a domain, sorted
 * by file name. Files are `<key>.<role>.schema.json`; when one key has several versions in the IR
 * they become `<key>@<version>.<role>.schema.json` so no version overwrites another.
 */
export function schemaEntries(ir: Ir, domain: string, idBase?: string): SchemaEntry[] {
  const versionsOf = new Map<string, number>();
  for (const spec of ir.specs) versionsOf.set(spec.key, (versionsOf.get(spec.key) ?? 0) + 1);
  const entries: SchemaEntry[] = [];
  for (const spec of specsOfDomain(ir, domain)) {
    const roles: [SchemaRole, string][] = [];
    if (spec.kind === 'operation') {
      if (spec.io.input) roles.push(['input', spec.io.input]);
      roles.push(['output', spec.io.output]);
    } else if (spec.kind === 'event') {
      roles.push(['payload', spec.payload]);
    }
    const stem = versionsOf.get(spec.key)! > 1 ? `${spec.key}@${spec.version}` : spec.key;
    for (const [role, model] of roles) {
      entries.push({
        key: spec.key,
        version: spec.version,
        role,
        model,
        id:
          idBase === undefined
            ? `urn:contracts:schema:${domain}:${spec.key}:${spec.version}:${role}`
            : `${idBase}${domain}/${spec.key}/${spec.version}/${role}.schema.json`,
        file: `${stem}.${role}.schema.json`,
      });
    }
  }
  return entries.sort((a, b) => compareCodeUnits(a.file, b.file));
}

function fieldSchema(field: Field, enums: ReadonlyMap<string, EnumDef>, root: string): JsonSchema {
  let item: JsonSchema;
  if (field.type.type === 'scalar') {
    item = SCALAR_WIRE_TYPES[field.type.name].jsonSchema;
  } else if (field.type.type === 'enum') {
    item = { type: 'string', enum: [...(enums.get(field.type.name)?.values ?? [])] };
  } else {
    item = { $ref: field.type.name === root ? '#' : `#/$defs/${field.type.name}` };
  }
  return field.array ? { type: 'array', items: item } : item;
}

/**
 * The object schema of one model: `title`, `description` when present, `properties` in
 * declaration order, `required` (declaration order, omitted when empty) and
 * `additionalProperties: false` exactly when the model is strict ({@link strictModelNames}).
 */
export function modelObjectSchema(
  model: Model,
  strict: ReadonlySet<string>,
  enums: ReadonlyMap<string, EnumDef>,
  root: string,
): JsonSchema {
  const properties = Object.fromEntries(
    model.fields.map((field) => [field.name, fieldSchema(field, enums, root)]),
  );
  const required = model.fields.filter((field) => !field.optional).map((field) => field.name);
  return {
    title: model.name,
    ...(model.description ? { description: model.description } : {}),
    type: 'object',
    properties,
    ...(required.length > 0 ? { required } : {}),
    ...(strict.has(model.name) ? { additionalProperties: false } : {}),
  };
}

/**
 * One self-contained JSON Schema 2020-12 document for a root model: the root inlined, every other
 * model it reaches under `$defs` (sorted by name) referenced as `#/$defs/<Name>`, the root itself
 * referenced as `#` on a cycle.
 * @throws Error when the root model is not in the IR (the validator reports that first).
 */
export function rootDocument(ir: Ir, entry: SchemaEntry, strict: ReadonlySet<string>): JsonSchema {
  const models = modelsByName(ir);
  const enums = enumsByName(ir);
  const root = models.get(entry.model);
  if (!root) throw new Error(`${entry.key} ${entry.role}: unknown schema model ${entry.model}`);
  const nested = reachableModels(ir, [entry.model]).filter((name) => name !== entry.model);
  const defs: Record<string, JsonSchema> = {};
  for (const name of nested)
    defs[name] = modelObjectSchema(models.get(name)!, strict, enums, entry.model);
  return {
    $schema: JSON_SCHEMA_DIALECT,
    $id: entry.id,
    ...modelObjectSchema(root, strict, enums, entry.model),
    ...(nested.length > 0 ? { $defs: defs } : {}),
  };
}

/**
 * What a schema of the models `roots` reaches reads of the IR: every model reached through nested
 * model fields (undefined for a name the IR lacks) and every enum their fields name (likewise), in
 * the order of one deterministic walk, and whether each model reached is strict. Two results with
 * the same parts (by identity) and the same flags give the same schemas, and a watch session keeps
 * unchanged models and enums as the same objects, so documents are memoized on it.
 */
export interface SchemaInputs {
  readonly parts: readonly (Model | EnumDef | undefined)[];
  /** `1` (strict) or `0` per model reached, in walk order. */
  readonly strict: string;
}

/** The {@link SchemaInputs} of the models `roots` in `ir`, with `strict` the strict model names. */
export function schemaInputsOf(
  ir: Ir,
  roots: readonly string[],
  strict: ReadonlySet<string>,
): SchemaInputs {
  const models = modelsByName(ir);
  const enums = enumsByName(ir);
  const parts: (Model | EnumDef | undefined)[] = [];
  let flags = '';
  const seen = new Set<string>();
  const stack = [...roots];
  while (stack.length > 0) {
    const name = stack.pop()!;
    if (seen.has(name)) continue;
    seen.add(name);
    const model = models.get(name);
    parts.push(model);
    if (!model) continue;
    flags += strict.has(name) ? '1' : '0';
    for (const field of model.fields) {
      if (field.type.type === 'model') stack.push(field.type.name);
      else if (field.type.type === 'enum') parts.push(enums.get(field.type.name));
    }
  }
  return { parts, strict: flags };
}

/** True when `a` and `b` hold the same parts (by identity) and strict flags. */
export function sameSchemaInputs(a: SchemaInputs, b: SchemaInputs): boolean {
  return a.strict === b.strict && sameList(a.parts, b.parts);
}

function jsonFile(path: string, value: unknown): OutputFile {
  return { path, contents: JSON.stringify(value, null, 2) + '\n' };
}

/**
 * Emits `<domain>/json-schema/<key>.<input|output|payload>.schema.json` for every operation input
 * and output and event payload, and `<domain>/json-schema/index.json`
 * listing them. Scalars come from the shared scalar table; unknown keys follow the zod emitter's
 * rule, so each document accepts exactly what the model's zod schema accepts. In a watch session
 * (emit-memo.ts) a document whose entry and {@link SchemaInputs} are those of the last emit, and
 * an index whose entries are, is the last emit's file object: not printed again, and compared by
 * identity downstream.
 */
export function createJsonSchemaEmitter(options: JsonSchemaOptions = {}): Emitter {
  let last: LastEmit | undefined;
  return {
    name: 'json-schema',
    inputsOf: modelSurfaceInputs,
    emit: (ir) => {
      if (!keepsEmitMemos()) return emitJsonSchemas(ir, options.idBase, undefined);
      const memo = memoAfter(last, ir);
      const files = emitJsonSchemas(ir, options.idBase, memo);
      last = { files: memo.next, models: ir.models, enums: ir.enums, strict: memo.strict };
      return files;
    },
  };
}

/** Options of the JSON Schema surface: `idBase`, an absolute URI ending in `/`, prefixes `$id`. */
export interface JsonSchemaOptions {
  readonly idBase?: string;
}

/** The JSON Schema emitter with URN ids. */
export const jsonSchemaEmitter: Emitter = createJsonSchemaEmitter();

/** A file of the last emit, with what it was printed from: its entry's text and IR parts. */
interface KnownFile {
  readonly key: string;
  readonly inputs: readonly unknown[];
  readonly file: OutputFile;
}

/** What an emit in watch mode keeps for the next one. */
interface LastEmit {
  readonly files: ReadonlyMap<string, KnownFile>;
  readonly models: Ir['models'];
  readonly enums: Ir['enums'];
  readonly strict: ReadonlySet<string>;
}

/** The files of the last emit, and the {@link KnownFile}s of this one as they are found. */
interface EmitFiles {
  readonly known: ReadonlyMap<string, KnownFile>;
  readonly next: Map<string, KnownFile>;
  readonly strict: ReadonlySet<string>;
  /**
   * True when the IR's models, enums and strict set are the last emit's: every schema's inputs
   * are then what they were, and are not walked again.
   */
  readonly stable: boolean;
}

function memoAfter(last: LastEmit | undefined, ir: Ir): EmitFiles {
  const strict = strictModelNames(ir);
  const stable =
    last !== undefined &&
    sameList(last.models, ir.models) &&
    sameList(last.enums, ir.enums) &&
    last.strict.size === strict.size &&
    [...strict].every((name) => last.strict.has(name));
  return { known: last?.files ?? new Map(), next: new Map(), strict, stable };
}

/**
 * The file at `path` printing `value()`, or, in watch mode (`memo`), the last emit's file at
 * `path` when it was printed from the same `key` and the same `inputs()` (compared item by item:
 * strings by text, IR parts by identity). Inputs that are read from the models (`fromModels`) are
 * not read again when the models are the last emit's ({@link EmitFiles.stable}).
 */
function fileOf(
  path: string,
  key: string,
  inputs: { read(): readonly unknown[]; fromModels: boolean },
  value: () => unknown,
  memo: EmitFiles | undefined,
): OutputFile {
  if (!memo) return jsonFile(path, value());
  const last = memo.known.get(path);
  let known: KnownFile;
  if (last && last.key === key && inputs.fromModels && memo.stable) {
    known = last;
  } else {
    const items = inputs.read();
    const same = last !== undefined && last.key === key && sameList(last.inputs, items);
    known = same ? last : { key, inputs: items, file: jsonFile(path, value()) };
  }
  memo.next.set(path, known);
  return known.file;
}

function emitJsonSchemas(ir: Ir, idBase: string | undefined, memo?: EmitFiles): OutputFile[] {
  const strict = memo?.strict ?? strictModelNames(ir);
  const files: OutputFile[] = [];
  for (const domain of domainsOf(ir)) {
    const entries = schemaEntries(ir, domain, idBase);
    for (const entry of entries) {
      const inputs = {
        read: () => {
          const read = schemaInputsOf(ir, [entry.model], strict);
          return [read.strict, ...read.parts];
        },
        fromModels: true,
      };
      const document = () => rootDocument(ir, entry, strict);
      const path = `${domain}/json-schema/${entry.file}`;
      files.push(fileOf(path, `${entry.id} ${entry.model}`, inputs, document, memo));
    }
    if (entries.length > 0) {
      const rows = entries.map(({ key, version, role, model, id, file }) => ({
        key,
        version,
        role,
        model,
        id,
        file,
      }));
      const inputs = {
        read: () => {
          const fields: string[] = [];
          for (const { key, version, role, model, id, file } of rows) {
            fields.push(key, version, role, model, id, file);
          }
          return fields;
        },
        fromModels: false,
      };
      const index = () => ({ domain, schemas: rows });
      files.push(fileOf(`${domain}/json-schema/index.json`, '', inputs, index, memo));
    }
  }
  return files;
}
