import { z } from 'zod';
import { ContractError } from '../../packages/runtime/src/errors.js';
import type { EventDefinition } from '../../packages/runtime/src/events.js';
import {
  bindOperation,
  type HandlerContext,
  type OperationDefinition,
} from '../../packages/runtime/src/router.js';

/** Hand-written definitions the router tests share: a ping command, a status query, one event. */

export const PingInputSchema = z.strictObject({ target: z.string(), message: z.string().min(1) });
export const PingOutputSchema = z.object({ pingId: z.string() });
export const PingedPayloadSchema = z.object({ pingId: z.string(), at: z.string() });
export const StatusOutputSchema = z.object({ status: z.string() });

export const PingedEvent: EventDefinition<z.output<typeof PingedPayloadSchema>> = {
  key: 'demo.pinged',
  version: '1.0.0',
  payload: PingedPayloadSchema,
  pii: [],
};

export const PingDefinition: OperationDefinition<
  z.output<typeof PingInputSchema>,
  z.output<typeof PingOutputSchema>
> = {
  key: 'demo.ping',
  version: '1.0.0',
  kind: 'command',
  auth: 'user',
  pii: [],
  input: PingInputSchema,
  output: PingOutputSchema,
  errors: {
    PING_REFUSED: { http: 409, description: 'Refused.', when: 'The message is "refuse".' },
  },
  emits: [{ key: 'demo.pinged', version: '1.0.0' }],
};

export const StatusDefinition: OperationDefinition<null, z.output<typeof StatusOutputSchema>> = {
  key: 'demo.status',
  version: '1.0.0',
  kind: 'query',
  auth: 'anonymous',
  pii: [],
  input: null,
  output: StatusOutputSchema,
  errors: {},
  emits: [],
};

/** The ping events map, as a generated `<Op>Events` interface would declare it. */
export interface PingEvents {
  'demo.pinged': z.output<typeof PingedPayloadSchema>;
}

/** A ping handler whose behaviour follows the message, so each test picks its path. */
export async function pingHandler(
  input: z.output<typeof PingInputSchema>,
  ctx: HandlerContext<PingEvents>,
): Promise<z.output<typeof PingOutputSchema>> {
  const untyped = ctx.emit as (key: string, payload: unknown) => Promise<void>;
  switch (input.message) {
    case 'refuse':
      throw new ContractError('PING_REFUSED', 'The target refuses pings.');
    case 'refuse-plain':
      throw Object.assign(new Error('not a contract error'), { code: 'PING_REFUSED' });
    case 'missing':
      throw new ContractError('NOT_FOUND', `no target ${input.target}`);
    case 'teapot':
      throw new ContractError('TEAPOT', 'short and stout', { status: 418 });
    case 'crash':
      throw new TypeError('secret database password in this message');
    case 'undeclared-event':
      await untyped('demo.other', { pingId: 'p1' });
      break;
    case 'bad-payload':
      await untyped('demo.pinged', { pingId: 'p1' });
      break;
    case 'bad-output':
      return { pingId: 42 } as unknown as { pingId: string };
    default:
      await ctx.emit('demo.pinged', {
        pingId: `ping-${input.target}`,
        at: '2024-01-01T00:00:00.000Z',
      });
  }
  return { pingId: `ping-${input.target}`, extra: 'stripped' } as { pingId: string };
}

export const pingOperation = bindOperation(PingDefinition, pingHandler);
export const statusOperation = bindOperation(StatusDefinition, (input) => ({
  status: input === null ? 'up (no input)' : 'unexpected input',
}));

/** Pinned clock for `emittedAt`. */
export const FIXED_NOW = () => new Date('2024-05-06T07:08:09.000Z');
