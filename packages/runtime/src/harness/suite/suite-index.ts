import { HarnessInputError } from '../problems.js';
import {
  RULE_COLLECTIONS,
  SUPPORT_COLLECTIONS,
  type RuleCollection,
  type RuleResource,
  type RuleSet,
  type Suite,
  type SuiteCase,
  type SupportCollection,
  type SupportResource,
} from './suite.js';

/** Where an id lives in a suite. */
export type IndexedEntry =
  | { kind: 'case'; value: SuiteCase }
  | {
      kind: 'rule';
      collection: RuleCollection;
      source: (typeof RULE_COLLECTIONS)[number][1];
      value: RuleResource;
    }
  | { kind: 'support'; collection: SupportCollection; source: string; value: SupportResource };

/** The rule-bearing resources and support resources one case references, in reference order. */
export type CaseResources = Record<RuleCollection, RuleResource[]> &
  Record<SupportCollection, SupportResource[]>;

/**
 * One source of rules for a case: its own `expected` (`source: 'case'`) or a referenced oracle,
 * checker, rubric or golden. `name` prefixes its check names: `case.greets`, `oracle.says-world`.
 */
export interface RuleSource {
  source: 'case' | 'oracle' | 'checker' | 'rubric' | 'golden';
  id: string;
  name: string;
  rules: RuleSet;
}

/**
 * Ids of a suite mapped to their entries (first occurrence wins; `verifySuite` reports duplicates).
 * Resolves what a case references; an unresolved or misplaced reference throws
 * `HarnessInputError` (a suite that passed `verifySuite` never does).
 */
export class SuiteIndex {
  private readonly entries = new Map<string, IndexedEntry>();

  constructor(readonly suite: Suite) {
    for (const testCase of suite.cases) this.add(testCase.id, { kind: 'case', value: testCase });
    for (const [collection, source] of RULE_COLLECTIONS) {
      for (const value of suite[collection] ?? []) {
        this.add(value.id, { kind: 'rule', collection, source, value });
      }
    }
    for (const [collection, source] of SUPPORT_COLLECTIONS) {
      for (const value of suite[collection] ?? []) {
        this.add(value.id, { kind: 'support', collection, source, value });
      }
    }
  }

  /** The entry of `id`, or undefined. */
  get(id: string): IndexedEntry | undefined {
    return this.entries.get(id);
  }

  /** The resources `testCase` references, each once, grouped by collection. */
  resourcesOf(testCase: SuiteCase): CaseResources {
    const resources: CaseResources = {
      oracles: [],
      checkers: [],
      rubrics: [],
      goldens: [],
      fixtures: [],
      traces: [],
      envAssumptions: [],
    };
    for (const entry of this.ruleEntriesOf(testCase)) resources[entry.collection].push(entry.value);
    const seen = new Set<string>();
    for (const [index, id] of (testCase.resourceRefs ?? []).entries()) {
      if (seen.has(id)) continue;
      seen.add(id);
      const entry = this.entries.get(id);
      if (entry?.kind !== 'support') throw this.unresolved(testCase, 'resourceRefs', index, id);
      resources[entry.collection].push(entry.value);
    }
    return resources;
  }

  /** The rule sources of `testCase`: its own `expected` first (when present), then its oracleRefs. */
  ruleSourcesOf(testCase: SuiteCase): RuleSource[] {
    const sources: RuleSource[] = [];
    if (testCase.expected !== undefined) {
      sources.push({
        source: 'case',
        id: testCase.id,
        name: `case.${testCase.id}`,
        rules: testCase.expected,
      });
    }
    for (const entry of this.ruleEntriesOf(testCase)) {
      const { source, value } = entry;
      sources.push({
        source,
        id: value.id,
        name: `${source}.${value.id}`,
        rules: value.rules ?? {},
      });
    }
    return sources;
  }

  private ruleEntriesOf(testCase: SuiteCase): Extract<IndexedEntry, { kind: 'rule' }>[] {
    const result: Extract<IndexedEntry, { kind: 'rule' }>[] = [];
    const seen = new Set<string>();
    for (const [index, id] of (testCase.oracleRefs ?? []).entries()) {
      if (seen.has(id)) continue;
      seen.add(id);
      const entry = this.entries.get(id);
      if (entry?.kind !== 'rule') throw this.unresolved(testCase, 'oracleRefs', index, id);
      result.push(entry);
    }
    return result;
  }

  private add(id: string, entry: IndexedEntry): void {
    if (!this.entries.has(id)) this.entries.set(id, entry);
  }

  private unresolved(
    testCase: SuiteCase,
    field: string,
    index: number,
    id: string,
  ): HarnessInputError {
    const path = `cases[${this.suite.cases.indexOf(testCase)}].${field}[${index}]`;
    return new HarnessInputError([{ path, message: `unresolved reference ${JSON.stringify(id)}` }]);
  }
}
