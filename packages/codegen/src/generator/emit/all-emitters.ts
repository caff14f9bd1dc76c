import { clientEmitter } from './client-emitter.js';
import { docsEmitter } from './docs-emitter.js';
import { domainIndexEmitter } from './domain-index-emitter.js';
import type { Emitter } from './emitter.js';
import { eventsEmitter } from './events-emitter.js';
import { handlersEmitter } from './handlers-emitter.js';
import { irJsonEmitter } from './ir-json-emitter.js';
import { jsonSchemaEmitter } from './json-schema-emitter.js';
import { openApiEmitter } from './openapi-emitter.js';
import { registryEmitter } from './registry-emitter.js';
import { typesEmitter } from './types-emitter.js';
import { zodEmitter } from './zod-emitter.js';

/** Every surface `contracts generate` writes, in one table (shared/design.md, "One emitter per surface"). */
export const ALL_EMITTERS: readonly Emitter[] = [
  irJsonEmitter,
  typesEmitter,
  zodEmitter,
  jsonSchemaEmitter,
  clientEmitter,
  handlersEmitter,
  eventsEmitter,
  registryEmitter,
  domainIndexEmitter,
  docsEmitter,
  openApiEmitter,
];
