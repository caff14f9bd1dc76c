import { perIr } from './per-ir-memo.js';
import type { Ir } from '../ir/ir-schema.js';
import {
  docBlock,
  domainBanner,
  eventsOfDomain,
  specLabel,
  tsString,
  importSettingsOf,
  type CodeEmitterOptions,
} from './code-surface-helpers.js';
import { printGroup, printLiteral, printProperty } from './code-layout.js';
import { eventCatalogName, eventConstName, eventPayloadsTypeName } from './code-surface-names.js';
import type { Emitter } from './emitter.js';
import type { ImportCandidate } from './import-printer.js';
import { generatedNamespace, runtimeSpecifier } from './import-settings.js';
import { perDomainEmitter } from './per-domain-emitter.js';
import { ViewMemo } from './view-memo.js';

type EventSpecOf = ReturnType<typeof eventsOfDomain>[number];

/** Each event's definition view by its spec and const name (a function of those alone). */
const definitionViews = new ViewMemo<EventSpecOf, EventDefinitionView>();

/** One event definition const of the catalog. */
export interface EventDefinitionView {
  readonly docBlock: string;
  readonly constName: string;
  readonly keyLiteral: string;
  readonly versionLiteral: string;
  /** `description: "…",` or `` when the spec has none. */
  readonly descriptionProperty: string;
  readonly payloadSchema: string;
  readonly payloadType: string;
  readonly piiList: string;
}

/** One entry of `<Domain>EventPayloads`: a key and the union of its versions' payload types. */
export interface EventPayloadEntryView {
  readonly keyLiteral: string;
  readonly payloadType: string;
}

/** The view model of `templates/events/events.ts.hbs`. */
export interface EventsView {
  readonly banner: string;
  readonly events: readonly EventDefinitionView[];
  readonly catalogName: string;
  readonly catalogDocBlock: string;
  /** `export const harnessEvents: readonly EventDefinition[] = [A, B];`, laid out. */
  readonly catalogDeclaration: string;
  readonly payloadsType: string;
  readonly payloadsDocBlock: string;
  readonly payloads: readonly EventPayloadEntryView[];
}

/**
 * The event catalog view of one domain: a definition const per event (key, version,
 * description, payload schema, pii), the catalog array and the key -> payload type map. Several
 * versions of one key map to the union of their payload types.
 */
function buildEventsViewUncached(ir: Ir, domain: string): EventsView {
  const specs = eventsOfDomain(ir, domain);
  const events = specs.map((event) => {
    const constName = eventConstName(ir, event);
    return definitionViews.of(event, constName, () => definitionView(event, constName));
  });
  const names = events.map((event) => event.constName);
  const seen = new Set<string>();
  const clash = names.find((name) => seen.size === seen.add(name).size);
  if (clash) throw new Error(`two events of domain ${domain} map to the definition name ${clash}`);
  const byKey = new Map<string, string[]>();
  specs.forEach((event, index) => {
    const types = byKey.get(event.key) ?? [];
    const type = events[index]!.payloadType;
    if (!types.includes(type)) types.push(type);
    byKey.set(event.key, types);
  });
  return {
    banner: domainBanner(ir, domain, specs),
    events,
    catalogName: eventCatalogName(domain),
    catalogDocBlock: docBlock([`Every event of the ${domain} domain, by key then version.`]),
    catalogDeclaration: printGroup(
      0,
      `export const ${eventCatalogName(domain)}: readonly EventDefinition[] = `,
      '[',
      names,
      ']',
      ';',
    ),
    payloadsType: eventPayloadsTypeName(domain),
    payloadsDocBlock: docBlock([
      `Event key -> payload type of the ${domain} domain, for typed \`emit\` and event consumers.`,
    ]),
    payloads: [...byKey].map(([key, types]) => ({
      keyLiteral: tsString(key),
      payloadType: types.join(' | '),
    })),
  };
}

/** The definition const view of one event, given its const name. */
function definitionView(event: EventSpecOf, constName: string): EventDefinitionView {
  const pii = event.pii.length > 0 ? [`PII: ${event.pii.join(', ')}.`] : [];
  const description = event.meta.description ? [event.meta.description, ''] : [];
  return {
    docBlock: docBlock([
      ...description,
      `\`${specLabel(event)}\`, payload \`${event.payload}\`.`,
      ...pii,
    ]),
    constName,
    keyLiteral: tsString(event.key),
    versionLiteral: tsString(event.version),
    descriptionProperty: event.meta.description
      ? printProperty(1, 'description', event.meta.description).trimStart()
      : '',
    payloadSchema: `schemas.${event.payload}Schema`,
    payloadType: `types.${event.payload}`,
    piiList: printLiteral(event.pii, 1, '  pii: '.length, ','),
  };
}

/** {@link buildEventsViewUncached}, built once per IR and domain (the index emitter reads it too). */
export const buildEventsView = perIr(buildEventsViewUncached);

/** What an `events.ts` may import: the event definition type, its domain's schemas and types. */
function eventsImports(options: CodeEmitterOptions, domain: string): ImportCandidate[] {
  const settings = importSettingsOf(options);
  return [
    {
      name: 'EventDefinition',
      specifier: runtimeSpecifier(settings, 'events', domain),
      typeOnly: true,
    },
    generatedNamespace(settings, 'schemas', `${domain}/schemas`, domain, false),
    generatedNamespace(settings, 'types', `${domain}/types`, domain, true),
  ];
}

/** Creates the `events` emitter: `<domain>/events.ts` per domain. */
export function createEventsEmitter(options: CodeEmitterOptions = {}): Emitter {
  return perDomainEmitter(
    'events',
    'events.ts',
    'events/events.ts.hbs',
    (ir, domain) => buildEventsView(ir, domain),
    (_ir, domain) => eventsImports(options, domain),
  );
}

/** The `events` emitter with the default import settings (the runtime by package name, `.js`). */
export const eventsEmitter: Emitter = createEventsEmitter();
