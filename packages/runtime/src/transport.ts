/** One operation call as a transport carries it: the operation's key and version and its input. */
export interface TransportRequest {
  readonly key: string;
  /** Semver of the operation, e.g. `1.0.0`. */
  readonly version: string;
  /** The input document; `null` for an operation without input. */
  readonly input: unknown;
}

/**
 * How a generated client reaches a router: in process (`localTransport`) or over HTTP (a later
 * issue). `call` resolves with the operation's output and rejects with a `ContractError` for a
 * problem answer (keeping its code, status and details) or a `TransportError` when the network
 * failed (runtime/errors.ts).
 */
export interface Transport {
  call(request: TransportRequest): Promise<unknown>;
}
