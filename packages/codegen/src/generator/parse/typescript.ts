import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { ts as Bundled } from 'ts-morph';

/*
 * The TypeScript compiler ts-morph bundles (what the parser always used, so syntax error messages
 * stay the same). The parser needs only `ts.createSourceFile` and the AST: loading them through
 * ts-morph's ESM entry costs ~0.3 s more per run, and through @ts-morph/common's entry ~0.2 s more
 * (it compiles its own helpers too). So the bundled `typescript.js` beside that entry (ts-morph
 * 28's layout) is required directly, and @ts-morph/common's public `ts` export is the fallback
 * when a later layout moves it.
 */
const fromTsMorph = createRequire(createRequire(import.meta.url).resolve('ts-morph'));
const bundledCompiler = join(dirname(fromTsMorph.resolve('@ts-morph/common')), 'typescript.js');

/** The `ts` namespace of ts-morph's bundled TypeScript (a value and the AST's types). */
export const ts = (
  existsSync(bundledCompiler)
    ? fromTsMorph(bundledCompiler)
    : (fromTsMorph('@ts-morph/common') as { ts: typeof Bundled }).ts
) as typeof Bundled;

/** The AST types the parser names, as `ts.X`. */
// eslint-disable-next-line @typescript-eslint/no-namespace
export declare namespace ts {
  export type SourceFile = Bundled.SourceFile;
  export type Node = Bundled.Node;
  export type SyntaxKind = Bundled.SyntaxKind;
  export type Expression = Bundled.Expression;
  export type CallExpression = Bundled.CallExpression;
  export type VariableDeclaration = Bundled.VariableDeclaration;
  export type VariableStatement = Bundled.VariableStatement;
  export type NodeFlags = Bundled.NodeFlags;
  export type TypeNode = Bundled.TypeNode;
  export type TemplateExpression = Bundled.TemplateExpression;
  export type Statement = Bundled.Statement;
  export type PropertyName = Bundled.PropertyName;
  export type PrefixUnaryExpression = Bundled.PrefixUnaryExpression;
  export type ObjectLiteralExpression = Bundled.ObjectLiteralExpression;
  export type NewExpression = Bundled.NewExpression;
  export type ImportDeclaration = Bundled.ImportDeclaration;
  export type Identifier = Bundled.Identifier;
  export type FunctionDeclaration = Bundled.FunctionDeclaration;
  export type ExportDeclaration = Bundled.ExportDeclaration;
  export type EnumDeclaration = Bundled.EnumDeclaration;
  export type ElementAccessExpression = Bundled.ElementAccessExpression;
  export type Diagnostic = Bundled.Diagnostic;
  export type ClassDeclaration = Bundled.ClassDeclaration;
  export type BindingName = Bundled.BindingName;
  export type ArrayLiteralExpression = Bundled.ArrayLiteralExpression;
}
