import type { Generation } from '../cache/cached-generation.js';
import type { GenerateSettings } from '../config/resolve-settings.js';
import { createEmitters } from '../emit/all-emitters.js';
import { EmitMemo } from '../emit/emit-memo.js';
import type { Emitter } from '../emit/emitter.js';
import type { OutputFile } from '../emit/output-file.js';
import { emitAll } from '../emit-all.js';
import { hasErrors } from '../ir/build-ir.js';
import { IrFinisher } from '../ir/ir-finisher.js';
import { ParseSession } from '../parse/parse-session.js';

/** What a session's state was built for: another value starts it afresh (a config change). */
function sessionKeyOf(settings: GenerateSettings): string {
  return JSON.stringify(
    {
      rootDir: settings.rootDir,
      specsLabel: settings.specsLabel,
      emitters: settings.emitters,
    },
    (_key, value: unknown) => (value instanceof Set ? [...value].sort() : value),
  );
}

interface SessionState {
  readonly key: string;
  readonly parser: ParseSession;
  readonly finisher: IrFinisher;
  readonly emitters: readonly Emitter[];
  readonly memo: EmitMemo;
}

/**
 * Generation for watch mode: the parser's state (parse-session.ts), the checked IR parts
 * (ir-finisher.ts) and the emitters' last outputs (emit-memo.ts) are kept from one rebuild to the
 * next, so a rebuild after editing one spec re-reads the files it is told changed (or every file),
 * re-parses and re-extracts only what changed, and re-runs only the emitters whose inputs changed.
 * The files are those a one-shot generation of the same inputs gives, byte for byte (test/watch
 * checks it on random edit sequences). Settings with another root folder, spec label or surface
 * options (a config change) start the state afresh.
 */
export class GenerationSession {
  private state: SessionState | undefined;

  private stateFor(settings: GenerateSettings): SessionState {
    const key = sessionKeyOf(settings);
    if (this.state?.key !== key) {
      this.state = {
        key,
        parser: new ParseSession(),
        finisher: new IrFinisher(),
        emitters: createEmitters(settings.emitters),
        memo: new EmitMemo(),
      };
    }
    return this.state;
  }

  /**
   * Parses, validates and emits what `settings` names, reusing what did not change since the
   * previous call. `changed`, when given, lists the only files read before that may have changed
   * since (a watcher's change events; see ParseSession.parse); without it, every one is read
   * again. `files` is undefined when a diagnostic is an error. `onEmitted` gets each emitter's
   * formatted files as they are done (emitAll); it is not called when a diagnostic is an error.
   * @throws Error when a spec file cannot be read or an emitter fails (see emitAll).
   */
  async generate(
    settings: GenerateSettings,
    changed?: readonly string[],
    onEmitted?: (files: readonly OutputFile[]) => void,
  ): Promise<Generation> {
    const state = this.stateFor(settings);
    const started = performance.now();
    const parsed = state.parser.parse(
      settings.specFiles,
      settings.rootDir,
      settings.specsLabel,
      changed,
    );
    const ir = state.finisher.finish(parsed.ir);
    const parseMs = performance.now() - started;
    const counts = {
      specs: ir.specs.length,
      models: ir.models.length,
      diagnostics: ir.diagnostics,
    };
    const inputs = parsed.inputs;
    if (hasErrors(ir)) {
      return {
        ...counts,
        files: undefined,
        fileCount: 0,
        cached: false,
        inputs,
        parseMs,
        emitMs: 0,
      };
    }
    const emitStarted = performance.now();
    const files = await emitAll(ir, state.emitters, state.memo, onEmitted);
    const emitMs = performance.now() - emitStarted;
    return { ...counts, files, fileCount: files.length, cached: false, inputs, parseMs, emitMs };
  }
}
