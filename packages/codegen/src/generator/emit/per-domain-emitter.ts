import type { Ir } from '../ir/ir-schema.js';
import type { Emitter } from './emitter.js';
import { withImports, type ImportCandidate } from './import-printer.js';
import { domainsOf } from './naming.js';
import type { OutputFile } from './output-file.js';
import { renderTemplate } from './render-template.js';

/**
 * An emitter that writes one file per domain, `<domain>/<fileName>`, by rendering `template`
 * (under templates/) with the view model `view(ir, domain)` builds. Most TypeScript surfaces have
 * this shape (types, zod, client, handlers, events, registry, index). The template renders the
 * banner line and the code; the imports between them are those of `imports(ir, domain)` that the
 * code uses (import-printer.ts). Templates and views print the pinned prettier layout
 * (code-layout.ts), so the files are marked `laidOut`; runs of blank lines collapse to one and the
 * file ends with one newline, as prettier leaves them.
 */
export function perDomainEmitter(
  name: string,
  fileName: string,
  template: string,
  view: (ir: Ir, domain: string) => object,
  imports: (ir: Ir, domain: string) => readonly ImportCandidate[] = () => [],
): Emitter {
  return {
    name,
    emit(ir: Ir): OutputFile[] {
      return domainsOf(ir).map((domain) => {
        const rendered = renderTemplate(template, view(ir, domain));
        const newline = rendered.indexOf('\n');
        const banner = newline < 0 ? rendered : rendered.slice(0, newline);
        const code = newline < 0 ? '' : rendered.slice(newline + 1);
        const contents = withImports(banner, code, imports(ir, domain))
          .replace(/\n{3,}/g, '\n\n')
          .trimEnd();
        return { path: `${domain}/${fileName}`, contents: `${contents}\n`, laidOut: true };
      });
    },
  };
}
