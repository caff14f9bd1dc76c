import type { Ir, Spec } from '../ir/ir-schema.js';
import { backlinksJson } from './docs-backlinks.js';
import type { DocsContext } from './docs-context.js';
import type { DocsPages } from './docs-links.js';
import { titleOf } from './docs-spec-parts.js';
import { sameList } from '../ir/same-list.js';
import { keepsEmitMemos } from './emit-memo.js';
import { domainOf } from './naming.js';

/**
 * What every spec page of one emit is printed from besides its own inputs: the IR's layout
 * ({@link layoutOf}: which pages exist, so every path and link), models and enums. One object per
 * run of equal values ({@link DocsPageMemo.begin}), so a page compares them by identity.
 */
export interface SharedPageInputs {
  readonly layout: string;
  readonly models: Ir['models'];
  readonly enums: Ir['enums'];
}

/** The specs' titles, in IR order. */
function titlesOf(ir: Ir): string {
  return ir.specs.map(titleOf).join('\n');
}

/** What one spec page was printed from, besides the spec itself and the emitter's options. */
interface PageInputs {
  readonly spec: Spec;
  readonly order: number;
  readonly shared: SharedPageInputs;
  /** The page's backlinks as JSON (the referring specs' keys, versions and places). */
  readonly backlinks: string;
  /**
   * Every spec the page looked up (`pages.find`, also behind `pages.link`), with the title of what
   * it found (undefined when none): what a page shows of another spec is its link, which follows the
   * layout, and its title.
   */
  readonly found: readonly { key: string; version: string; title: string | undefined }[];
}

function titleOrNone(spec: Spec | undefined): string | undefined {
  return spec === undefined ? undefined : titleOf(spec);
}

/** Each spec's kind, key, version and domain, in IR order: what page paths and links depend on. */
function layoutOf(ir: Ir): string {
  return ir.specs
    .map((spec) => `${spec.kind} ${spec.key} ${spec.version} ${domainOf(spec)}`)
    .join('\n');
}

/**
 * The spec pages of the docs emitter's last runs, each with what it was printed from, so that a
 * watch rebuild prints again only the pages whose inputs changed. A page reads other specs only
 * through the context's `pages` (titles in reference tables, link targets) and `backlinks`, and
 * models and enums through the IR's lists: each of them is recorded (the page's own spec by
 * identity, which the watch session keeps for unchanged specs; a spec it looked up by the title
 * found), so a page is reused only when every input is the same.
 */
export class DocsPageMemo {
  private readonly pages = new Map<string, { inputs: PageInputs; contents: string }>();
  private shared: SharedPageInputs | undefined;
  private titles: string | undefined;
  /**
   * True while the layout and every spec's title are those of the previous emit: every spec a page
   * looked up is then found with the title it had, so no page's lookups are checked again.
   */
  private titlesKept = false;

  /**
   * Starts an emit of `ir`: its {@link SharedPageInputs}, the previous emit's object when the
   * layout, models and enums are the same (compared once here, not per page); undefined in a
   * one-shot run (`keepsEmitMemos()` false), which keeps no page.
   */
  begin(ir: Ir): SharedPageInputs | undefined {
    if (!keepsEmitMemos()) return undefined;
    const layout = layoutOf(ir);
    const titles = titlesOf(ir);
    this.titlesKept = this.shared?.layout === layout && this.titles === titles;
    this.titles = titles;
    const last = this.shared;
    if (
      last?.layout === layout &&
      sameList(last.models, ir.models) &&
      sameList(last.enums, ir.enums)
    ) {
      return last;
    }
    this.shared = { layout, models: ir.models, enums: ir.enums };
    return this.shared;
  }

  /**
   * The contents of `spec`'s page at `path`: `print(ctx)` or the same page printed before.
   * Without `shared` (a one-shot emit: no {@link begin}) the page is printed and not kept.
   */
  page(
    ctx: DocsContext,
    spec: Spec,
    path: string,
    order: number,
    shared: SharedPageInputs | undefined,
    print: (ctx: DocsContext) => string,
  ): string {
    if (shared === undefined) return print(ctx);
    const backlinks = backlinksJson(ctx.backlinks.of(spec));
    const last = this.pages.get(path);
    if (
      last &&
      last.inputs.spec === spec &&
      last.inputs.order === order &&
      last.inputs.shared === shared &&
      last.inputs.backlinks === backlinks &&
      (this.titlesKept ||
        last.inputs.found.every(
          (entry) => titleOrNone(ctx.pages.find(entry.key, entry.version)) === entry.title,
        ))
    ) {
      return last.contents;
    }
    const found: PageInputs['found'][number][] = [];
    const recording: DocsPages = {
      pathOf: (target) => ctx.pages.pathOf(target),
      find: (key, version) => {
        const target = ctx.pages.find(key, version);
        found.push({ key, version, title: titleOrNone(target) });
        return target;
      },
      link: (key, version, fromDomain) => {
        found.push({ key, version, title: titleOrNone(ctx.pages.find(key, version)) });
        return ctx.pages.link(key, version, fromDomain);
      },
    };
    const contents = print({ ...ctx, pages: recording });
    const inputs = { spec, order, shared, backlinks, found };
    this.pages.set(path, { inputs, contents });
    return contents;
  }

  /** Forgets the pages not at `paths` (specs no longer in the IR). */
  keepOnly(paths: ReadonlySet<string>): void {
    for (const path of this.pages.keys()) if (!paths.has(path)) this.pages.delete(path);
  }
}
