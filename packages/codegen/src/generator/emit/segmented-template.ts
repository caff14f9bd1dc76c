import { readFileSync } from 'node:fs';
import { sameList } from '../ir/same-list.js';
import { usedIdentifiers } from './import-printer.js';
import {
  renderTemplate,
  TEMPLATES_DIR,
  TEMPLATE_OPTIONS,
  templateEnvironment,
} from './render-template.js';
import { compileTemplate } from './template-compiler.js';

/** Where the skeleton prints segment `n`: `\0n\0` (generated text holds no NUL character). */
const MARKER = /\0(\d+)\0/;

/** One list item's rendered block and the identifiers it uses as code. */
interface Fragment {
  readonly text: string;
  readonly used: ReadonlySet<string>;
}

/** A `{{#each list}}` block of the template, rendered item by item. */
interface Segment {
  /** The view field the block iterates (`operations`). */
  readonly list: string;
  /** The placeholder field the skeleton prints the joined items through. */
  readonly slot: string;
  readonly item: HandlebarsTemplateDelegate;
  /** Each object item's fragment, valid as long as the item object is unchanged (views are plain data). */
  readonly fragments: WeakMap<object, Fragment>;
}

/**
 * A view field's text built from many parts, `parts.join(separator)`: a client's member list, a
 * registry's records. Handlebars prints it as that text (its `toString`); a
 * {@link SegmentedTemplate} prints it outside the skeleton and scans each part for identifiers
 * once per part string, so a rebuild where one part changed neither renders nor scans the rest
 * again. Each part is whole lines of code that close their strings, comments and template
 * literals (scanned alone, a part uses what it uses in place).
 */
export class JoinedText {
  private joined: string | undefined;

  constructor(
    readonly parts: readonly string[],
    readonly separator: string,
  ) {}

  toString(): string {
    return (this.joined ??= this.parts.join(this.separator));
  }
}

/** A rendered template: its text, in pieces, and what its code (after the banner line) uses. */
export interface RenderedTemplate {
  /** The text, `pieces.join('')` (joined on first use). */
  readonly text: string;
  /**
   * The text in the order printed: skeleton text, item fragments and joined-text parts, the first
   * piece holding the banner line. A caller that adds to the text (the import lines) joins these
   * once with its additions instead of copying a MB-sized `text` again.
   */
  readonly pieces: readonly string[];
  /**
   * True when the render under the same key last time had the same skeleton and item fragments:
   * `text` is then that render's string object.
   */
  readonly unchanged: boolean;
  /** The identifiers the code after the first line uses, as usedIdentifiers finds them. */
  readonly used: { has(name: string): boolean };
}

type Node = hbs.AST.Node & Record<string, unknown>;

/** True when `node` reads `@index`-style data or a parent context (`../x`) anywhere below it. */
function readsOutside(node: unknown): boolean {
  if (node === null || typeof node !== 'object') return false;
  const record = node as Node;
  if (record.type === 'PathExpression') {
    const path = node as hbs.AST.PathExpression;
    if (path.data || path.depth > 0 || path.original.startsWith('../')) return true;
  }
  return Object.entries(record).some(([key, value]) => key !== 'loc' && readsOutside(value));
}

function simpleListName(block: hbs.AST.BlockStatement): string | undefined {
  const [param] = block.params;
  if (block.params.length !== 1 || param?.type !== 'PathExpression') return undefined;
  const path = param as hbs.AST.PathExpression;
  if (path.data || path.depth !== 0 || path.parts.length !== 1) return undefined;
  return path.parts[0];
}

