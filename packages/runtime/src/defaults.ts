import type { RunLimits } from './runtime-options.js';

/*
 * The runtime's defaults that the `contracts` CLI shows in its help text. This module imports
 * nothing at run time, so a command can print its help without loading the runtime; the modules
 * that use each default re-export it from here.
 */

/** How long `contracts agent work` stays without work before it exits, in milliseconds. */
export const DEFAULT_IDLE_EXIT_MS = 2_000;

/** Default request body limit of `contracts serve`, in bytes: 1 MiB. */
export const DEFAULT_BODY_LIMIT = 1024 * 1024;

/**
 * The limits of `contracts serve` unless its flags say otherwise: 8 MiB captured per stream, 4
 * cases at once.
 */
export const SERVER_RUN_LIMITS: RunLimits = { maxCaptureBytes: 8 * 1024 * 1024, maxConcurrency: 4 };
