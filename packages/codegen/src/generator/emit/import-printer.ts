import { ts } from 'ts-morph';
import { compareCodeUnits } from 'contracts-runtime/core';

/**
 * One name a generated file may import: a named import (`import { name } from 'specifier'`) or a
 * namespace import (`import * as name from 'specifier'`, used as `name.X`). `typeOnly` names are
 * imported with `type`, so the file holds under `verbatimModuleSyntax`.
 */
export interface ImportCandidate {
  readonly name: string;
  readonly specifier: string;
  readonly typeOnly: boolean;
  readonly namespace?: boolean;
}

/** The identifiers a TypeScript text uses as code: comments and string literals are skipped. */
function usedIdentifiers(code: string): Set<string> {
  const scanner = ts.createScanner(ts.ScriptTarget.Latest, true, ts.LanguageVariant.Standard, code);
  const used = new Set<string>();
  // Open `{` of code and `${` of template literals, so `}` knows whether a template resumes.
  const braces: ('code' | 'template')[] = [];
  let previous = ts.SyntaxKind.Unknown;
  for (let kind = scanner.scan(); kind !== ts.SyntaxKind.EndOfFileToken; kind = scanner.scan()) {
    if (kind === ts.SyntaxKind.CloseBraceToken && braces.pop() === 'template') {
      kind = scanner.reScanTemplateToken(false);
    }
    if (kind === ts.SyntaxKind.OpenBraceToken) braces.push('code');
    if (kind === ts.SyntaxKind.TemplateHead || kind === ts.SyntaxKind.TemplateMiddle) {
      braces.push('template');
    }
    if (kind === ts.SyntaxKind.Identifier && previous !== ts.SyntaxKind.DotToken) {
      used.add(scanner.getTokenValue());
    }
    previous = kind;
  }
  return used;
}

function isBare(specifier: string): boolean {
  return !specifier.startsWith('.') && !specifier.startsWith('/');
}

function compareSpecifiers(a: string, b: string): number {
  return Number(isBare(b)) - Number(isBare(a)) || compareCodeUnits(a, b);
}

/**
 * The import lines of a generated file, derived from what its `code` (the file without imports)
 * uses: a candidate is imported only when its name occurs as an identifier outside comments and
 * strings (a member access `x.name` does not count). Package specifiers come first, then relative
 * ones, each group sorted by code units; names within a line are sorted too. A module with only
 * type names is `import type { … }`. Returns '' when nothing is used.
 */
export function printImports(code: string, candidates: readonly ImportCandidate[]): string {
  const used = usedIdentifiers(code);
  const named = new Map<string, { name: string; typeOnly: boolean }[]>();
  const namespaces: { line: string; specifier: string }[] = [];
  for (const candidate of candidates) {
    if (!used.has(candidate.name)) continue;
    if (candidate.namespace) {
      const keyword = candidate.typeOnly ? 'import type' : 'import';
      namespaces.push({
        specifier: candidate.specifier,
        line: `${keyword} * as ${candidate.name} from '${candidate.specifier}';`,
      });
      continue;
    }
    const names = named.get(candidate.specifier) ?? [];
    if (!names.some((entry) => entry.name === candidate.name)) names.push(candidate);
    named.set(candidate.specifier, names);
  }
  const lines = [
    ...[...named].map(([specifier, names]) => {
      const sorted = [...names].sort((a, b) => compareCodeUnits(a.name, b.name));
      const allTypes = sorted.every((entry) => entry.typeOnly);
      const list = sorted
        .map((entry) => (entry.typeOnly && !allTypes ? `type ${entry.name}` : entry.name))
        .join(', ');
      return {
        specifier,
        line: `import ${allTypes ? 'type ' : ''}{ ${list} } from '${specifier}';`,
      };
    }),
    ...namespaces,
  ].sort((a, b) => compareSpecifiers(a.specifier, b.specifier) || compareCodeUnits(a.line, b.line));
  return lines.map((entry) => entry.line).join('\n');
}

/**
 * `banner` + the imports `code` uses + `code`: a whole generated TypeScript file. `code` is the
 * file's body after the banner line.
 */
export function withImports(
  banner: string,
  code: string,
  candidates: readonly ImportCandidate[],
): string {
  const imports = printImports(code, candidates);
  const body = code.replace(/^\n+/, '');
  return imports === '' ? `${banner}\n\n${body}` : `${banner}\n${imports}\n\n${body}`;
}
