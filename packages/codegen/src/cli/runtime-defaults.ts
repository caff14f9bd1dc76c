/**
 * The runtime defaults the CLI's help text shows (and `serve` passes on as its flags' defaults),
 * held here so that building the command definitions loads no contracts-runtime module: the
 * runtime entry points that export them cost 100-190 ms to import. Each value is the runtime's
 * own, named beside it; test/e2e/cli-runtime-defaults.test.ts fails when one drifts.
 */
import type { RunLimits } from 'contracts-runtime/app';

/**
 * How long `contracts agent work` stays without work before it exits, in milliseconds: 2 s
 * (`DEFAULT_IDLE_EXIT_MS` of contracts-runtime/agent).
 */
export const DEFAULT_IDLE_EXIT_MS = 2_000;

/** Largest request body `contracts serve` accepts, in bytes: 1 MiB (`DEFAULT_BODY_LIMIT` of contracts-runtime/server). */
export const DEFAULT_BODY_LIMIT = 1024 * 1024;

/**
 * The most a caller of `contracts serve` may ask of a run: `maxCaptureBytes` 8 MiB per stream and
 * `maxConcurrency` 4 cases at once (`SERVER_RUN_LIMITS` of contracts-runtime/app).
 */
export const SERVER_RUN_LIMITS = {
  maxCaptureBytes: 8 * 1024 * 1024,
  maxConcurrency: 4,
} as const satisfies RunLimits;
