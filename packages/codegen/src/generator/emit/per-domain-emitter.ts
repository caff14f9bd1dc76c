import type { Ir } from '../ir/ir-schema.js';
import { keepsEmitMemos } from './emit-memo.js';
import type { Emitter } from './emitter.js';
import { withImports, withImportsJoined, type ImportCandidate } from './import-printer.js';
import { domainsOf } from './naming.js';
import type { OutputFile } from './output-file.js';
import { renderTemplate } from './render-template.js';
import { SegmentedTemplate } from './segmented-template.js';

function splitBanner(rendered: string): { banner: string; code: string } {
  const newline = rendered.indexOf('\n');
  return {
    banner: newline < 0 ? rendered : rendered.slice(0, newline),
    code: newline < 0 ? '' : rendered.slice(newline + 1),
  };
}

/**
 * `file` with its runs of blank lines collapsed to one and ending in one line break, as prettier
 * leaves a file; the same string when it is so already (the templates' usual output: a MB-sized
 * domain file is then not copied again).
 */
function finish(file: string): string {
  const collapsed = file.includes('\n\n\n') ? file.replace(/\n{3,}/g, '\n\n') : file;
  const end = collapsed.length - 1;
  if (collapsed[end] === '\n' && end > 0 && !/\s/.test(collapsed[end - 1]!)) return collapsed;
  return `${collapsed.trimEnd()}\n`;
}

/**
 * An emitter that writes one file per domain, `<domain>/<fileName>`, by rendering `template`
 * (under templates/) with the view model `view(ir, domain)` builds. Most TypeScript surfaces have
 * this shape (types, zod, client, handlers, events, registry, index). The template renders the
 * banner line and the code; the imports between them are those of `imports(ir, domain)` that the
 * code uses (import-printer.ts). Templates and views print the pinned prettier layout
 * (code-layout.ts), so the files are marked `laidOut`; runs of blank lines collapse to one and the
 * file ends with one newline, as prettier leaves them. In a watch session (emit-memo.ts) the
 * template is rendered through a {@link SegmentedTemplate}, which renders again only the list
 * items (operations, models) whose view objects are new, with the same text.
 */
export function perDomainEmitter(
  name: string,
  fileName: string,
  template: string,
  view: (ir: Ir, domain: string) => object,
  imports: (ir: Ir, domain: string) => readonly ImportCandidate[] = () => [],
): Emitter {
  let segmented: SegmentedTemplate | undefined;
  // Watch mode: each domain's last file, with the import candidates it was printed with.
  const lastFiles = new Map<string, { candidates: string; file: OutputFile }>();
  const watchFileOf = (ir: Ir, domain: string): OutputFile => {
    segmented ??= new SegmentedTemplate(template);
    const rendered = segmented.render(view(ir, domain), domain);
    const candidates = imports(ir, domain);
    const candidatesKey = JSON.stringify(candidates);
    const last = lastFiles.get(domain);
    if (rendered.unchanged && last?.candidates === candidatesKey) return last.file;
    const contents = finish(withImportsJoined(rendered.pieces, rendered.used, candidates));
    const file = { path: `${domain}/${fileName}`, contents, laidOut: true };
    lastFiles.set(domain, { candidates: candidatesKey, file });
    return file;
  };
  return {
    name,
    emit(ir: Ir): OutputFile[] {
      const domains = domainsOf(ir);
      if (keepsEmitMemos()) {
        for (const domain of lastFiles.keys())
          if (!domains.includes(domain)) lastFiles.delete(domain);
        return domains.map((domain) => watchFileOf(ir, domain));
      }
      return domains.map((domain) => {
        const { banner, code } = splitBanner(renderTemplate(template, view(ir, domain)));
        const contents = finish(withImports(banner, code, imports(ir, domain)));
        return { path: `${domain}/${fileName}`, contents, laidOut: true };
      });
    },
  };
}
