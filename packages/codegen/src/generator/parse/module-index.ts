import { ts } from './typescript.js';

/**
 * The top-level bindings and exports of one module, read from its syntax tree only. The static
 * evaluator resolves identifiers through it (shared/design.md, "Static evaluation, not execution").
 */

/** What a top-level name in a module is bound to. */
export type LocalBinding =
  | { readonly kind: 'const'; readonly declaration: ts.VariableDeclaration }
  /** `imported` is the exported name (`default` for a default import), or null for `* as ns`. */
  | {
      readonly kind: 'import';
      readonly specifier: string;
      readonly imported: string | null;
      readonly typeOnly: boolean;
    }
  /** `let`, `var`, a function, a class, a destructured name: never evaluated. */
  | { readonly kind: 'other'; readonly description: string };

/** What an exported name stands for. */
export type ExportTarget =
  | { readonly kind: 'local'; readonly localName: string }
  | { readonly kind: 'reexport'; readonly specifier: string; readonly imported: string }
  | { readonly kind: 'namespace'; readonly specifier: string }
  | { readonly kind: 'default'; readonly expression: ts.Expression };

/** `locals` and `exports` by name; `starExports` are the specifiers of `export * from '...'`, in order. */
export interface ModuleIndex {
  readonly locals: ReadonlyMap<string, LocalBinding>;
  readonly exports: ReadonlyMap<string, ExportTarget>;
  readonly starExports: readonly string[];
}

function hasModifier(node: ts.Node, kind: ts.SyntaxKind): boolean {
  return ts.canHaveModifiers(node) && (ts.getModifiers(node) ?? []).some((m) => m.kind === kind);
}

function bindingNames(name: ts.BindingName, into: string[]): string[] {
  if (ts.isIdentifier(name)) into.push(name.text);
  else
    for (const element of name.elements)
      if (!ts.isOmittedExpression(element)) bindingNames(element.name, into);
  return into;
}

function indexVariables(
  statement: ts.VariableStatement,
  locals: Map<string, LocalBinding>,
  exports: Map<string, ExportTarget>,
): void {
  const flags = statement.declarationList.flags;
  const isConst = (flags & ts.NodeFlags.Const) !== 0;
  const keyword = isConst ? 'const' : (flags & ts.NodeFlags.Let) !== 0 ? 'let' : 'var';
  const exported = hasModifier(statement, ts.SyntaxKind.ExportKeyword);
  for (const declaration of statement.declarationList.declarations) {
    const simple = ts.isIdentifier(declaration.name);
    for (const name of bindingNames(declaration.name, [])) {
      locals.set(
        name,
        isConst && simple
          ? { kind: 'const', declaration }
          : { kind: 'other', description: simple ? `a ${keyword}` : `a destructured ${keyword}` },
      );
      if (exported) exports.set(name, { kind: 'local', localName: name });
    }
  }
}

function indexImport(statement: ts.ImportDeclaration, locals: Map<string, LocalBinding>): void {
  const clause = statement.importClause;
  if (!clause || !ts.isStringLiteral(statement.moduleSpecifier)) return;
  const specifier = statement.moduleSpecifier.text;
  if (clause.name) {
    locals.set(clause.name.text, {
      kind: 'import',
      specifier,
      imported: 'default',
      typeOnly: clause.isTypeOnly,
    });
  }
  const named = clause.namedBindings;
  if (!named) return;
  if (ts.isNamespaceImport(named)) {
    locals.set(named.name.text, {
      kind: 'import',
      specifier,
      imported: null,
      typeOnly: clause.isTypeOnly,
    });
    return;
  }
  for (const element of named.elements) {
    locals.set(element.name.text, {
      kind: 'import',
      specifier,
      imported: (element.propertyName ?? element.name).text,
      typeOnly: clause.isTypeOnly || element.isTypeOnly,
    });
  }
}

function indexExport(
  statement: ts.ExportDeclaration,
  exports: Map<string, ExportTarget>,
  stars: string[],
): void {
  if (statement.isTypeOnly) return;
  const specifier =
    statement.moduleSpecifier && ts.isStringLiteral(statement.moduleSpecifier)
      ? statement.moduleSpecifier.text
      : undefined;
  const clause = statement.exportClause;
  if (!clause) {
    if (specifier !== undefined) stars.push(specifier);
    return;
  }
  if (ts.isNamespaceExport(clause)) {
    if (specifier !== undefined) exports.set(clause.name.text, { kind: 'namespace', specifier });
    return;
  }
  for (const element of clause.elements) {
    if (element.isTypeOnly) continue;
    const local = (element.propertyName ?? element.name).text;
    exports.set(
      element.name.text,
      specifier === undefined
        ? { kind: 'local', localName: local }
        : { kind: 'reexport', specifier, imported: local },
    );
  }
}

function indexNamedDeclaration(
  statement: ts.FunctionDeclaration | ts.ClassDeclaration | ts.EnumDeclaration,
  description: string,
  locals: Map<string, LocalBinding>,
  exports: Map<string, ExportTarget>,
): void {
  if (!statement.name) return;
  locals.set(statement.name.text, { kind: 'other', description });
  if (hasModifier(statement, ts.SyntaxKind.ExportKeyword)) {
    exports.set(statement.name.text, { kind: 'local', localName: statement.name.text });
  }
}

/** Indexes a module's top-level statements; types, interfaces and `import type` names carry no value. */
export function indexModule(sourceFile: ts.SourceFile): ModuleIndex {
  const locals = new Map<string, LocalBinding>();
  const exports = new Map<string, ExportTarget>();
  const starExports: string[] = [];
  for (const statement of sourceFile.statements) {
    if (ts.isVariableStatement(statement)) indexVariables(statement, locals, exports);
    else if (ts.isImportDeclaration(statement)) indexImport(statement, locals);
    else if (ts.isExportDeclaration(statement)) indexExport(statement, exports, starExports);
    else if (ts.isExportAssignment(statement) && !statement.isExportEquals) {
      exports.set('default', { kind: 'default', expression: statement.expression });
    } else if (ts.isFunctionDeclaration(statement))
      indexNamedDeclaration(statement, 'a function', locals, exports);
    else if (ts.isClassDeclaration(statement))
      indexNamedDeclaration(statement, 'a class', locals, exports);
    else if (ts.isEnumDeclaration(statement))
      indexNamedDeclaration(statement, 'a TypeScript enum', locals, exports);
  }
  return { locals, exports, starExports };
}