/**
 * A template split into a skeleton and its self-contained `{{#each list}}` blocks (those without
 * `{{else}}`, `@index`-style data or `../` paths, at any depth of `{{#if}}` but not inside another
 * block helper): rendering it renders each block once per item, memoized by the item object, and
 * prints the skeleton with the joined items in the block's place. Handlebars renders an each block
 * as exactly that concatenation (each item with itself as context), and the whitespace control of
 * standalone lines is applied when the template is parsed, before the split, so the text equals
 * `renderTemplate(name, view)` byte for byte. A watch session keeps the view items of unchanged
 * specs and models as the same objects, so a rebuild renders only the changed items.
 *
 * The skeleton is rendered first with a marker in each block's place, so the items of a block
 * under a false `{{#if}}` are never rendered. What the code uses is the union of the skeleton's
 * and the printed items' identifiers: an item is whole lines of declarations (strings, comments
 * and template literals close inside it), so scanning it alone finds what scanning it inside the
 * file finds; {@link JoinedText} fields are printed and scanned part by part the same way. A view
 * whose skeleton text holds a NUL character is rendered whole, as renderTemplate does.
 */
export class SegmentedTemplate {
  private readonly skeleton: HandlebarsTemplateDelegate;
  private readonly segments: Segment[] = [];
  private readonly skeletonScans = new Map<string, ReadonlySet<string>>();
  private readonly lastRenders = new Map<
    string,
    {
      skeleton: string;
      fragments: readonly Fragment[];
      joined: readonly JoinedText[];
      rendered: RenderedTemplate;
    }
  >();
  /** Per render key, what each {@link JoinedText} part of the last render uses. */
  private readonly partScans = new Map<string, Map<string, ReadonlySet<string>>>();

  /** @throws Error when `templates/<name>` is missing or does not parse. */
  constructor(private readonly name: string) {
    const program = templateEnvironment
      .compiler()
      .parse(readFileSync(TEMPLATES_DIR + name, 'utf8'));
    this.split(program);
    this.skeleton = compileTemplate(templateEnvironment, program, TEMPLATE_OPTIONS);
  }

  private split(program: hbs.AST.Program): void {
    program.body = program.body.map((statement) => {
      if (statement.type !== 'BlockStatement') return statement;
      const block = statement as hbs.AST.BlockStatement;
      const helper = (block.path as hbs.AST.PathExpression).original;
      if (helper === 'if' || helper === 'unless') {
        this.split(block.program);
        if (block.inverse) this.split(block.inverse);
        return statement;
      }
      const list = simpleListName(block);
      if (helper !== 'each' || list === undefined || block.inverse || readsOutside(block.program)) {
        return statement;
      }
      const slot = `segment${this.segments.length}`;
      const item = compileTemplate(
        templateEnvironment,
        { ...block.program, type: 'Program' } as hbs.AST.Program,
        TEMPLATE_OPTIONS,
      );
      this.segments.push({ list, slot, item, fragments: new WeakMap() });
      const path: hbs.AST.PathExpression = {
        type: 'PathExpression',
        data: false,
        depth: 0,
        parts: [slot],
        original: slot,
        loc: block.loc,
      };
      // No hash: Handlebars reads a mustache with params or a hash as a helper call.
      const mustache = {
        type: 'MustacheStatement',
        path,
        params: [],
        escaped: false,
        strip: { open: false, close: false },
        loc: block.loc,
      } as unknown as hbs.AST.MustacheStatement;
      return mustache;
    });
  }

  private fragmentOf(segment: Segment, item: unknown): Fragment {
    const cacheable = item !== null && typeof item === 'object';
    const known = cacheable ? segment.fragments.get(item) : undefined;
    if (known) return known;
    const text = segment.item(item);
    const fragment = { text, used: usedIdentifiers(text) };
    if (cacheable) segment.fragments.set(item, fragment);
    return fragment;
  }

