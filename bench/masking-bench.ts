import { excerptOf } from '../packages/runtime/src/harness/execution/excerpt.js';
import { maskSecretsAsync } from '../packages/runtime/src/secrets/mask-async.js';
import { maskSecrets } from '../packages/runtime/src/secrets/mask-secrets.js';
import { SecretMasker } from '../packages/runtime/src/secrets/secret-masker.js';

const MIB = 1024 * 1024;
/** The size of a capture the harness keeps per stream. */
const CAPTURE = 8 * MIB;
/** The size the backtracking patterns are measured on where they are quadratic. */
const OLD_ADVERSARIAL = 16 * 1024;
/** Chunks the streaming masker is fed, as a child's pipe delivers them. */
const STREAM_CHUNK = 64 * 1024;
const RUNS = 3;

const LITERALS = Array.from(
  { length: 20 },
  (_, index) => `env-secret-${index}-${'k'.repeat(index)}`,
);

/** Output that made the backtracking patterns quadratic, or that makes the scanners match densely. */
const ADVERSARIAL: readonly (readonly [string, string])[] = [
  ['a.a.a.…', 'a.'],
  ['token repeated', 'token'],
  ['[A-Za-z0-9_.-] run', 'aZ9_.-'],
  ['eyJ- repeated', 'eyJ-'],
  ['bearer repeated', 'bearer '],
  ['URL credentials', 'http://u:p@'],
  ['quoted pairs', 'token= "'],
];

