import type { Ir } from '../ir/ir-schema.js';
import type { Emitter } from './emitter.js';
import { domainsOf } from './naming.js';
import type { OutputFile } from './output-file.js';
import { renderTemplate } from './render-template.js';

/**
 * An emitter that writes one file per domain, `<domain>/<fileName>`, by rendering `template`
 * (under templates/) with the view model `view(ir, domain)` builds. Most TypeScript surfaces have
 * this shape (types, zod, client, handlers, events, registry, index).
 */
export function perDomainEmitter(
  name: string,
  fileName: string,
  template: string,
  view: (ir: Ir, domain: string) => object,
): Emitter {
  return {
    name,
    emit(ir: Ir): OutputFile[] {
      return domainsOf(ir).map((domain) => ({
        path: `${domain}/${fileName}`,
        contents: renderTemplate(template, view(ir, domain)),
      }));
    },
  };
}
