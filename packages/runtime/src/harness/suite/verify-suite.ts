import { unknownNameHint } from '../../core/did-you-mean.js';
import { problemsOfZodError, type Problem } from '../problems.js';
import {
  RULE_COLLECTIONS,
  RULE_NAMES,
  SUPPORT_COLLECTIONS,
  suiteSchema,
  type Suite,
} from './suite.js';

/** One case of a suite document as verify saw it, even when the document does not parse. */
export interface CaseOutline {
  /** The case's id, or `cases[<index>]` when it has no string id. */
  id: string;
  /** Paths of the problems found inside this case (`cases[0].expected.mustInclud`). */
  problemPaths: string[];
}

/** The outcome of `verifySuite`: `ok` is true exactly when `problems` is empty. */
export interface SuiteVerification {
  ok: boolean;
  problems: Problem[];
  /** The parsed suite when it is well-typed (even if cross-checks found problems). */
  suite?: Suite;
  /** Every case of the document in order, with the problems inside it (also when `suite` is unset). */
  cases: CaseOutline[];
}

const CASE_FIELDS = ['id', 'title', 'input', 'expected', 'oracleRefs', 'resourceRefs'];
const RESOURCE_FIELDS = ['id', 'title', 'description', 'rules'];
const SUITE_FIELDS = [
  '$schema',
  'id',
  'title',
  'description',
  'cases',
  ...RULE_COLLECTIONS.map(([collection]) => collection),
  ...SUPPORT_COLLECTIONS.map(([collection]) => collection),
];

type Loose = Record<string, unknown>;

