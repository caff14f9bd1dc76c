import { ts } from './typescript.js';
import {
  DEFINE_CALLEES,
  LANGUAGE_CALLABLES,
  NON_SPEC_DEFINES,
  SPEC_TYPE_NAMES,
  type DefineCallee,
} from './language.js';

/**
 * What a top-level const declares, judged from its syntax alone: a spec (`define*(...)` of the eight
 * kinds, or an object literal typed with a published spec type), a model (`new SchemaModel`,
 * `defineSchemaModel`, `defineEnum`), a construct the generator does not read (another `define*`
 * kind of the published language, a helper factory call), or nothing.
 */
export type Declared =
  | { readonly kind: 'spec'; readonly callee: DefineCallee; readonly typed?: string }
  | { readonly kind: 'model' }
  | { readonly kind: 'unread'; readonly what: string }
  | { readonly kind: 'none' };

/** The expression without parentheses, `as`, `satisfies` and `!`. */
export function unwrap(expression: ts.Expression): ts.Expression {
  let current = expression;
  while (
    ts.isParenthesizedExpression(current) ||
    ts.isAsExpression(current) ||
    ts.isSatisfiesExpression(current) ||
    ts.isNonNullExpression(current)
  ) {
    current = current.expression;
  }
  return current;
}

/** The name of a type reference (`PresentationSpec`, `EventSpec<typeof X>`, `ns.FormSpec`). */
function typeName(type: ts.TypeNode | undefined): string | undefined {
  if (!type || !ts.isTypeReferenceNode(type)) return undefined;
  const name = type.typeName;
  return ts.isIdentifier(name) ? name.text : name.right.text;
}

/** The spec type an `as` / `satisfies` names, when the initializer is `{...} satisfies FormSpec`. */
function assertedType(initializer: ts.Expression): string | undefined {
  let current = initializer;
  while (ts.isParenthesizedExpression(current)) current = current.expression;
  if (ts.isSatisfiesExpression(current) || ts.isAsExpression(current))
    return typeName(current.type) ?? assertedType(current.expression);
  return undefined;
}

/** Judges one top-level const declaration. */
export function declared(declaration: ts.VariableDeclaration): Declared {
  const initializer = declaration.initializer;
  if (!initializer) return { kind: 'none' };
  const expression = unwrap(initializer);
  if (ts.isCallExpression(expression)) {
    const callee = expression.expression;
    if (ts.isIdentifier(callee)) {
      const spec = DEFINE_CALLEES.get(callee.text);
      if (spec) return { kind: 'spec', callee: spec };
      if (NON_SPEC_DEFINES.has(callee.text) || callee.text === 'fromZod') return { kind: 'model' };
      if (/^define[A-Z]/.test(callee.text))
        return {
          kind: 'unread',
          what: `\`${callee.text}(...)\`, a kind of the published language this generator emits nothing for`,
        };
      if (LANGUAGE_CALLABLES.has(callee.text) || callee.text === 'responsiveFormColumns')
        return { kind: 'none' };
      return {
        kind: 'unread',
        what: `\`${callee.text}(...)\`, a helper call that may build a spec but is not evaluated`,
      };
    }
    return { kind: 'none' };
  }
  if (ts.isNewExpression(expression) && ts.isIdentifier(expression.expression)) {
    const name = expression.expression.text;
    if (name === 'SchemaModel' || name === 'ZodSchemaType') return { kind: 'model' };
  }
  if (ts.isObjectLiteralExpression(expression)) {
    const typed = typeName(declaration.type) ?? assertedType(initializer);
    const spec = typed === undefined ? undefined : SPEC_TYPE_NAMES.get(typed);
    if (spec) return { kind: 'spec', callee: spec, typed };
  }
  return { kind: 'none' };
}

/**
 * `define*` calls of the eight kinds written inside a function (a factory body), which the
 * generator cannot evaluate: each call node, in source order.
 */
export function definesInsideFunctions(statement: ts.Statement): ts.CallExpression[] {
  const found: ts.CallExpression[] = [];
  const visit = (node: ts.Node, inFunction: boolean): void => {
    const entering =
      inFunction ||
      ts.isFunctionDeclaration(node) ||
      ts.isFunctionExpression(node) ||
      ts.isArrowFunction(node) ||
      ts.isMethodDeclaration(node);
    if (
      entering &&
      ts.isCallExpression(node) &&
      ts.isIdentifier(node.expression) &&
      DEFINE_CALLEES.has(node.expression.text)
    ) {
      found.push(node);
    }
    ts.forEachChild(node, (child) => visit(child, entering));
  };
  visit(statement, false);
  return found;
}
