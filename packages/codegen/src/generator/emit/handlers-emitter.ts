import { perIr } from './per-ir-memo.js';
import { errorHttpStatus } from './error-status.js';
import { compareCodeUnits, compareSemver } from 'contracts-runtime/core';
import type { Ir } from '../ir/ir-schema.js';
import {
  docBlock,
  domainBanner,
  findEvent,
  importSettingsOf,
  tsString,
  type CodeEmitterOptions,
} from './code-surface-helpers.js';
import { indentLines, printGroup, printProperty } from './code-layout.js';
import { eventConstName, operationNamesOf, type OperationNames } from './code-surface-names.js';
import type { Emitter } from './emitter.js';
import { camelCase, domainOf, domainsOf, pascalCase } from './naming.js';
import type { ImportCandidate } from './import-printer.js';
import { generatedNamespace, runtimeSpecifier } from './import-settings.js';
import { perDomainEmitter } from './per-domain-emitter.js';
import { ViewMemo } from './view-memo.js';

/** An event an operation declares: its key literal, payload type text and definition const. */
export interface HandlerEventView {
  readonly key: string;
  readonly keyLiteral: string;
  readonly versionLiteral: string;
  readonly versionValue: string;
  readonly payloadType: string;
  /** `events.HarnessRunStartedEvent`. */
  readonly definition: string;
}

/** One operation in `handlers.ts`. */
export interface HandlerOperationView {
  readonly docBlock: string;
  readonly handlerName: string;
  readonly inputType: string;
  readonly outputType: string;
  readonly hasEvents: boolean;
  readonly eventsType: string;
  readonly eventsDocBlock: string;
  readonly contextType: string;
  readonly contextDocBlock: string;
  readonly events: readonly HandlerEventView[];
  readonly keyLiteral: string;
  readonly versionLiteral: string;
  readonly kindLiteral: string;
  readonly authLiteral: string;
  readonly inputSchema: string;
  readonly outputSchema: string;
  /** The interface member `readonly name: (input, ctx) => …;`, laid out at indent 1. */
  readonly signature: string;
  /** `bindOperation<In, Out, Events>(`, laid out at indent 3. */
  readonly bindHead: string;
  /** `pii: […],` laid out at indent 5. */
  readonly piiProperty: string;
  /** One `CODE: { http, description, when },` line group per declared error, at indent 6. */
  readonly errors: readonly string[];
  /** `emits: […],` laid out at indent 5. */
  readonly emitsProperty: string;
}

/** The view model of `templates/handlers/handlers.ts.hbs`. */
export interface HandlersView {
  readonly banner: string;
  readonly operations: readonly HandlerOperationView[];
  readonly handlersType: string;
  readonly handlersDocBlock: string;
  readonly createName: string;
  readonly createDocBlock: string;
  /** `events: [events.HarnessRunStartedEvent, …],`: every event some operation emits, at indent 2. */
  readonly eventsProperty: string;
}

/** `events` / `types` for the own domain's modules, `agentEvents` / `agentTypes` for another's. */
function moduleAlias(module: 'events' | 'types', domain: string, own: string): string {
  return domain === own ? module : `${camelCase(domain)}${pascalCase(module)}`;
}

const operationMemo = new ViewMemo<OperationNames, HandlerOperationView>();

/**
 * {@link operationViewOf}, the same object while the operation's names, domain and the events it
 * emits (each one's key, version, payload, domain and const name) are.
 */
function operationView(ir: Ir, domain: string, names: OperationNames): HandlerOperationView {
  const emitted = names.spec.emits.map((ref) => {
    const event = findEvent(ir, ref, names.spec);
    return `${event.key}@${event.version} ${event.payload} ${domainOf(event)} ${eventConstName(ir, event)}`;
  });
  return operationMemo.of(names, `${domain}\n${emitted.join('\n')}`, () =>
    operationViewOf(ir, domain, names),
  );
}

