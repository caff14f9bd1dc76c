import { compareCodeUnits } from 'contracts-runtime/core';
import { printGroup } from './code-layout.js';

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

function isIdentifierStart(code: number): boolean {
  // A-Z, a-z, _ and $.
  return (code >= 65 && code <= 90) || (code >= 97 && code <= 122) || code === 95 || code === 36;
}

function isIdentifierPart(code: number): boolean {
  return isIdentifierStart(code) || (code >= 48 && code <= 57);
}

/**
 * The identifiers a TypeScript text uses as code: comments, string literals and the text of
 * template literals are skipped, and so is a name after `.` (a member access). A hand-written
 * scanner rather than TypeScript's: loading TypeScript for this alone cost every command that
 * resolves settings ~0.8 s. Like TypeScript's scanner without re-scanning, it reads a regular
 * expression literal as code, so a name inside one counts as used (an import too many, never one
 * too few).
 */
export function usedIdentifiers(code: string): Set<string> {
  const used = new Set<string>();
  // Open `{` of code and `${` of template literals, so `}` knows whether a template resumes.
  const braces: ('code' | 'template')[] = [];
  let previous = '';
  let index = 0;
  const skipTemplate = () => {
    // From inside a template literal to just after its closing backtick or its next `${`.
    while (index < code.length) {
      const char = code[index]!;
      if (char === '\\') index += 2;
      else if (char === '`') {
        index += 1;
        return;
      } else if (char === '$' && code[index + 1] === '{') {
        index += 2;
        braces.push('template');
        return;
      } else index += 1;
    }
  };
  while (index < code.length) {
    const char = code[index]!;
    const next = code[index + 1];
    if (char === '/' && next === '/') {
      const end = code.indexOf('\n', index);
      index = end < 0 ? code.length : end;
    } else if (char === '/' && next === '*') {
      const end = code.indexOf('*/', index + 2);
      index = end < 0 ? code.length : end + 2;
    } else if (char === "'" || char === '"') {
      index += 1;
      while (index < code.length && code[index] !== char && code[index] !== '\n') {
        index += code[index] === '\\' ? 2 : 1;
      }
      index += 1;
      previous = 'string';
    } else if (char === '`') {
      index += 1;
      skipTemplate();
      previous = 'string';
    } else if (char === '.' && next === '.' && code[index + 2] === '.') {
      index += 3;
      previous = '...';
    } else if (char === '{') {
      braces.push('code');
      index += 1;
      previous = char;
    } else if (char === '}') {
      index += 1;
      if (braces.pop() === 'template') skipTemplate();
      previous = char;
    } else if (isIdentifierStart(code.charCodeAt(index))) {
      let end = index + 1;
      while (end < code.length && isIdentifierPart(code.charCodeAt(end))) end += 1;
      if (previous !== '.') used.add(code.slice(index, end));
      index = end;
      previous = 'identifier';
    } else if (char >= '0' && char <= '9') {
      let end = index + 1;
      while (end < code.length && isIdentifierPart(code.charCodeAt(end))) end += 1;
      index = end;
      previous = 'number';
    } else {
      index += 1;
      if (char !== ' ' && char !== '\n' && char !== '\t' && char !== '\r') previous = char;
    }
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
  return printImportsOf(usedIdentifiers(code), candidates);
}

/**
 * {@link printImports} from the identifiers the code uses (`used`, as {@link usedIdentifiers}
 * finds them) instead of the code: a watch rebuild unions the sets of a file's cached fragments.
 */
export function printImportsOf(
  used: { has(name: string): boolean },
  candidates: readonly ImportCandidate[],
): string {
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
      const head = `import ${allTypes ? 'type ' : ''}`;
      const tail = ` from '${specifier}';`;
      const items = list.split(', ');
      return { specifier, line: printGroup(0, head, '{ ', items, ' }', tail, '{', '}') };
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
  return withImportsOf(banner, code, usedIdentifiers(code), candidates);
}

/** {@link withImports} with the identifiers `code` uses already found (see {@link printImportsOf}). */
export function withImportsOf(
  banner: string,
  code: string,
  used: { has(name: string): boolean },
  candidates: readonly ImportCandidate[],
): string {
  const imports = printImportsOf(used, candidates);
  const body = code.replace(/^\n+/, '');
  return imports === '' ? `${banner}\n\n${body}` : `${banner}\n${imports}\n\n${body}`;
}
