import { readFileSync } from 'node:fs';
import { TEMPLATES_DIR } from '../render-template.js';
import { compileTemplate } from '../template-compiler.js';
import { TemplateEnvironment } from '../template-environment.js';

const runtime = new TemplateEnvironment({});
const cache = new Map<string, HandlebarsTemplateDelegate>();

/**
 * Renders `templates/site/<name>` with a view model. Unlike the code templates, HTML escaping is
 * on: `{{text}}` is escaped, `{{{html}}}` is HTML the view model built and escaped itself. Runs with
 * `strict` and `knownHelpersOnly` and no helpers, so a missing field throws.
 * @throws Error when the template is missing, does not compile, or reads a missing field.
 */
export function renderSiteTemplate(name: string, view: object): string {
  let template = cache.get(name);
  if (!template) {
    template = compileTemplate(runtime, readFileSync(`${TEMPLATES_DIR}site/${name}`, 'utf8'), {
      strict: true,
      knownHelpersOnly: true,
    });
    cache.set(name, template);
  }
  return template(view);
}
