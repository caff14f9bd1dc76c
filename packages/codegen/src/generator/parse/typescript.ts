import { createRequire } from 'node:module';
import type { ts as Bundled } from 'ts-morph';

/*
 * The TypeScript compiler ts-morph bundles (what the parser always used, so syntax error messages
 * stay the same), taken from @ts-morph/common's public `ts` export: the parser needs only
 * `ts.createSourceFile` and the AST, and loading it through ts-morph's ESM entry cost ~0.3 s more
 * per run (node lexes the CommonJS wrappers for named exports, and loads ts-morph's Project layer).
 */
const fromTsMorph = createRequire(createRequire(import.meta.url).resolve('ts-morph'));

/** The `ts` namespace of ts-morph's bundled TypeScript (a value and the AST's types). */
export const ts = (fromTsMorph('@ts-morph/common') as { ts: typeof Bundled }).ts;

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
