import { swallowTail, tailAfter, type MaskedTail } from './masked-tail.js';
import type { ShapePass } from './shape-pass.js';
import { TextBuilder } from './text-builder.js';

/** One step of a streaming pipeline: takes text, returns the part of its output that is settled. */
export interface MaskStage {
  /** Appends `text`; returns the output no later input can change (possibly ''). */
  write(text: string): string;
  /** Ends the input; returns the rest of the output. The stage may then be written again from scratch. */
  end(): string;
}

/**
 * A pass run over a stream: holds back the last `pass.ahead` characters until more input (or the
 * end) shows how they are masked, and keeps `pass.behind` characters of context, so its output
 * equals `maskWithPass(pass, input)` however the input is cut into writes.
 */
export class PassStage implements MaskStage {
  readonly #pass: ShapePass;
  #buffer = '';
  #from = 0;
  #tail: MaskedTail | null = null;

  constructor(pass: ShapePass) {
    this.#pass = pass;
  }

  write(text: string): string {
    if (text.length === 0) return '';
    this.#buffer += text;
    return this.#run(false);
  }

  end(): string {
    const out = this.#run(true);
    this.#buffer = '';
    this.#from = 0;
    this.#tail = null;
    return out;
  }

  #run(final: boolean): string {
    const text = this.#buffer;
    const out = new TextBuilder();
    if (this.#tail !== null) {
      const next = swallowTail(this.#tail, text, this.#from, final, out);
      if (next < 0) {
        this.#tail = tailAfter(this.#tail, text, this.#from);
        this.#from = text.length;
      } else {
        this.#tail = null;
        this.#from = next;
      }
    }
    if (this.#tail === null) {
      const limit = final ? text.length : text.length - this.#pass.ahead;
      if (limit > this.#from) {
        const result = this.#pass.scan(text, this.#from, limit, final, out);
        this.#from = result.next;
        this.#tail = result.tail;
      }
    }
    const keep = this.#from - this.#pass.behind;
    if (keep > 0) {
      this.#buffer = text.slice(keep);
      this.#from -= keep;
    }
    return out.toString();
  }
}

/** Stages run one after the other, each on the settled output of the one before. */
export class StagePipeline implements MaskStage {
  readonly #stages: readonly MaskStage[];

  constructor(stages: readonly MaskStage[]) {
    this.#stages = stages;
  }

  write(text: string): string {
    let settled = text;
    for (const stage of this.#stages) settled = stage.write(settled);
    return settled;
  }

  end(): string {
    let settled = '';
    for (const stage of this.#stages) settled = stage.write(settled) + stage.end();
    return settled;
  }
}
