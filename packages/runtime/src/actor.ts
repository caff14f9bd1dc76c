import { ContractError } from './errors.js';

/** Who calls an operation; the same three levels as a spec's `policy.auth`. */
export type ActorKind = 'anonymous' | 'user' | 'admin';

/** The caller of an operation: its level and, for signed-in actors, an id. */
export interface Actor {
  readonly kind: ActorKind;
  readonly id?: string;
}

const RANK: Readonly<Record<ActorKind, number>> = { anonymous: 0, user: 1, admin: 2 };

/**
 * True when `actor` may call an operation whose `policy.auth` is `required`. Levels nest: admin ⊇
 * user ⊇ anonymous. A missing actor counts as anonymous.
 */
export function satisfiesAuth(actor: Actor | undefined, required: ActorKind): boolean {
  return RANK[actor?.kind ?? 'anonymous'] >= RANK[required];
}

/**
 * Throws unless `actor` satisfies `required`: UNAUTHORIZED (401) when the caller is missing or
 * anonymous, FORBIDDEN (403) when it is signed in below the level. `operation` (e.g.
 * `harness.run.start@1.0.0`) only feeds the message.
 * @throws ContractError<'UNAUTHORIZED' | 'FORBIDDEN'>
 */
export function authorize(actor: Actor | undefined, required: ActorKind, operation: string): void {
  if (satisfiesAuth(actor, required)) return;
  const kind = actor?.kind ?? 'anonymous';
  if (kind === 'anonymous') {
    throw new ContractError('UNAUTHORIZED', `${operation} needs a signed-in ${required} actor`);
  }
  throw new ContractError(
    'FORBIDDEN',
    `${operation} needs an ${required} actor; the caller is a ${kind}`,
  );
}
