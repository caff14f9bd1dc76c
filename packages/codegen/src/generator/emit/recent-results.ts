import { sameList } from '../ir/same-list.js';
import { keepsEmitMemos } from './emit-memo.js';

/**
 * The results of a pure function for its latest few distinct inputs, each input given as one flat
 * list compared item by item with `===` ({@link sameList}: objects by identity, strings by text).
 * A watch session keeps the objects of unchanged specs, models and enums, so a rebuild after one
 * edit finds most derived facts of a domain (a banner's sorted file list, the models it declares,
 * their declaration order) under the same items, and gets the same result object back without
 * deriving it again. A one-shot run (`keepsEmitMemos()` false) derives every time and keeps
 * nothing.
 */
export class RecentResults<Result> {
  private readonly entries: { readonly inputs: readonly unknown[]; readonly result: Result }[] = [];

  /** `size`: how many distinct inputs are kept, the most recently used first. */
  constructor(private readonly size = 8) {}

  /**
   * The result kept for `inputs`, or `derive()` (then kept, dropping the least recently used).
   * @throws whatever `derive` throws; nothing is kept then.
   */
  of(inputs: readonly unknown[], derive: () => Result): Result {
    if (!keepsEmitMemos()) return derive();
    const at = this.entries.findIndex((entry) => sameList(entry.inputs, inputs));
    if (at >= 0) {
      const entry = this.entries[at]!;
      if (at > 0) this.entries.unshift(...this.entries.splice(at, 1));
      return entry.result;
    }
    const result = derive();
    this.entries.unshift({ inputs, result });
    if (this.entries.length > this.size) this.entries.pop();
    return result;
  }
}
