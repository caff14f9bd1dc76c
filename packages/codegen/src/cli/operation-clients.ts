import { unknownNameHint } from 'contracts-runtime/core';
import { createAgentClient } from 'contracts-runtime/domains/agent';
import { createHarnessClient } from 'contracts-runtime/domains/harness';
import { ContractError } from 'contracts-runtime/errors';
import type { Transport } from 'contracts-runtime/transport';

/** The generated client factory of each domain; a new domain adds one line here. */
const CLIENTS: Readonly<Record<string, (transport: Transport) => object>> = {
  agent: createAgentClient,
  harness: createHarnessClient,
};

/** One operation of a generated client: its input in, its output out. */
export type Method = (input: unknown) => Promise<unknown>;

/** Every operation key the generated clients offer, sorted: `agent.approvals`, …, `harness.target.resolve`. */
function operationKeys(): string[] {
  const keys: string[] = [];
  const walk = (node: unknown, prefix: string): void => {
    if (typeof node === 'function') keys.push(prefix);
    else if (typeof node === 'object' && node !== null) {
      for (const [name, child] of Object.entries(node)) walk(child, `${prefix}.${name}`);
    }
  };
  for (const [domain, factory] of Object.entries(CLIENTS)) {
    walk(factory({ call: async () => undefined }), domain);
  }
  return keys.sort();
}

/**
 * The method of `operationKey` on its domain's generated client: `harness.run.start` ->
 * `createHarnessClient(t).run.start`, `agent.run` -> `createAgentClient(t).run`.
 * @throws ContractError NOT_FOUND for an unknown domain or operation, naming the nearest key and
 *   listing every key.
 */
export function clientMethodOf(operationKey: string, transport: Transport): Method {
  const [domain = '', ...segments] = operationKey.split('.');
  const factory = Object.hasOwn(CLIENTS, domain) ? CLIENTS[domain] : undefined;
  let node: unknown = factory?.(transport);
  for (const segment of segments) {
    node =
      typeof node === 'object' && node !== null && Object.hasOwn(node, segment)
        ? (node as Record<string, unknown>)[segment]
        : undefined;
  }
  if (segments.length === 0 || typeof node !== 'function') {
    throw new ContractError(
      'NOT_FOUND',
      `unknown operation ${JSON.stringify(operationKey)}${unknownNameHint(operationKey, operationKeys(), 'operations')}`,
    );
  }
  return node as Method;
}
