import { watchHarnessEvents, type CaseStatus } from 'contracts-runtime/harness';
import { STATUS_LABELS } from './harness-run-report.js';

/**
 * Prints a progress line per finished case on stderr, in the report's words:
 * `[2/4] PASS greets (exit 0, 58 ms) · 1.2 s elapsed`. On a terminal the line updates in place and
 * is cleared at the end. Returns the function that stops it.
 */
export function watchProgress(
  app: { timeline: Parameters<typeof watchHarnessEvents>[0] },
  total: number | undefined,
): () => void {
  const started = performance.now();
  const tty = process.stderr.isTTY === true;
  let done = 0;
  let stopped = false;
  const unsubscribe = watchHarnessEvents(app.timeline, (event) => {
    if (stopped || event.key !== 'harness.step.completed') return;
    done += 1;
    const seconds = ((performance.now() - started) / 1000).toFixed(1);
    const line = `[${done}/${total ?? '?'}] ${progressText(String(event.payload.summary ?? ''))} · ${seconds} s elapsed`;
    process.stderr.write(tty ? `\r\x1b[2K${line}` : `${line}\n`);
  });
  return () => {
    if (stopped) return;
    stopped = true;
    unsubscribe();
    if (tty && done > 0) process.stderr.write('\r\x1b[2K');
  };
}

const STEP_SUMMARY =
  /^(passed|failed|errored|skipped) (\S+)(?: \((?:exit (-?\d+)|signal \S+), (\d+) ms\))?(?:: (.*))?$/s;

/**
 * A step's summary (`errored x (signal none, 3 ms): …`, see the runtime's run mapping) in the
 * words of the report's case line: `ERROR x (no exit code, 3 ms): …`.
 */
function progressText(summary: string): string {
  const match = STEP_SUMMARY.exec(summary);
  if (!match) return summary;
  const [, status, caseId, exitCode, durationMs, why] = match;
  const label = STATUS_LABELS[status as CaseStatus];
  const exit = exitCode === undefined ? 'no exit code' : `exit ${exitCode}`;
  const head =
    durationMs === undefined
      ? `${label} ${caseId}`
      : `${label} ${caseId} (${exit}, ${durationMs} ms)`;
  return why === undefined ? head : `${head}: ${why}`;
}
