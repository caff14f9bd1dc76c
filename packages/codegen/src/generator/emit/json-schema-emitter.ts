import { compareCodeUnits } from 'contracts-runtime/core';
import type { EnumDef, Field, Ir, Model } from '../ir/ir-schema.js';
import type { Emitter } from './emitter.js';
import { strictModelNames } from './model-graph.js';
import { domainsOf, modelsByName, reachableModels, specsOfDomain } from './naming.js';
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

const enumIndexes = new WeakMap<Ir, ReadonlyMap<string, EnumDef>>();

function enumsByName(ir: Ir): ReadonlyMap<string, EnumDef> {
  let index = enumIndexes.get(ir);
  if (!index) {
    index = new Map(ir.enums.map((def) => [def.name, def]));
    enumIndexes.set(ir, index);
  }
  return index;
}

function jsonFile(path: string, value: unknown): OutputFile {
  return { path, contents: JSON.stringify(value, null, 2) + '\n' };
}

/**
 * Emits `<domain>/json-schema/<key>.<input|output|payload>.schema.json` for every operation input
 * and output and event payload, and `<domain>/json-schema/index.json`
 * listing them. Scalars come from the shared scalar table; unknown keys follow the zod emitter's
 * rule, so each document accepts exactly what the model's zod schema accepts.
 */
export function createJsonSchemaEmitter(options: JsonSchemaOptions = {}): Emitter {
  return {
    name: 'json-schema',
    emit: (ir) => emitJsonSchemas(ir, options.idBase),
  };
}

/** Options of the JSON Schema surface: `idBase`, an absolute URI ending in `/`, prefixes `$id`. */
export interface JsonSchemaOptions {
  readonly idBase?: string;
}

/** The JSON Schema emitter with URN ids. */
export const jsonSchemaEmitter: Emitter = createJsonSchemaEmitter();

function emitJsonSchemas(ir: Ir, idBase: string | undefined): OutputFile[] {
  const strict = strictModelNames(ir);
  const files: OutputFile[] = [];
  for (const domain of domainsOf(ir)) {
    const entries = schemaEntries(ir, domain, idBase);
    for (const entry of entries) {
      files.push(jsonFile(`${domain}/json-schema/${entry.file}`, rootDocument(ir, entry, strict)));
    }
    if (entries.length > 0) {
      const schemas = entries.map(({ key, version, role, model, id, file }) => ({
        key,
        version,
        role,
        model,
        id,
        file,
      }));
      files.push(jsonFile(`${domain}/json-schema/index.json`, { domain, schemas }));
    }
  }
  return files;
}
