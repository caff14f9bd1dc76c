import { DEFAULT_IDLE_EXIT_MS } from 'contracts-runtime/agent';
import { SERVER_RUN_LIMITS } from 'contracts-runtime/app';
import { DEFAULT_BODY_LIMIT } from 'contracts-runtime/server';
import { describe, expect, it } from 'vitest';
import * as cliDefaults from '../../packages/codegen/src/cli/runtime-defaults.js';

describe('the runtime defaults the CLI shows without loading the runtime', () => {
  it('are the runtime’s own values', () => {
    expect({ ...cliDefaults }).toStrictEqual({
      DEFAULT_IDLE_EXIT_MS,
      DEFAULT_BODY_LIMIT,
      SERVER_RUN_LIMITS,
    });
  });
});
