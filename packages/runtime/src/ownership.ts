import type { Actor } from './actor.js';

/**
 * Whether `actor` may see, read or cancel something that `owner` started: an `admin` sees
 * everything; anyone else only what an actor with the same id started (two local callers without
 * an id are the same host user). A record without an owner (written before records kept one) is
 * treated as started by a caller without an id.
 */
export function canActorSee(actor: Actor, owner: Actor | undefined): boolean {
  if (actor.kind === 'admin') return true;
  return (owner?.id ?? undefined) === (actor.id ?? undefined);
}

/** The owner to record for `actor`: its kind and id, nothing else. */
export function ownerOf(actor: Actor): Actor {
  return { kind: actor.kind, ...(actor.id === undefined ? {} : { id: actor.id }) };
}
