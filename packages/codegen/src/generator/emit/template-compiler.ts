import { createHash } from 'node:crypto';
import { createRequire } from 'node:module';
import type { TemplateEnvironment } from './template-environment.js';

/** What a template is compiled from: its text, or a program parsed from it (segmented-template.ts). */
export type TemplateInput = string | hbs.AST.Program;

/** One compilation: what identifies it, and what it compiles. */
export interface Compilation {
  readonly key: string;
  readonly input: TemplateInput;
  readonly options: CompileOptions;
}

/**
 * The templates the build precompiled (scripts/precompile-templates.mjs), by {@link templateKey}:
 * Handlebars template specifications, so a run skips compiling (some 50 ms of a small
 * generation). Empty when the module is absent, as when the sources run untranspiled (tests).
 */
const precompiled: Readonly<Record<string, TemplateSpecification>> = (() => {
  try {
    return createRequire(import.meta.url)('./precompiled-templates.cjs') as Record<
      string,
      TemplateSpecification
    >;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'MODULE_NOT_FOUND') return {};
    throw error;
  }
})();

/** The compilations {@link compileTemplate} made itself, while recording (the build script). */
let recording: Compilation[] | undefined;

/** What identifies a compilation: the SHA-1 of the input (text or program) and the options. */
export function templateKey(input: TemplateInput, options: CompileOptions): string {
  return createHash('sha1')
    .update(JSON.stringify([input, options]))
    .digest('hex');
}

/**
 * The template from its precompiled specification when the build made one for this input and
 * these options (Handlebars' own `precompile`, so it renders the same bytes), rendered by the
 * environment's runtime-only build; else `compile(input, options)` of its full build, which is
 * loaded then. The environment gives the helpers either way.
 * @throws Error when the input does not compile.
 */
export function compileTemplate(
  env: TemplateEnvironment,
  input: TemplateInput,
  options: CompileOptions,
): HandlebarsTemplateDelegate {
  const key = templateKey(input, options);
  const spec = precompiled[key];
  if (spec !== undefined) return env.runtime.template(spec);
  // A copy: the program may change after this call (the compilation itself runs on first render).
  recording?.push({ key, input: JSON.parse(JSON.stringify(input)) as TemplateInput, options });
  return env.compiler().compile(input, options);
}

/**
 * Starts recording the compilations {@link compileTemplate} makes itself; returns the list it
 * fills. For the build script, which then precompiles each.
 */
export function recordCompilations(): Compilation[] {
  recording = [];
  return recording;
}

/** How many templates the build precompiled (0 when running from the sources). */
export function precompiledCount(): number {
  return Object.keys(precompiled).length;
}
