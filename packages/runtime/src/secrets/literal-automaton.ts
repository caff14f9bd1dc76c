/** Above this many table cells (states × alphabet), transitions are followed by failure links instead of a table. */
const MAX_TABLE_CELLS = 1 << 22;
/** Table column of a state's longest literal; column 1 is every code unit no literal holds. */
const LONGEST_COLUMN = 0;
const UNKNOWN_SYMBOL = 1;
const NONE = -1;

/**
 * An Aho–Corasick automaton (Aho and Corasick, "Efficient string matching", CACM 1975) over the
 * reversed literals. Run right to left over a text, its state at index `i` is the longest suffix of
 * a literal that starts at `i`, so the longest literal starting at `i` is read off in O(1): one pass
 * gives, for every index, the longest literal starting there, in time linear in the text. Built in
 * time linear in the literals' total length (times the alphabet, when that fits a transition table
 * of 4 Mi cells). Literals are compared by UTF-16 code units; an empty literal is ignored.
 */
export class LiteralAutomaton {
  /** The longest literal, in UTF-16 code units. */
  readonly longest: number;
  readonly #symbolOf = new Uint16Array(0x10000).fill(UNKNOWN_SYMBOL);
  readonly #stride: number;
  /** Rows of `stride` cells: the state's longest literal, then the row offset of each transition. */
  readonly #table: Int32Array | null;
  // The trie: each state's first child and next sibling, the code unit leading to it, its failure link.
  readonly #firstChild: Int32Array;
  readonly #nextSibling: Int32Array;
  readonly #codeOf: Uint16Array;
  readonly #fail: Int32Array;
  readonly #longestEnding: Int32Array;
  /** The root's child for each symbol (0: none), so a failed match restarts in O(1). */
  readonly #rootChild: Int32Array;

  constructor(literals: readonly string[]) {
    let capacity = 1;
    for (const literal of literals) capacity += literal.length;
    const firstChild = new Int32Array(capacity).fill(NONE);
    const nextSibling = new Int32Array(capacity).fill(NONE);
    const codeOf = new Uint16Array(capacity);
    const depth = new Int32Array(capacity);
    const terminal = new Uint8Array(capacity);
    let states = 1;
    let symbols = UNKNOWN_SYMBOL;
    let longest = 0;
    for (const literal of literals) {
      longest = Math.max(longest, literal.length);
      let node = 0;
      for (let at = literal.length - 1; at >= 0; at -= 1) {
        const code = literal.charCodeAt(at);
        if (this.#symbolOf[code] === UNKNOWN_SYMBOL) this.#symbolOf[code] = ++symbols;
        let child = firstChild[node]!;
        while (child !== NONE && codeOf[child] !== code) child = nextSibling[child]!;
        if (child === NONE) {
          child = states++;
          codeOf[child] = code;
          depth[child] = depth[node]! + 1;
          nextSibling[child] = firstChild[node]!;
          firstChild[node] = child;
        }
        node = child;
      }
      if (node !== 0) terminal[node] = 1;
    }
    this.longest = longest;
    this.#firstChild = firstChild;
    this.#nextSibling = nextSibling;
    this.#codeOf = codeOf;
    this.#stride = symbols + 1;
    const rootChild = new Int32Array(this.#stride);
    for (let child = firstChild[0]!; child !== NONE; child = nextSibling[child]!) {
      rootChild[this.#symbolOf[codeOf[child]!]!] = child;
    }
    this.#rootChild = rootChild;
    const fail = new Int32Array(states);
    const longestEnding = new Int32Array(states);
    const order = new Int32Array(states);
    let queued = 0;
    for (let child = firstChild[0]!; child !== NONE; child = nextSibling[child]!)
      order[queued++] = child;
    for (let index = 0; index < queued; index += 1) {
      const node = order[index]!;
      longestEnding[node] = terminal[node] === 1 ? depth[node]! : longestEnding[fail[node]!]!;
      for (let child = firstChild[node]!; child !== NONE; child = nextSibling[child]!) {
        fail[child] = this.#step(fail[node]!, codeOf[child]!, fail);
        order[queued++] = child;
      }
    }
    this.#fail = fail;
    this.#longestEnding = longestEnding;
    this.#table =
      states * this.#stride <= MAX_TABLE_CELLS ? this.#buildTable(order, queued, states) : null;
  }

  /** The state after `state` reads `code`, following failure links (`fail` filled for shallower states). */
  #step(state: number, code: number, fail: Int32Array): number {
    const codeOf = this.#codeOf;
    const nextSibling = this.#nextSibling;
    for (let link = state; link !== 0; link = fail[link]!) {
      for (let child = this.#firstChild[link]!; child !== NONE; child = nextSibling[child]!) {
        if (codeOf[child] === code) return child;
      }
    }
    return this.#rootChild[this.#symbolOf[code]!]!;
  }

  /** The full transition table, rows in breadth-first order so a failure row is complete before it is copied. */
  #buildTable(order: Int32Array, count: number, states: number): Int32Array {
    const stride = this.#stride;
    const table = new Int32Array(states * stride);
    const fill = (node: number): void => {
      const row = node * stride;
      const failRow = this.#fail[node]! * stride;
      if (node !== 0) table.copyWithin(row, failRow, failRow + stride);
      table[row + LONGEST_COLUMN] = this.#longestEnding[node]!;
      for (let child = this.#firstChild[node]!; child !== NONE; child = this.#nextSibling[child]!) {
        table[row + this.#symbolOf[this.#codeOf[child]!]!] = child * stride;
      }
    };
    fill(0);
    for (let index = 0; index < count; index += 1) fill(order[index]!);
    return table;
  }

  /**
   * Finds where literals start in `text[from, to)`, reading `text[from, to + longest - 1)`: writes
   * each such index to `starts`, from the last to the first, and the length of the longest literal
   * starting there to the same index of `lengths`. Both arrays must hold at least `to - from`
   * entries. Returns how many indexes were written.
   */
  scanStarts(
    text: string,
    from: number,
    to: number,
    starts: Int32Array,
    lengths: Int32Array,
  ): number {
    const end = Math.min(text.length, to + this.longest - 1);
    const symbolOf = this.#symbolOf;
    let count = 0;
    if (this.#table !== null) {
      const table = this.#table;
      let row = 0;
      for (let at = end - 1; at >= to; at -= 1) row = table[row + symbolOf[text.charCodeAt(at)]!]!;
      for (let at = to - 1; at >= from; at -= 1) {
        row = table[row + symbolOf[text.charCodeAt(at)]!]!;
        const length = table[row + LONGEST_COLUMN]!;
        if (length !== 0) {
          starts[count] = at;
          lengths[count] = length;
          count += 1;
        }
      }
      return count;
    }
    const fail = this.#fail;
    const longestEnding = this.#longestEnding;
    let state = 0;
    for (let at = end - 1; at >= from; at -= 1) {
      state = this.#step(state, text.charCodeAt(at), fail);
      const length = longestEnding[state]!;
      if (at < to && length !== 0) {
        starts[count] = at;
        lengths[count] = length;
        count += 1;
      }
    }
    return count;
  }
}
