import crypto from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { Actor, ActorKind } from '../actor.js';
import { ContractError } from '../errors.js';
import { InvalidTokenError } from './bearer-challenge.js';

/**
 * Bearer tokens -> actors. Tokens are kept only as SHA-256 digests, so a lookup compares digests
 * and the table never holds a token in the clear.
 */
export interface TokenTable {
  /** The actor of `token`, or undefined for an unknown token. */
  actorOf(token: string): Actor | undefined;
  /** How many tokens the table maps. */
  readonly size: number;
}

const KINDS: readonly ActorKind[] = ['admin', 'user'];

/**
 * SHA-256 of the token's UTF-8 bytes, in hex. One-shot `crypto.hash` (Node >= 20.12) costs a
 * quarter of `createHash` per request; older Node 20 falls back.
 */
const digest: (token: string) => string =
  typeof crypto.hash === 'function'
    ? (token) => crypto.hash('sha256', token, 'hex')
    : (token) => crypto.createHash('sha256').update(token, 'utf8').digest('hex');

/**
 * Parses `admin:<token>,user:<token>`: entries separated by commas
 * or newlines, each `<admin|user>:<token>`; blank entries and lines starting with `#` are skipped.
 * The actor's `id` is `<kind>-<first 8 hex of the token's SHA-256>`, stable and token-free.
 * @throws Error naming the entry (by position, never by its token) when the kind is not admin/user,
 *   the token is empty, or one token appears twice.
 */
export function parseTokens(text: string, origin = 'CONTRACTS_TOKENS'): TokenTable {
  const actors = new Map<string, Actor>();
  const entries = text
    .split(/[\n,]/)
    .map((entry) => entry.trim())
    .filter((entry) => entry.length > 0 && !entry.startsWith('#'));
  entries.forEach((entry, index) => {
    const colon = entry.indexOf(':');
    const kind = (colon < 0 ? entry : entry.slice(0, colon)).trim() as ActorKind;
    const token = colon < 0 ? '' : entry.slice(colon + 1).trim();
    if (!KINDS.includes(kind)) {
      throw new Error(`${origin}: entry ${index + 1} must start with admin: or user:`);
    }
    if (token.length === 0) throw new Error(`${origin}: entry ${index + 1} has an empty token`);
    const hash = digest(token);
    if (actors.has(hash)) throw new Error(`${origin}: entry ${index + 1} repeats a token`);
    actors.set(hash, { kind, id: `${kind}-${hash.slice(0, 8)}` });
  });
  return { actorOf: (token) => actors.get(digest(token)), size: actors.size };
}

/**
 * The token table of `contracts serve`: the tokens file (same format as {@link parseTokens}) when
 * given, else `env.CONTRACTS_TOKENS`, else an empty table (every request is anonymous).
 * @throws Error when the file cannot be read or an entry is invalid.
 */
export function loadTokens(
  tokensFile: string | undefined,
  env: NodeJS.ProcessEnv = process.env,
): TokenTable {
  if (tokensFile !== undefined) return parseTokens(readFileSync(tokensFile, 'utf8'), tokensFile);
  return parseTokens(env.CONTRACTS_TOKENS ?? '');
}

/** The actor of every request without credentials (shared, so it costs no allocation). */
const ANONYMOUS: Actor = Object.freeze({ kind: 'anonymous' });

const MALFORMED = 'the Authorization header must be "Bearer <token>"';

/**
 * The actor of a request from its `Authorization` header (RFC 6750 §2.1): none -> anonymous;
 * `Bearer <known token>` -> that actor.
 * @throws ContractError UNAUTHORIZED (401) for another scheme or an unknown token: a caller that
 *   sent credentials is told they failed, rather than being served as anonymous. An unknown token,
 *   or `Bearer` followed by more than one token, is an {@link InvalidTokenError} (RFC 6750 §3.1
 *   `invalid_token`).
 */
export function actorOfRequest(authorization: string | undefined, tokens: TokenTable): Actor {
  if (authorization === undefined || authorization.trim() === '') return ANONYMOUS;
  const match = /^Bearer[ \t]+(\S+)\s*$/i.exec(authorization);
  if (!match) {
    throw /^Bearer[ \t]+\S/i.test(authorization)
      ? new InvalidTokenError(MALFORMED)
      : new ContractError('UNAUTHORIZED', MALFORMED);
  }
  const actor = tokens.actorOf(match[1]!);
  if (!actor) throw new InvalidTokenError('unknown bearer token');
  return actor;
}

/** Equal strings, in time that depends only on their lengths (no early exit on the first difference). */
function sameText(a: string, b: string): boolean {
  if (a.length !== b.length) return false;
  let difference = 0;
  for (let index = 0; index < a.length; index++) {
    difference |= a.charCodeAt(index) ^ b.charCodeAt(index);
  }
  return difference === 0;
}

/** What one keep-alive connection last proved: its exact Authorization header and that actor. */
interface ProvenCredential {
  readonly authorization: string;
  readonly actor: Actor;
}

/**
 * {@link actorOfRequest} that remembers, per connection (the request's socket, held weakly), the
 * last Authorization header it verified there and the actor it proved. The next request on the same
 * keep-alive connection carrying that very header (compared in constant time) gets the same actor
 * without the digest and table lookup; the table cannot change while the server runs, so the answer
 * is the same. The remembered header lives only as long as its connection. A benchmark of
 * `contracts serve` measured the digest and parse at over a tenth of the server's CPU per request.
 * Without a connection (an in-process `fetch`) every request is verified in full.
 * @throws ContractError UNAUTHORIZED as {@link actorOfRequest} does; a failure is never remembered.
 */
export function connectionActorResolver(
  tokens: TokenTable,
): (authorization: string | undefined, connection: object | undefined) => Actor {
  const proven = new WeakMap<object, ProvenCredential>();
  return (authorization, connection) => {
    if (authorization === undefined || connection === undefined) {
      return actorOfRequest(authorization, tokens);
    }
    const last = proven.get(connection);
    if (last !== undefined && sameText(last.authorization, authorization)) return last.actor;
    const actor = actorOfRequest(authorization, tokens);
    proven.set(connection, { authorization, actor });
    return actor;
  };
}
