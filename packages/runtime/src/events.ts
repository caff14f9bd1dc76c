import type { z } from 'zod';
import { ContractError, describeIssues, validationIssues } from './errors.js';

/** A reference to an event (or operation) by key and semver version. */
export interface SpecKey {
  readonly key: string;
  readonly version: string;
}

/**
 * An event of the catalog, as the generated `events.ts` declares it: `payload` is the zod schema
 * of the payload model, `pii` names payload fields that never reach timelines or logs (the event
 * spec's top-level `pii`).
 */
export interface EventDefinition<P = unknown> extends SpecKey {
  readonly description?: string;
  readonly payload: z.ZodType<P>;
  readonly pii: readonly string[];
}

/**
 * An event a handler emitted, after its payload passed the schema: `operation` is the operation
 * whose handler emitted it, `emittedAt` an ISO 8601 UTC timestamp.
 */
export interface EmittedEvent extends SpecKey {
  readonly payload: unknown;
  readonly operation: SpecKey;
  readonly emittedAt: string;
}

/** Receives emitted events; the router awaits it before `ctx.emit` resolves. */
export type EventSink = (event: EmittedEvent) => void | Promise<void>;

/** What {@link createEmit} needs: the operation, the events it declares and where they go. */
export interface EmitScope {
  readonly operation: SpecKey;
  /** The declared events, by key (an operation declares at most one version of a key). */
  readonly declared: ReadonlyMap<string, EventDefinition>;
  readonly onEvent?: EventSink;
  readonly now: () => Date;
}

/**
 * The `emit(key, payload)` a handler receives. It refuses an event the operation does not declare
 * (UNDECLARED_EVENT, 500) and a payload that does not match the event's model (OUTPUT_INVALID, 500,
 * `details` = issues rooted at `payload`), then hands the event to `onEvent`.
 * @throws ContractError<'UNDECLARED_EVENT' | 'OUTPUT_INVALID'>
 */
export function createEmit(scope: EmitScope): (key: string, payload: unknown) => Promise<void> {
  const label = `${scope.operation.key}@${scope.operation.version}`;
  return async (key, payload) => {
    const definition = scope.declared.get(key);
    if (!definition) {
      throw new ContractError('UNDECLARED_EVENT', `${label} does not declare event ${String(key)}`);
    }
    const parsed = definition.payload.safeParse(payload, { reportInput: true });
    if (!parsed.success) {
      const issues = validationIssues('payload', parsed.error.issues);
      throw new ContractError(
        'OUTPUT_INVALID',
        `${label} emitted an invalid ${definition.key}@${definition.version} payload: ${describeIssues(issues)}`,
        { details: issues },
      );
    }
    const event: EmittedEvent = {
      key: definition.key,
      version: definition.version,
      payload: parsed.data,
      operation: { key: scope.operation.key, version: scope.operation.version },
      emittedAt: scope.now().toISOString(),
    };
    await scope.onEvent?.(event);
  };
}