function operationViewOf(ir: Ir, domain: string, names: OperationNames): HandlerOperationView {
  const { spec } = names;
  const events = [...spec.emits]
    .sort((a, b) => compareCodeUnits(a.key, b.key) || compareSemver(a.version, b.version))
    .map((ref): HandlerEventView => {
      const event = findEvent(ir, ref, spec);
      const eventDomain = domainOf(event);
      return {
        key: event.key,
        keyLiteral: tsString(event.key),
        versionLiteral: tsString(event.version),
        versionValue: event.version,
        payloadType: `${moduleAlias('types', eventDomain, domain)}.${event.payload}`,
        definition: `${moduleAlias('events', eventDomain, domain)}.${eventConstName(ir, event)}`,
      };
    });
  const duplicate = events.find((event, index) => events[index - 1]?.key === event.key);
  if (duplicate) throw new Error(`${names.label} emits two versions of event ${duplicate.key}`);
  const inputType = spec.io.input ? `types.${spec.io.input}` : 'null';
  const outputType = `types.${spec.io.output}`;
  const description = spec.meta.description ? [spec.meta.description, ''] : [];
  const eventsType = `${names.typeBase}Events`;
  const contextType = `${names.typeBase}Context`;
  const typeArguments = [inputType, outputType, ...(events.length > 0 ? [eventsType] : [])];
  return {
    docBlock: indentLines(
      docBlock([...description, `Handles \`${names.label}\` (${spec.operationKind}).`]),
      1,
    ),
    handlerName: names.handlerName,
    inputType,
    outputType,
    hasEvents: events.length > 0,
    eventsType,
    eventsDocBlock: docBlock([`The events \`${names.label}\` declares, by key -> payload type.`]),
    contextType,
    contextDocBlock: docBlock([
      `What the \`${names.label}\` handler gets next to its input: the actor and an \`emit\` that`,
      events.length > 0
        ? 'accepts only the declared events.'
        : 'accepts no event (none is declared).',
    ]),
    events,
    keyLiteral: tsString(spec.key),
    versionLiteral: tsString(spec.version),
    kindLiteral: tsString(spec.operationKind),
    // A missing auth is a validator error; `user` is the safe reading if one slips through.
    authLiteral: tsString(spec.policy.auth ?? 'user'),
    inputSchema: spec.io.input ? `schemas.${spec.io.input}Schema` : 'null',
    outputSchema: `schemas.${spec.io.output}Schema`,
    signature: printGroup(
      1,
      `readonly ${names.handlerName}: `,
      '(',
      [`input: ${inputType}`, `ctx: ${contextType}`],
      ')',
      ` => Promise<${outputType}> | ${outputType};`,
    ),
    bindHead: printGroup(3, 'bindOperation', '<', typeArguments, '>', '(', '<', '>', ''),
    piiProperty: printProperty(5, 'pii', [...spec.policy.pii]),
    errors: spec.io.errors.map((error) =>
      printProperty(6, error.code, {
        http: errorHttpStatus(error),
        description: error.description,
        when: error.when ?? '',
      }),
    ),
    emitsProperty: printProperty(
      5,
      'emits',
      events.map((event) => ({ key: event.key, version: event.versionValue })),
    ),
  };
}

/**
 * The handlers view of one domain: per-operation events map and context types, the handlers
 * interface, and the router factory wiring schemas and event definitions.
 * @throws Error on name collisions, an emitted event that is not in the IR, or an operation that
 *   emits two versions of one event key (`emit` takes a key only).
 */
function buildHandlersViewUncached(ir: Ir, domain: string): HandlersView {
  const names = operationNamesOf(ir, domain);
  const operations = names.map((entry) => operationView(ir, domain, entry));
  const definitions = new Set(
    operations.flatMap((operation) => operation.events.map((event) => event.definition)),
  );
  const pascal = pascalCase(domain);
  return {
    banner: domainBanner(ir, domain, [
      ...names.map((entry) => entry.spec),
      ...names.flatMap((entry) => entry.spec.emits.map((ref) => findEvent(ir, ref, entry.spec))),
    ]),
    operations,
    handlersType: `${pascal}Handlers`,
    handlersDocBlock: docBlock([
      `The implementation of every ${domain} operation: one function per operation, named after the`,
      'key segments after the domain. A function may return its output or a promise of it, and',
      'throws `ContractError` with a declared code for a declared error.',
    ]),
    createName: `create${pascal}Router`,
    createDocBlock: docBlock([
      `A router serving every ${domain} operation with \`handlers\`: it checks auth, validates input,`,
      'output and emitted events against the zod schemas, and maps errors (runtime/router.ts).',
    ]),
    eventsProperty: printGroup(
      2,
      'events: ',
      '[',
      [...definitions].sort(compareCodeUnits),
      ']',
      ',',
    ),
  };
}

/** {@link buildHandlersViewUncached}, built once per IR and domain (the index emitter reads it too). */
export const buildHandlersView = perIr(buildHandlersViewUncached);

/**
 * What a `handlers.ts` may import: the router, its domain's schemas, types and events, and the
 * events and types modules of every domain whose events its operations emit (`agentEvents` from
 * `../agent/events.js`).
 */
function handlersImports(ir: Ir, options: CodeEmitterOptions, domain: string): ImportCandidate[] {
  const settings = importSettingsOf(options);
  const router = runtimeSpecifier(settings, 'router', domain);
  const candidates: ImportCandidate[] = [
    { name: 'bindOperation', specifier: router, typeOnly: false },
    { name: 'HandlerContext', specifier: router, typeOnly: true },
    { name: 'Router', specifier: router, typeOnly: false },
    generatedNamespace(settings, 'schemas', `${domain}/schemas`, domain, false),
  ];
  for (const eventDomain of domainsOf(ir)) {
    for (const module of ['events', 'types'] as const) {
      candidates.push(
        generatedNamespace(
          settings,
          moduleAlias(module, eventDomain, domain),
          `${eventDomain}/${module}`,
          domain,
          module === 'types',
        ),
      );
    }
  }
  return candidates;
}

/** Creates the `handlers` emitter: `<domain>/handlers.ts` per domain. */
export function createHandlersEmitter(options: CodeEmitterOptions = {}): Emitter {
  return perDomainEmitter(
    'handlers',
    'handlers.ts',
    'handlers/handlers.ts.hbs',
    (ir, domain) => buildHandlersView(ir, domain),
    (ir, domain) => handlersImports(ir, options, domain),
  );
}

/** The `handlers` emitter with the default import settings (the runtime by package name, `.js`). */
export const handlersEmitter: Emitter = createHandlersEmitter();