  /**
   * The template rendered with `view`, and what its code uses. `key` names the file (its domain):
   * the last render under it is what `unchanged` compares with. Top-level {@link JoinedText}
   * fields are printed, like each blocks, in the places the skeleton marks.
   * @throws Error when a block's list is not an array, or the template reads a missing field.
   */
  render(view: object, key: string): RenderedTemplate {
    const fields = view as Record<string, unknown>;
    const joinedFields = Object.keys(fields).filter((name) => fields[name] instanceof JoinedText);
    const slots = this.segments.length;
    const markers = Object.fromEntries([
      ...this.segments.map((segment, index) => [segment.slot, `\0${index}\0`]),
      ...joinedFields.map((name, index) => [name, `\0${slots + index}\0`]),
    ]);
    const skeleton = this.skeleton({ ...view, ...markers });
    // Even positions: skeleton text; odd positions: the index of the slot printed there.
    const pieces = skeleton.split(MARKER);
    const printed = pieces.filter((_piece, index) => index % 2 === 1).map(Number);
    const firstLine = pieces[0]!.indexOf('\n');
    if (
      new Set(printed).size !== printed.length ||
      pieces.some((piece, index) => index % 2 === 0 && piece.includes('\0')) ||
      (printed.length > 0 && firstLine < 0)
    ) {
      return this.renderWhole(view);
    }
    const lists: (readonly Fragment[] | JoinedText)[] = printed.map((index) => {
      if (index >= slots) return fields[joinedFields[index - slots]!] as JoinedText;
      const segment = this.segments[index]!;
      const items = fields[segment.list];
      if (!Array.isArray(items)) throw new Error(`"${segment.list}" is not a list`);
      return items.map((item: unknown) => this.fragmentOf(segment, item));
    });
    const fragments = lists.flatMap((list) => (list instanceof JoinedText ? [] : list));
    const joined = lists.filter((list): list is JoinedText => list instanceof JoinedText);
    const last = this.lastRenders.get(key);
    if (
      last &&
      last.skeleton === skeleton &&
      sameList(last.fragments, fragments) &&
      last.joined.length === joined.length &&
      last.joined.every((text, index) => sameList(text.parts, joined[index]!.parts))
    ) {
      const { rendered } = last;
      return {
        pieces: rendered.pieces,
        used: rendered.used,
        unchanged: true,
        get text() {
          return rendered.text;
        },
      };
    }
    const outside = pieces.filter((_piece, index) => index % 2 === 0).join('');
    const code = outside.slice(outside.indexOf('\n') + 1);
    let scanned = this.skeletonScans.get(code);
    if (!scanned) {
      scanned = usedIdentifiers(code);
      if (this.skeletonScans.size >= 64) this.skeletonScans.clear();
      this.skeletonScans.set(code, scanned);
    }
    const used = [
      scanned,
      ...fragments.map((fragment) => fragment.used),
      ...this.scanParts(key, joined),
    ];
    const out: string[] = [];
    for (const [index, piece] of pieces.entries()) {
      if (index % 2 === 0) {
        out.push(piece);
        continue;
      }
      const list = lists[(index - 1) / 2]!;
      if (list instanceof JoinedText) {
        for (const [at, part] of list.parts.entries()) {
          if (at > 0) out.push(list.separator);
          out.push(part);
        }
      } else {
        for (const fragment of list) out.push(fragment.text);
      }
    }
    const rendered = renderedOf(out, {
      has: (name: string) => used.some((set) => set.has(name)),
    });
    this.lastRenders.set(key, { skeleton, fragments, joined, rendered });
    return rendered;
  }

  /** What each part of `joined` uses, scanned once per part string while renders under `key` print it. */
  private scanParts(key: string, joined: readonly JoinedText[]): ReadonlySet<string>[] {
    const known = this.partScans.get(key);
    const scans = new Map<string, ReadonlySet<string>>();
    for (const text of joined) {
      for (const part of text.parts) {
        if (scans.has(part)) continue;
        scans.set(part, known?.get(part) ?? usedIdentifiers(part));
      }
    }
    this.partScans.set(key, scans);
    return [...scans.values()];
  }

  /** The template rendered in one piece, as renderTemplate does, and what its code uses. */
  private renderWhole(view: object): RenderedTemplate {
    const text = renderTemplate(this.name, view);
    const newline = text.indexOf('\n');
    const used = usedIdentifiers(newline < 0 ? '' : text.slice(newline + 1));
    return renderedOf([text], used);
  }
}

/** A first render of `pieces`, whose text is joined only when asked for. */
function renderedOf(
  pieces: readonly string[],
  used: { has(name: string): boolean },
): RenderedTemplate {
  let text: string | undefined;
  return {
    pieces,
    unchanged: false,
    used,
    get text() {
      return (text ??= pieces.join(''));
    },
  };
}
