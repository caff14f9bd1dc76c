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

const SLASH = 0x2f;
const STAR = 0x2a;
const BACKSLASH = 0x5c;
const BACKTICK = 0x60;
const DOLLAR = 0x24;
const DOT = 0x2e;
const OPEN_BRACE = 0x7b;
const CLOSE_BRACE = 0x7d;
const LINE_FEED = 0x0a;

/** What the scanner last read, as far as a following name cares: a member access `.` or not. */
const AFTER_DOT = 1;
const AFTER_OTHER = 0;

/**
 * The identifiers a TypeScript text uses as code: comments, string literals and the text of
 * template literals are skipped, and so is a name after `.` (a member access). A hand-written
 * scanner rather than TypeScript's: loading TypeScript for this alone cost every command that
 * resolves settings ~0.8 s. Like TypeScript's scanner without re-scanning, it reads a regular
 * expression literal as code, so a name inside one counts as used (an import too many, never one
 * too few).
 */
export function usedIdentifiers(code: string): Set<string> {
  return scanIdentifiers(code, null);
}

/** Names looked for by {@link scanIdentifiers}, with each one's length and first code unit. */
interface WantedNames {
  readonly names: ReadonlySet<string>;
  /** `length * 0x10000 + first code unit` of each name: most identifiers are ruled out by it. */
  readonly keys: ReadonlySet<number>;
}

function wantedNames(names: readonly string[]): WantedNames {
  return {
    names: new Set(names),
    keys: new Set(names.map((name) => name.length * 0x10000 + name.charCodeAt(0))),
  };
}

/**
 * The names `code` uses as {@link usedIdentifiers} finds them: all of them, or only those of
 * `wanted` (a file's import candidates are a few of its many identifiers).
 */
function scanIdentifiers(code: string, wanted: WantedNames | null): Set<string> {
  const used = new Set<string>();
  const length = code.length;
  // Open `{` of code (false) and `${` of template literals (true), so `}` knows whether a
  // template resumes.
  const braces: boolean[] = [];
  let previous = AFTER_OTHER;
  let index = 0;
  const skipTemplate = () => {
    // From inside a template literal to just after its closing backtick or its next `${`.
    while (index < length) {
      const char = code.charCodeAt(index);
      if (char === BACKSLASH) index += 2;
      else if (char === BACKTICK) {
        index += 1;
        return;
      } else if (char === DOLLAR && code.charCodeAt(index + 1) === OPEN_BRACE) {
        index += 2;
        braces.push(true);
        return;
      } else index += 1;
    }
  };
  while (index < length) {
    const char = code.charCodeAt(index);
    if (isIdentifierStart(char)) {
      let end = index + 1;
      while (end < length && isIdentifierPart(code.charCodeAt(end))) end += 1;
      if (previous !== AFTER_DOT) {
        if (wanted === null) used.add(code.slice(index, end));
        else if (wanted.keys.has((end - index) * 0x10000 + char)) {
          const name = code.slice(index, end);
          if (wanted.names.has(name)) used.add(name);
        }
      }
      index = end;
      previous = AFTER_OTHER;
    } else if (char === 0x20 || char === LINE_FEED || char === 0x09 || char === 0x0d) {
      index += 1;
    } else if (char >= 0x30 && char <= 0x39) {
      let end = index + 1;
      while (end < length && isIdentifierPart(code.charCodeAt(end))) end += 1;
      index = end;
      previous = AFTER_OTHER;
    } else if (char === SLASH && code.charCodeAt(index + 1) === SLASH) {
      const end = code.indexOf('\n', index);
      index = end < 0 ? length : end;
    } else if (char === SLASH && code.charCodeAt(index + 1) === STAR) {
      const end = code.indexOf('*/', index + 2);
      index = end < 0 ? length : end + 2;
    } else if (char === 0x27 || char === 0x22) {
      index += 1;
      for (let at = code.charCodeAt(index); index < length; at = code.charCodeAt(index)) {
        if (at === char || at === LINE_FEED) break;
        index += at === BACKSLASH ? 2 : 1;
      }
      index += 1;
      previous = AFTER_OTHER;
    } else if (char === BACKTICK) {
      index += 1;
      skipTemplate();
      previous = AFTER_OTHER;
    } else if (char === DOT) {
      if (code.charCodeAt(index + 1) === DOT && code.charCodeAt(index + 2) === DOT) {
        index += 3;
        previous = AFTER_OTHER;
      } else {
        index += 1;
        previous = AFTER_DOT;
      }
    } else if (char === OPEN_BRACE) {
      braces.push(false);
      index += 1;
      previous = AFTER_OTHER;
    } else if (char === CLOSE_BRACE) {
      index += 1;
      if (braces.pop() === true) skipTemplate();
      previous = AFTER_OTHER;
    } else {
      index += 1;
      previous = AFTER_OTHER;
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
  return printImportsOf(usedCandidates(code, candidates), candidates);
}

/** The names of `candidates` that `code` uses, as {@link usedIdentifiers} finds them. */
function usedCandidates(code: string, candidates: readonly ImportCandidate[]): Set<string> {
  if (candidates.length === 0) return new Set();
  return scanIdentifiers(code, wantedNames(candidates.map((candidate) => candidate.name)));
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
  return withImportsOf(banner, code, usedCandidates(code, candidates), candidates);
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

/**
 * {@link withImportsOf} of a file given as `pieces` (their concatenation is the banner line, then
 * the code), printed in one join: a MB-sized domain file is copied once, not once per step.
 */
export function withImportsJoined(
  pieces: readonly string[],
  used: { has(name: string): boolean },
  candidates: readonly ImportCandidate[],
): string {
  const first = pieces[0] ?? '';
  const newline = first.indexOf('\n');
  if (newline < 0) {
    const text = pieces.join('');
    const at = text.indexOf('\n');
    if (at < 0) return withImportsOf(text, '', used, candidates);
    return withImportsOf(text.slice(0, at), text.slice(at + 1), used, candidates);
  }
  const imports = printImportsOf(used, candidates);
  const out = [first.slice(0, newline), imports === '' ? '\n\n' : `\n${imports}\n\n`];
  // The code's leading line breaks are dropped, as withImportsOf drops them.
  let leading = true;
  for (let at = 0; at < pieces.length; at++) {
    const piece = at === 0 ? first.slice(newline + 1) : pieces[at]!;
    if (!leading) {
      out.push(piece);
      continue;
    }
    const code = piece.replace(/^\n+/, '');
    if (code === '') continue;
    leading = false;
    out.push(code);
  }
  return out.join('');
}