// The patterns as backtracking regular expressions, with literals masked by split/join: what
// masking was before the linear scanners, kept here to be measured in the same run.
const OLD_MASK = '***';
const OLD_PATTERNS: readonly (readonly [RegExp, string | ((...groups: string[]) => string)])[] = [
  [/\b([a-z][a-z0-9+.-]*:\/\/)[^\s/?#@:]+:[^\s/?#@]+@/gi, `$1${OLD_MASK}:${OLD_MASK}@`],
  [/\b(bearer)(\s+)[A-Za-z0-9\-._~+/]+=*/gi, `$1$2${OLD_MASK}`],
  [/\beyJ[A-Za-z0-9_-]{2,}\.[A-Za-z0-9_-]{2,}\.[A-Za-z0-9_-]*/g, OLD_MASK],
  [/\b(?:AKIA|ASIA|ABIA|ACCA|A3T[A-Z0-9])[A-Z0-9]{16}\b/g, OLD_MASK],
  [/\b(?:gh[pousr]_[A-Za-z0-9]{20,}|github_pat_[A-Za-z0-9_]{20,})/g, OLD_MASK],
  [/\b(?:sk-[A-Za-z0-9_-]{16,}|xox[abposr]-[A-Za-z0-9-]{10,}|AIza[0-9A-Za-z_-]{35})/g, OLD_MASK],
  [
    /\b([A-Za-z0-9_.-]*(?:secret|token|password|passwd|api[_-]?key|access[_-]?key|private[_-]?key)[A-Za-z0-9_.-]*)("?\s*[:=]\s*)("[^"\n]*"|'[^'\n]*'|[^\s"'&,;]+)/gi,
    (_match, key, separator, value) => {
      const quote = value?.startsWith('"') || value?.startsWith("'") ? value[0] : '';
      return `${key}${separator}${quote}${OLD_MASK}${quote}`;
    },
  ],
];

function oldMaskSecrets(text: string, literals: readonly string[]): string {
  let masked = text;
  const sorted = [...new Set(literals)]
    .filter((value) => value.length >= 4)
    .sort((a, b) => b.length - a.length || (a < b ? -1 : a > b ? 1 : 0));
  for (const literal of sorted) {
    if (masked.includes(literal)) masked = masked.split(literal).join(OLD_MASK);
  }
  for (const [pattern, replacement] of OLD_PATTERNS) {
    masked =
      typeof replacement === 'string'
        ? masked.replace(pattern, replacement)
        : masked.replace(pattern, replacement);
  }
  return masked;
}

/** A seeded PRNG (mulberry32). */
function seededRandom(seed: number): () => number {
  let state = seed | 0;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Log-like output of `length` characters: request lines, JSON logs, stack frames, now and then a secret. */
function ordinaryOutput(length: number): string {
  const random = seededRandom(1);
  const pick = <T>(values: readonly T[]): T => values[Math.floor(random() * values.length)]!;
  const lines: string[] = [];
  let size = 0;
  for (let index = 0; size < length; index += 1) {
    const ms = Math.floor(random() * 900);
    const line = pick([
      () =>
        `2024-06-01T12:00:${String(index % 60).padStart(2, '0')}.123Z INFO  [worker-${index % 4}] GET /api/v1/items?page=${index % 9}&sort=name 200 ${ms}ms user=alice`,
      () =>
        `{"level":"debug","msg":"cache hit","key":"items:${index}","took_ms":${random().toFixed(3)},"trace":"${index.toString(16)}"}`,
      () => `    at Object.<anonymous> (/srv/app/src/handlers/item-handler.ts:${ms}:17)`,
      () => `WARN retrying request ${index} after ${ms} ms: connect ECONNREFUSED 127.0.0.1:5432`,
      () => `✓ case-${index} passed in ${ms} ms — résumé naïve ünïcödé 😀`,
      () =>
        random() < 0.2
          ? `Authorization: Bearer abc${index}DEF.ghi-jkl_mno`
          : `password=hunter${index} ${LITERALS[index % LITERALS.length]}`,
    ])();
    lines.push(line);
    size += line.length + 1;
  }
  return lines.join('\n').slice(0, length);
}

function repeatedTo(unit: string, length: number): string {
  return unit.repeat(Math.ceil(length / unit.length)).slice(0, length);
}

/** The median of `runs` timings of `work`, in ms. */
async function medianMs(work: () => unknown, runs: number): Promise<number> {
  const times: number[] = [];
  for (let run = 0; run < runs; run += 1) {
    const started = performance.now();
    await work();
    times.push(performance.now() - started);
  }
  return times.sort((a, b) => a - b)[Math.floor(times.length / 2)]!;
}

function streamed(text: string): string {
  const masker = new SecretMasker(LITERALS);
  let out = '';
  for (let at = 0; at < text.length; at += STREAM_CHUNK) {
    out += masker.write(text.slice(at, at + STREAM_CHUNK));
  }
  return out + masker.end();
}

/** How many times faster the scanners are than the backtracking patterns: `1234.5` -> `1235x`, `0.5` -> `0.50x`. */
function ratio(oldMs: number, newMs: number): string {
  const times = oldMs / newMs;
  return `${times >= 10 ? Math.round(times) : times.toFixed(2)}x`;
}

function mibPerSecond(length: number, ms: number): string {
  return `${((length / MIB) * (1000 / ms)).toFixed(1)} MiB/s`;
}

/** One-shot, streaming and async throughput of the scanners on `text`, and the excerpt time, as one line. */
async function newFigures(text: string): Promise<string> {
  const oneShot = await medianMs(() => maskSecrets(text, LITERALS), RUNS);
  const stream = await medianMs(() => streamed(text), RUNS);
  const async = await medianMs(() => maskSecretsAsync(text, LITERALS), RUNS);
  const excerpt = await medianMs(() => excerptOf(text, LITERALS), RUNS);
  return (
    `one-shot ${mibPerSecond(text.length, oneShot)}, streaming ${mibPerSecond(text.length, stream)}, ` +
    `async ${mibPerSecond(text.length, async)}; excerptOf ${excerpt.toFixed(1)} ms`
  );
}

/**
 * The backtracking patterns next to the scanners on `unit` repeated: on 16 KiB when 4 times the
 * text took them over 8 times as long and over 50 ms (quadratic), else on the whole capture `text`.
 */
async function comparison(unit: string, text: string): Promise<string> {
  const small = repeatedTo(unit, OLD_ADVERSARIAL / 4);
  const large = repeatedTo(unit, OLD_ADVERSARIAL);
  const smallMs = await medianMs(() => oldMaskSecrets(small, LITERALS), 1);
  const largeMs = await medianMs(() => oldMaskSecrets(large, LITERALS), 1);
  const growth = largeMs / Math.max(smallMs, 0.01);
  // Quadratic: 4 times the text took over 8 times as long, and long enough to tell from noise.
  const measured = largeMs > 50 && growth > 8 ? large : text;
  const oldMs =
    measured === large ? largeMs : await medianMs(() => oldMaskSecrets(text, LITERALS), RUNS);
  maskSecrets(measured, LITERALS);
  const newMs = await medianMs(() => maskSecrets(measured, LITERALS), RUNS);
  const size = measured === large ? `${OLD_ADVERSARIAL / 1024} KiB` : `${CAPTURE / MIB} MiB`;
  return (
    `backtracking patterns on ${size} ${mibPerSecond(measured.length, oldMs)} (${oldMs.toFixed(0)} ms` +
    `${measured === large ? `, ${growth.toFixed(0)}x the 4 KiB time` : ''}); ratio ${ratio(oldMs, newMs)}`
  );
}

/**
 * Masking throughput, in MiB/s (of UTF-16 text, 2 bytes a character counted as 1), of the linear
 * scanners one-shot (`maskSecrets`), streaming (`SecretMasker` fed 64 KiB chunks) and async
 * (`maskSecretsAsync`) on 8 MiB of adversarial and of log-like output with 20 literals, with the
 * `excerptOf` time; next to the backtracking patterns measured in the same run on the same
 * text (16 KiB of the adversarial kinds where they are quadratic, else all 8 MiB), with the ratio
 * of the one-shot times. Asserts nothing.
 */
export async function runMaskingBench(): Promise<void> {
  console.log(
    `masking benchmark: ${CAPTURE / MIB} MiB captures, ${LITERALS.length} literals, median of ${RUNS}`,
  );
  for (const [name, unit] of ADVERSARIAL) {
    const text = repeatedTo(unit, CAPTURE);
    console.log(
      `  adversarial ${name}: ${await newFigures(text)}; ${await comparison(unit, text)}`,
    );
  }
  const ordinary = ordinaryOutput(CAPTURE);
  const oldMs = await medianMs(() => oldMaskSecrets(ordinary, LITERALS), RUNS);
  const newMs = await medianMs(() => maskSecrets(ordinary, LITERALS), RUNS);
  console.log(
    `  log-like output: ${await newFigures(ordinary)}; backtracking patterns ` +
      `${mibPerSecond(ordinary.length, oldMs)}; ratio ${ratio(oldMs, newMs)}`,
  );
}
