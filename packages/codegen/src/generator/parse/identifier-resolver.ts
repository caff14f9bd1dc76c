import type { ts } from './typescript.js';
import { DiagnosticCode } from '../ir/diagnostic-codes.js';
import type { EvaluationContext, Site } from './evaluation-context.js';
import { LANGUAGE_CALLABLES, LANGUAGE_TABLES } from './language.js';
import { isPublishedModule, PUBLISHED_TABLES } from './published-tables.js';
import type { LocalBinding } from './module-index.js';
import type { StaticValue } from './static-value.js';

/*
 * Identifier resolution of the static evaluator (shared/design.md, "Static evaluation, not
 * execution"): the language's tables by name first, then the module's consts, then relative imports
 * (named, renamed, default, namespace) through re-exports and `export *` barrels. A failure is
 * UNRESOLVED_IDENTIFIER at the reference, naming the identifier and why.
 */

function tableValue(
  ctx: EvaluationContext,
  table: Readonly<Record<string, string>>,
  enumTable: string,
  site: Site,
): StaticValue {
  const at = ctx.graph.locate(site.node, site.file);
  const entries = new Map<string, StaticValue>(
    Object.entries(table).map(([key, value]) => [key, { kind: 'string', value, at }]),
  );
  return { kind: 'object', entries, at, enumTable };
}

/**
 * The table a language enum name (`TagsEnum`, `StabilityEnum`, `OwnersEnum`) stands for at `site`,
 * or undefined when its own declaration is to be read: a local const, or an import the parser can
 * reach (the declaration's values are the truth). Imported from a published module path
 * (`@contractspec/...`), the published table; otherwise (this language, or not imported) ours.
 */
function enumTable(ctx: EvaluationContext, name: string, site: Site): StaticValue | undefined {
  const table = LANGUAGE_TABLES.get(name);
  if (!table) return undefined;
  const binding = ctx.graph.index(site.file).locals.get(name);
  if (binding?.kind === 'const') return undefined;
  if (binding?.kind === 'import') {
    if (ctx.graph.resolve(site.file, binding.specifier)) return undefined;
    const published = PUBLISHED_TABLES.get(binding.imported ?? name);
    if (isPublishedModule(binding.specifier) && published)
      return tableValue(ctx, published, `the published ${name}`, site);
  }
  return tableValue(ctx, table, name, site);
}

/** The value an identifier written at `site` stands for. */
export function resolveIdentifier(ctx: EvaluationContext, name: string, site: Site): StaticValue {
  const table = enumTable(ctx, name, site);
  if (table) return table;
  if (LANGUAGE_CALLABLES.has(name)) {
    return ctx.fail(
      DiagnosticCode.UnsupportedExpression,
      `\`${name}\` is part of the contract language and is only understood where it is called`,
      site,
    );
  }
  if (name === 'undefined') {
    return ctx.fail(
      DiagnosticCode.UnsupportedExpression,
      '`undefined` is not a spec value; leave the field out instead',
      site,
    );
  }
  return resolveBinding(ctx, ctx.graph.index(site.file).locals.get(name), site.file, site, name);
}

/** Resolves a binding of `bindingFile` for the reference at `site`; `shown` names it in messages. */
function resolveBinding(
  ctx: EvaluationContext,
  binding: LocalBinding | undefined,
  bindingFile: ts.SourceFile,
  site: Site,
  shown: string,
): StaticValue {
  if (binding === undefined) {
    const where = bindingFile === site.file ? '' : ` in ${ctx.graph.relativePath(bindingFile)}`;
    return ctx.fail(
      DiagnosticCode.UnresolvedIdentifier,
      `\`${shown}\` is not declared or imported${where}`,
      site,
    );
  }
  switch (binding.kind) {
    case 'const':
      return ctx.evaluateDeclaration(binding.declaration, bindingFile, site);
    case 'other':
      return ctx.fail(
        DiagnosticCode.UnresolvedIdentifier,
        `\`${shown}\` is bound to ${binding.description}, not to a const`,
        site,
      );
    case 'import':
      return resolveImport(ctx, binding, bindingFile, site, shown);
  }
}

function resolveImport(
  ctx: EvaluationContext,
  binding: Extract<LocalBinding, { kind: 'import' }>,
  bindingFile: ts.SourceFile,
  site: Site,
  shown: string,
): StaticValue {
  if (binding.typeOnly) {
    return ctx.fail(
      DiagnosticCode.UnresolvedIdentifier,
      `\`${shown}\` is imported with \`import type\` and has no value`,
      site,
    );
  }
  const target = ctx.graph.resolve(bindingFile, binding.specifier);
  if (!target) {
    const why = binding.specifier.startsWith('.')
      ? 'which resolves to no file'
      : 'which is neither a relative import nor the contract language';
    return ctx.fail(
      DiagnosticCode.UnresolvedIdentifier,
      `\`${shown}\` is imported from '${binding.specifier}', ${why}`,
      site,
    );
  }
  if (binding.imported === null)
    return { kind: 'namespace', file: target, at: ctx.graph.locate(site.node, site.file) };
  const value = resolveExport(ctx, target, binding.imported, site, new Set());
  if (value) return value;
  return ctx.fail(
    DiagnosticCode.UnresolvedIdentifier,
    `\`${shown}\` is imported from '${binding.specifier}', but ${ctx.graph.relativePath(target)} does not export \`${binding.imported}\``,
    site,
  );
}

/** The value `file` exports as `name` (following re-exports and `export *`), or undefined if none. */
export function resolveExport(
  ctx: EvaluationContext,
  file: ts.SourceFile,
  name: string,
  site: Site,
  visited: Set<string>,
): StaticValue | undefined {
  const visit = `${file.fileName}\0${name}`;
  if (visited.has(visit)) return undefined;
  visited.add(visit);
  const index = ctx.graph.index(file);
  const target = index.exports.get(name);
  if (target) {
    switch (target.kind) {
      case 'local':
        return resolveBinding(
          ctx,
          index.locals.get(target.localName),
          file,
          site,
          target.localName,
        );
      case 'default':
        return ctx.memoised(target.expression, 'default', site, () =>
          ctx.evaluate(target.expression, file),
        );
      case 'namespace':
      case 'reexport': {
        const module = ctx.graph.resolve(file, target.specifier);
        if (!module) {
          return ctx.fail(
            DiagnosticCode.UnresolvedIdentifier,
            `\`${name}\` is re-exported from '${target.specifier}', which resolves to no file`,
            site,
          );
        }
        if (target.kind === 'namespace')
          return { kind: 'namespace', file: module, at: ctx.graph.locate(site.node, site.file) };
        return resolveExport(ctx, module, target.imported, site, visited);
      }
    }
  }
  for (const specifier of index.starExports) {
    const module = ctx.graph.resolve(file, specifier);
    const value = module && resolveExport(ctx, module, name, site, visited);
    if (value) return value;
  }
  return undefined;
}
