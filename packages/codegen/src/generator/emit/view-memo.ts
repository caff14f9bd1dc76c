import { keepsEmitMemos } from './emit-memo.js';

/**
 * Per-object memo of view parts for watch mode: the part built for an owner (a spec, a model, an
 * operation's names) and a key holding everything else it was built from, as text. A watch session
 * keeps unchanged specs and models as the same objects (parse-session.ts), so an unchanged owner
 * with an equal key gets the same part object back, which a {@link SegmentedTemplate} then does not
 * render again. Outside watch mode (no EmitMemo in the process) nothing is kept.
 */
export class ViewMemo<Owner extends object, Part> {
  private readonly parts = new WeakMap<Owner, { key: string; part: Part }>();

  /** `build()`, or the part built for the same owner and key last time. */
  of(owner: Owner, key: string, build: () => Part): Part {
    if (!keepsEmitMemos()) return build();
    const last = this.parts.get(owner);
    if (last && last.key === key) return last.part;
    const part = build();
    this.parts.set(owner, { key, part });
    return part;
  }
}
