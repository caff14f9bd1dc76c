import { compareCodeUnits } from 'contracts-runtime/core';
import type { Ir } from '../ir/ir-schema.js';
import { buildClientView } from './client-emitter.js';
import { domainBanner, importSettingsOf, type CodeEmitterOptions } from './code-surface-helpers.js';
import { BETWEEN_LISTS } from './emit-memo.js';
import type { Emitter } from './emitter.js';
import { buildEventsView } from './events-emitter.js';
import { buildHandlersView } from './handlers-emitter.js';
import { buildRegistryView } from './registry-emitter.js';
import { generatedSpecifier } from './import-settings.js';
import { perDomainEmitter } from './per-domain-emitter.js';
import { RecentResults } from './recent-results.js';

/** The view model of `templates/registry/index.ts.hbs`: the modules the barrel re-exports. */
export interface DomainIndexView {
  readonly banner: string;
  readonly modules: readonly string[];
}

/** Every module of a domain; the data emitters (types, zod) write theirs even when empty. */
const DOMAIN_MODULES = ['client', 'events', 'handlers', 'registry', 'schemas', 'types'];

/** The top-level names the code surfaces of `domain` export, with the file exporting each. */
function codeSurfaceExports(ir: Ir, domain: string): [string, string][] {
  const client = buildClientView(ir, domain);
  const handlers = buildHandlersView(ir, domain);
  const events = buildEventsView(ir, domain);
  const registry = buildRegistryView(ir, domain);
  return [
    ...client.errorSets.flatMap((set) => [set.constName, set.typeName, set.guardName]),
    client.clientType,
    client.createName,
  ]
    .map((name): [string, string] => [name, 'client.ts'])
    .concat(
      [
        ...handlers.operations.flatMap((operation) =>
          operation.hasEvents
            ? [operation.eventsType, operation.contextType]
            : [operation.contextType],
        ),
        handlers.handlersType,
        handlers.createName,
      ].map((name) => [name, 'handlers.ts']),
      [
        ...events.events.map((event) => event.constName),
        events.catalogName,
        events.payloadsType,
      ].map((name) => [name, 'events.ts']),
      [registry.recordType, registry.registryName, 'getSpec'].map((name) => [name, 'registry.ts']),
    );
}

const recentModelOwners = new RecentResults<ReadonlyMap<string, string>>(4);

/**
 * The file exporting each name the data surfaces export: a model or enum name (types.ts) and its
 * `<Name>Schema` (schemas.ts); the same map while the IR's models and enums are the same objects.
 */
function modelExportOwners(ir: Ir): ReadonlyMap<string, string> {
  return recentModelOwners.of([...ir.models, BETWEEN_LISTS, ...ir.enums], () => {
    const owners = new Map<string, string>();
    for (const { name } of [...ir.models, ...ir.enums]) {
      owners.set(name, 'types.ts');
      owners.set(`${name}Schema`, 'schemas.ts');
    }
    return owners;
  });
}

/**
 * The barrel view of one domain. `export *` of two modules exporting one name is a TypeScript
 * error, so this checks the code surfaces' names against each other and against the schema model
 * and enum names (types.ts) and their `<Name>Schema` names (schemas.ts).
 * @throws Error naming the clashing name and both files.
 */
export function buildDomainIndexView(
  ir: Ir,
  domain: string,
  options: CodeEmitterOptions = {},
  modules: readonly string[] = DOMAIN_MODULES,
): DomainIndexView {
  const modelOwners = modelExportOwners(ir);
  const owners = new Map<string, string>();
  for (const [name, file] of codeSurfaceExports(ir, domain)) {
    const other = owners.get(name) ?? modelOwners.get(name);
    if (other)
      throw new Error(`${domain}/${file} and ${domain}/${other} would both export ${name}`);
    owners.set(name, file);
  }
  return {
    banner: domainBanner(ir, domain),
    modules: [...modules]
      .sort(compareCodeUnits)
      .map((module) =>
        generatedSpecifier(importSettingsOf(options), `${domain}/${module}`, domain),
      ),
  };
}

/**
 * Creates the `index` emitter: `<domain>/index.ts`, the barrel re-exporting `modules` (default:
 * every TypeScript surface of the domain).
 */
export function createDomainIndexEmitter(
  options: CodeEmitterOptions = {},
  modules: readonly string[] = DOMAIN_MODULES,
): Emitter {
  return perDomainEmitter('index', 'index.ts', 'registry/index.ts.hbs', (ir, domain) =>
    buildDomainIndexView(ir, domain, options, modules),
  );
}

/** The `index` emitter with the default import settings. */
export const domainIndexEmitter: Emitter = createDomainIndexEmitter();
