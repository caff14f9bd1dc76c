import { z } from 'zod';
import { ConfigSchema } from './config-schema.js';

/**
 * The JSON Schema (draft 2020-12) of `contracts.config.json`, derived from {@link ConfigSchema}
 * by zod's own converter; the package ships it as `schemas/contracts.config.schema.json` for
 * editor completion, and a test keeps the two equal.
 */
export function configJsonSchema(): Record<string, unknown> {
  return {
    ...z.toJSONSchema(ConfigSchema, { target: 'draft-2020-12', io: 'input' }),
    $id: 'urn:contracts-codegen:config',
    title: 'contracts.config.json',
  };
}
