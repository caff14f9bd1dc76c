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

/**
 * The top-level names the code surfaces of `domain` export, each followed by the file exporting
 * it, as one flat list: `[name, file, name, file, ...]`.
 */
function codeSurfaceExports(ir: Ir, domain: string): string[] {
  const client = buildClientView(ir, domain);
  const handlers = buildHandlersView(ir, domain);
  const events = buildEventsView(ir, domain);
  const registry = buildRegistryView(ir, domain);
  const exports: string[] = [];
  const add = (file: string, name: string) => exports.push(name, file);
  for (const set of client.errorSets) {
    add('client.ts', set.constName);
    add('client.ts', set.typeName);
    add('client.ts', set.guardName);
  }
  add('client.ts', client.clientType);
  add('client.ts', client.createName);
  for (const operation of handlers.operations) {
    if (operation.hasEvents) add('handlers.ts', operation.eventsType);
    add('handlers.ts', operation.contextType);
  }
  add('handlers.ts', handlers.handlersType);
  add('handlers.ts', handlers.createName);
  for (const event of events.events) add('events.ts', event.constName);
  add('events.ts', events.catalogName);
  add('events.ts', events.payloadsType);
  for (const name of [registry.recordType, registry.registryName, 'getSpec'])
    add('registry.ts', name);
  return exports;
}

/**
 * Throws when two of `exports` ({@link codeSurfaceExports}) share a name, or one has a name of
 * `modelOwners`; a watch session checks the same names against the same map once.
 */
function checkExports(
  domain: string,
  exports: readonly string[],
  modelOwners: ReadonlyMap<string, string>,
): void {
  checkedExports.of([modelOwners, BETWEEN_LISTS, ...exports], () => {
    const owners = new Map<string, string>();
    for (let at = 0; at < exports.length; at += 2) {
      const name = exports[at]!;
      const file = exports[at + 1]!;
      const other = owners.get(name) ?? modelOwners.get(name);
      if (other)
        throw new Error(`${domain}/${file} and ${domain}/${other} would both export ${name}`);
      owners.set(name, file);
    }
    return true;
  });
}

const checkedExports = new RecentResults<true>(16);

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
  checkExports(domain, codeSurfaceExports(ir, domain), modelExportOwners(ir));
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
