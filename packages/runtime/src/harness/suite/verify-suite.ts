import { problemsOfZodError, type Problem } from '../problems.js';
import {
  RULE_COLLECTIONS,
  RULE_NAMES,
  SUPPORT_COLLECTIONS,
  suiteSchema,
  type Suite,
} from './suite.js';

/** The outcome of `verifySuite`: `ok` is true exactly when `problems` is empty. */
export interface SuiteVerification {
  ok: boolean;
  problems: Problem[];
  /** The parsed suite when it is well-typed (even if cross-checks found problems). */
  suite?: Suite;
}

/**
 * Structural preflight of a suite document without executing anything (RAGit's `harness run`). Problems, in document order:
 * - every schema problem (types of every rule, unknown fields, id shapes), `path: message`;
 * - the suite has no case;
 * - an id used twice anywhere in the suite (cases and resources share one namespace);
 * - an `oracleRefs` entry that names nothing, or a support resource, or is repeated;
 * - a `resourceRefs` entry that names nothing, or a rule-bearing resource or case, or is repeated;
 * - a referenced rule-bearing resource without any rule.
 */
export function verifySuite(document: unknown): SuiteVerification {
  const parsed = suiteSchema.safeParse(document, { reportInput: true });
  if (!parsed.success) return { ok: false, problems: problemsOfZodError(parsed.error) };
  const suite = parsed.data;
  const problems: Problem[] = [];
  if (suite.cases.length === 0) problems.push({ path: 'cases', message: 'the suite has no case' });

  const kinds = new Map<string, { kind: string; path: string; hasRule?: boolean }>();
  const declare = (id: string, kind: string, path: string, hasRule?: boolean): void => {
    const first = kinds.get(id);
    if (first) {
      problems.push({
        path: `${path}.id`,
        message: `duplicate id ${JSON.stringify(id)} (first used at ${first.path})`,
      });
    } else kinds.set(id, { kind, path, hasRule });
  };
  suite.cases.forEach((testCase, index) => declare(testCase.id, 'case', `cases[${index}]`));
  for (const [collection, kind] of RULE_COLLECTIONS) {
    (suite[collection] ?? []).forEach((resource, index) => {
      const hasRule = RULE_NAMES.some((rule) => resource.rules?.[rule] !== undefined);
      declare(resource.id, kind, `${collection}[${index}]`, hasRule);
    });
  }
  for (const [collection, kind] of SUPPORT_COLLECTIONS) {
    (suite[collection] ?? []).forEach((resource, index) => {
      declare(resource.id, kind, `${collection}[${index}]`);
    });
  }

  const ruleKinds = new Set<string>(RULE_COLLECTIONS.map(([, kind]) => kind));
  const supportKinds = new Set<string>(SUPPORT_COLLECTIONS.map(([, kind]) => kind));
  suite.cases.forEach((testCase, caseIndex) => {
    const refFields = [
      ['oracleRefs', ruleKinds, 'an oracle, checker, rubric or golden'],
      ['resourceRefs', supportKinds, 'a fixture, trace or envAssumption'],
    ] as const;
    for (const [field, allowed, wanted] of refFields) {
      const seen = new Set<string>();
      (testCase[field] ?? []).forEach((id, refIndex) => {
        const path = `cases[${caseIndex}].${field}[${refIndex}]`;
        const target = kinds.get(id);
        if (seen.has(id))
          problems.push({ path, message: `duplicate reference ${JSON.stringify(id)}` });
        else if (!target)
          problems.push({ path, message: `unresolved reference ${JSON.stringify(id)}` });
        else if (!allowed.has(target.kind)) {
          const message = `${JSON.stringify(id)} is ${article(target.kind)} ${target.kind} (${target.path}), expected ${wanted}`;
          problems.push({ path, message });
        } else if (field === 'oracleRefs' && target.hasRule === false) {
          const message = `${target.kind} ${JSON.stringify(id)} (${target.path}) carries no rule`;
          problems.push({ path, message });
        }
        seen.add(id);
      });
    }
  });
  return { ok: problems.length === 0, problems, suite };
}

function article(noun: string): string {
  return /^[aeiou]/.test(noun) ? 'an' : 'a';
}
