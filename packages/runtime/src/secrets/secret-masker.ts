import { StringDecoder } from 'node:string_decoder';

import { literalPassFor } from './literal-pass.js';
import { DEFAULT_MASK_LIMITS, type MaskLimits } from './mask-limits.js';
import { PassStage, StagePipeline, type MaskStage } from './pass-stage.js';
import { secretShapePasses } from './secret-shapes.js';

/** Options of a streaming masker. */
export interface SecretMaskerOptions {
  /** How far each secret shape is read (see `MaskLimits`); the same limits give the same output as `maskSecrets`. */
  readonly limits?: MaskLimits;
}

/**
 * `maskSecrets` over a stream: `write` takes chunks (strings, or Buffers of UTF-8 whose multi-byte
 * characters may be split across chunks) and returns the masked text settled so far; `end` returns
 * the rest. The concatenated output equals `maskSecrets(whole input, literals, limits)` however the
 * input is cut, so a secret split across chunks is masked. It holds back at most `holdbackChars`
 * UTF-16 code units (the longest literal plus each shape's window: 16 757 with the default
 * limits) plus one high surrogate, so output never ends inside a surrogate pair. Each `write` runs
 * in time linear in its chunk plus the holdback; for large chunks on an event loop, see
 * `maskSecretsAsync` and `maskChunks`.
 */
export class SecretMasker {
  /** The most UTF-16 code units held back between writes (besides one high surrogate). */
  readonly holdbackChars: number;
  readonly #pipeline: StagePipeline;
  readonly #decoder = new StringDecoder('utf8');
  #pendingHigh = '';

  constructor(literals: readonly string[] = [], options: SecretMaskerOptions = {}) {
    const literalPass = literalPassFor(literals);
    const shapes = secretShapePasses(options.limits ?? DEFAULT_MASK_LIMITS);
    const stages: MaskStage[] = [];
    if (literalPass !== null) stages.push(new PassStage(literalPass));
    for (const pass of shapes) stages.push(new PassStage(pass));
    this.#pipeline = new StagePipeline(stages);
    this.holdbackChars = shapes.reduce((sum, pass) => sum + pass.ahead, literalPass?.ahead ?? 0);
  }

  /** Masks the next chunk; returns the output now settled. */
  write(chunk: string | Buffer): string {
    const text =
      typeof chunk === 'string' ? this.#decoder.end() + chunk : this.#decoder.write(chunk);
    return this.#settle(this.#pipeline.write(text));
  }

  /** Ends the input (flushing an incomplete UTF-8 sequence as U+FFFD); returns the rest of the output. */
  end(): string {
    const rest = this.#pipeline.write(this.#decoder.end()) + this.#pipeline.end();
    const out = this.#pendingHigh + rest;
    this.#pendingHigh = '';
    return out;
  }

  #settle(output: string): string {
    const text = this.#pendingHigh + output;
    const last = text.charCodeAt(text.length - 1);
    if (last >= 0xd800 && last <= 0xdbff) {
      this.#pendingHigh = text.slice(-1);
      return text.slice(0, -1);
    }
    this.#pendingHigh = '';
    return text;
  }
}
