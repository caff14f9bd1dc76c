import type { EventSpec, Ir, OperationSpec } from '../ir/ir-schema.js';
import { camelCase, pascalCase } from './naming.js';
import { operationsOfDomain, specLabel, versionSuffix } from './code-surface-helpers.js';
import { perIr } from './per-ir-memo.js';
import { ViewMemo } from './view-memo.js';

/**
 * The identifiers the code surfaces give operations and events. Rules: client
 * members are the key segments after the domain (`harness.run.start` -> `client.run.start`,
 * `agent.run` -> `client.run`), handler names the camelCase of the same segments (`runStart`),
 * type names the PascalCase of the whole key (`HarnessRunStart`). An older version of a key gets a
 * `V1_0_0` suffix on each, so every version has its own member.
 */
export interface OperationNames {
  readonly spec: OperationSpec;
  /** `harness.run.start@1.0.0`. */
  readonly label: string;
  /** `HarnessRunStart`: prefix of the error-code, events and context type names. */
  readonly typeBase: string;
  /** `runStart`: the member of `<Domain>Handlers`. */
  readonly handlerName: string;
  /** `['run', 'start']`: the member path on the client. */
  readonly clientPath: readonly string[];
  /** True for an older version of a key (its names carry the version suffix). */
  readonly older: boolean;
}

/** One node of the client's member tree: a method (`operation`) or a group of members. */
export interface ClientNode {
  readonly name: string;
  readonly operation?: OperationNames;
  readonly children: ClientNode[];
}

const IDENTIFIER = /^[A-Za-z_$][A-Za-z0-9_$]*$/;

function memberSegments(spec: OperationSpec, domain: string): string[] {
  const rest = spec.key.startsWith(`${domain}.`) ? spec.key.slice(domain.length + 1) : spec.key;
  const segments = rest.split('.').map(camelCase);
  for (const segment of segments) {
    if (!IDENTIFIER.test(segment) || segment === '__proto__') {
      throw new Error(
        `operation ${specLabel(spec)} has key segment "${segment}", which is not a usable member name`,
      );
    }
  }
  return segments;
}

function assertUnique(
  names: readonly OperationNames[],
  pick: (names: OperationNames) => string,
  what: string,
): void {
  const seen = new Map<string, string>();
  for (const entry of names) {
    const name = pick(entry);
    const other = seen.get(name);
    if (other)
      throw new Error(`operations ${other} and ${entry.label} both map to the ${what} ${name}`);
    seen.set(name, entry.label);
  }
}

/**
 * The names of every operation of `domain`, in key then version order; once per IR and domain
 * (the client and handlers emitters both read them).
 * @throws Error when a key segment is not an identifier, or two operations would get the same
 *   handler or type name, or collide on the client (see {@link clientTree}).
 */
export const operationNamesOf = perIr(namesOfDomain);

function namesOfDomain(ir: Ir, domain: string): readonly OperationNames[] {
  const names = operationsOfDomain(ir, domain).map((spec) => {
    const suffix = versionSuffix(spec, ir);
    return namesMemo.of(spec, `${domain} ${suffix}`, () => namesOf(spec, domain, suffix));
  });
  assertUnique(names, (entry) => entry.handlerName, 'handler');
  assertUnique(names, (entry) => entry.typeBase, 'type name prefix');
  clientTree(names);
  return names;
}

/** Each operation's names by spec, domain and version suffix, one object while they hold. */
const namesMemo = new ViewMemo<OperationSpec, OperationNames>();

function namesOf(spec: OperationSpec, domain: string, suffix: string): OperationNames {
  const segments = memberSegments(spec, domain);
  const last = segments.length - 1;
  return {
    spec,
    label: specLabel(spec),
    typeBase: pascalCase(spec.key) + suffix,
    handlerName:
      segments.map((segment, index) => (index === 0 ? segment : pascalCase(segment))).join('') +
      suffix,
    clientPath: segments.map((segment, index) => (index === last ? segment + suffix : segment)),
    older: suffix !== '',
  };
}

/**
 * The client's member tree, members in first-use order (that is, key order).
 * @throws Error naming both operations when one's member is another's group (`x.run` and
 *   `x.run.start`) or two operations need the same member.
 */
export function clientTree(names: readonly OperationNames[]): ClientNode[] {
  const roots: ClientNode[] = [];
  const owners = new Map<ClientNode, string>();
  // Each level's nodes by name, beside the level's array (a member tree of 1,000 operations
  // searched its levels linearly in quadratic time).
  const byName = new Map<ClientNode[], Map<string, ClientNode>>();
  for (const entry of names) {
    let level = roots;
    entry.clientPath.forEach((segment, index) => {
      const isLast = index === entry.clientPath.length - 1;
      let named = byName.get(level);
      if (!named) {
        named = new Map();
        byName.set(level, named);
      }
      let node = named.get(segment);
      if (node && (isLast || node.operation)) {
        const other = owners.get(node) ?? 'another operation';
        const member = `client.${entry.clientPath.slice(0, index + 1).join('.')}`;
        throw new Error(`client members collide: ${other} and ${entry.label} both need ${member}`);
      }
      if (!node) {
        node = isLast
          ? { name: segment, operation: entry, children: [] }
          : { name: segment, children: [] };
        owners.set(node, entry.label);
        level.push(node);
        named.set(segment, node);
      }
      level = node.children;
    });
  }
  return roots;
}

/** `HarnessRunStartedEvent` (+ `V1_0_0` for an older version): the event's definition const. */
export function eventConstName(ir: Ir, event: EventSpec): string {
  let base = eventBaseNames.get(event);
  if (base === undefined) {
    base = `${pascalCase(event.key)}Event`;
    eventBaseNames.set(event, base);
  }
  return base + versionSuffix(event, ir);
}

/** `HarnessRunStartedEvent` by event object: every operation that emits an event asks for it. */
const eventBaseNames = new WeakMap<EventSpec, string>();

/** `HarnessEventPayloads`: the domain's event key -> payload type map. */
export function eventPayloadsTypeName(domain: string): string {
  return `${pascalCase(domain)}EventPayloads`;
}

/** `harnessEvents`: the domain's event catalog array. */
export function eventCatalogName(domain: string): string {
  return `${camelCase(domain)}Events`;
}