function isObject(value: unknown): value is Loose {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function arrayAt(document: Loose, key: string): unknown[] {
  const value = document[key];
  return Array.isArray(value) ? value : [];
}

/**
 * Adds "did you mean" and the valid names to an `unknown field` problem: rule fields under
 * `expected` or `rules`, case fields under `cases[i]`, resource fields under a collection entry,
 * suite fields at the top.
 */
function withFieldHint(problem: Problem): Problem {
  if (problem.message !== 'unknown field') return problem;
  const match = /^(?:(.*)\.)?([^.[\]]+)$/.exec(problem.path);
  const parent = match?.[1] ?? '';
  const name = match?.[2] ?? problem.path;
  let valid: readonly string[] | undefined;
  let what = 'fields';
  if (/(?:^|\.)(?:expected|rules)$/.test(parent)) {
    valid = RULE_NAMES;
    what = 'rule fields';
  } else if (/^cases\[\d+\]$/.test(parent)) {
    valid = CASE_FIELDS;
    what = 'case fields';
  } else if (/^(?:oracles|checkers|rubrics|goldens)\[\d+\]$/.test(parent)) {
    valid = RESOURCE_FIELDS;
    what = 'fields of a rule resource';
  } else if (parent === '') {
    valid = SUITE_FIELDS;
    what = 'suite fields';
  }
  if (valid === undefined) return problem;
  return { ...problem, message: `unknown field${unknownNameHint(name, valid, what)}` };
}

interface Declaration {
  kind: string;
  path: string;
  /** True when the declaration itself has a schema problem: references to it are not re-reported. */
  broken: boolean;
  hasRule: boolean;
}

/**
 * Structural preflight of a suite document without executing anything (RAGit's `harness run`).
 * Every problem is reported at once, one per root cause, in document order:
 * - every schema problem (types of every rule, unknown fields with the nearest valid name, id
 *   shapes), `path: message`;
 * - the suite has no case;
 * - an id used twice anywhere in the suite (cases and resources share one namespace);
 * - an `oracleRefs` entry that names nothing (with the nearest id), or a support resource, or is
 *   repeated; an unknown id referenced by several cases is reported once, at its first reference,
 *   naming the others;
 * - a `resourceRefs` entry alike, for fixtures, traces and envAssumptions;
 * - a referenced rule-bearing resource without any rule.
 * The cross-checks run on the document even when the schema fails; a reference to a resource that
 * is itself broken, or a "carries no rule" caused by a misspelt rule field, is folded into the
 * resource's own problem.
 */
export function verifySuite(document: unknown): SuiteVerification {
  const parsed = suiteSchema.safeParse(document, { reportInput: true });
  const problems: Problem[] = parsed.success
    ? []
    : problemsOfZodError(parsed.error).map(withFieldHint);
  const schemaPaths = problems.map((problem) => problem.path);
  const brokenAt = (path: string): boolean =>
    schemaPaths.some((p) => p === path || p.startsWith(`${path}.`) || p.startsWith(`${path}[`));
  const root = isObject(document) ? document : {};
  const cases = arrayAt(root, 'cases');
  if (Array.isArray(root.cases) && cases.length === 0) {
    problems.push({ path: 'cases', message: 'the suite has no case' });
  }

  const declared = new Map<string, Declaration>();
  const declare = (value: unknown, kind: string, path: string, hasRule = false): void => {
    if (!isObject(value) || typeof value.id !== 'string') return;
    const first = declared.get(value.id);
    if (first) {
      problems.push({
        path: `${path}.id`,
        message: `duplicate id ${JSON.stringify(value.id)} (first used at ${first.path})`,
      });
    } else declared.set(value.id, { kind, path, broken: brokenAt(path), hasRule });
  };
  cases.forEach((testCase, index) => declare(testCase, 'case', `cases[${index}]`));
  for (const [collection, kind] of RULE_COLLECTIONS) {
    arrayAt(root, collection).forEach((resource, index) => {
      const rules = isObject(resource) && isObject(resource.rules) ? resource.rules : {};
      const hasRule = RULE_NAMES.some((rule) => rules[rule] !== undefined);
      declare(resource, kind, `${collection}[${index}]`, hasRule);
    });
  }
  for (const [collection, kind] of SUPPORT_COLLECTIONS) {
    arrayAt(root, collection).forEach((resource, index) => {
      declare(resource, kind, `${collection}[${index}]`);
    });
  }

  const ruleKinds = new Set<string>(RULE_COLLECTIONS.map(([, kind]) => kind));
  const supportKinds = new Set<string>(SUPPORT_COLLECTIONS.map(([, kind]) => kind));
  const idsOfKinds = (kinds: Set<string>): string[] =>
    [...declared].filter(([, entry]) => kinds.has(entry.kind)).map(([id]) => id);
  const refFields = [
    ['oracleRefs', ruleKinds, 'an oracle, checker, rubric or golden', 'rule resource ids'],
    ['resourceRefs', supportKinds, 'a fixture, trace or envAssumption', 'support resource ids'],
  ] as const;
  /** First reference of each unknown id, so later ones are folded into it. */
  const unresolved = new Map<
    string,
    { problem: Problem; head: string; hint: string; others: string[] }
  >();
  cases.forEach((testCase, caseIndex) => {
    if (!isObject(testCase)) return;
    for (const [field, allowed, wanted, what] of refFields) {
      const refs = Array.isArray(testCase[field]) ? (testCase[field] as unknown[]) : [];
      const seen = new Set<string>();
      refs.forEach((id, refIndex) => {
        if (typeof id !== 'string') return;
        const path = `cases[${caseIndex}].${field}[${refIndex}]`;
        const target = declared.get(id);
        if (seen.has(id)) {
          problems.push({ path, message: `duplicate reference ${JSON.stringify(id)}` });
        } else if (!target) {
          const first = unresolved.get(id);
          if (first) first.others.push(path);
          else {
            const hint = unknownNameHint(id, idsOfKinds(allowed), what);
            const head = `unresolved reference ${JSON.stringify(id)}`;
            const problem = { path, message: `${head}${hint}` };
            unresolved.set(id, { problem, head, hint, others: [] });
            problems.push(problem);
          }
        } else if (target.broken) {
          // The resource's own problem is the root cause; this reference adds nothing.
        } else if (!allowed.has(target.kind)) {
          const message = `${JSON.stringify(id)} is ${article(target.kind)} ${target.kind} (${target.path}), expected ${wanted}`;
          problems.push({ path, message });
        } else if (field === 'oracleRefs' && !target.hasRule) {
          const message = `${target.kind} ${JSON.stringify(id)} (${target.path}) carries no rule`;
          problems.push({ path, message });
        }
        seen.add(id);
      });
    }
  });
  // The note belongs to the reference, so it comes before the list of valid ids.
  for (const { problem, head, hint, others } of unresolved.values()) {
    if (others.length > 0)
      problem.message = `${head} (also referenced at ${others.join(', ')})${hint}`;
  }

  const outline: CaseOutline[] = cases.map((testCase, index) => {
    const path = `cases[${index}]`;
    const id = isObject(testCase) && typeof testCase.id === 'string' ? testCase.id : path;
    const problemPaths = problems
      .map((problem) => problem.path)
      .filter((p) => p === path || p.startsWith(`${path}.`) || p.startsWith(`${path}[`));
    return { id, problemPaths };
  });
  const result: SuiteVerification = { ok: problems.length === 0, problems, cases: outline };
  if (parsed.success) result.suite = parsed.data;
  return result;
}

function article(noun: string): string {
  return /^[aeiou]/.test(noun) ? 'an' : 'a';
}
