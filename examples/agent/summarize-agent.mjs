#!/usr/bin/env node
// Example agent (issue #4): reads the run payload from stdin, writes summary.md and result.json
// into its own AGENT_ARTIFACTS_DIR, and prints one line. Any program that reads JSON on stdin can
// be an agent; the runtime captures stdout/stderr and lists every file of the folder as artifacts.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const { runId, agentKey, prompt, input, contextSnapshotId, mode } = JSON.parse(
  readFileSync(0, 'utf8'),
);
const words = (prompt ?? '').split(/\s+/).filter(Boolean);
const style = process.env.SUMMARY_STYLE ?? 'bullets';
const lines =
  style === 'bullets'
    ? words.slice(0, 5).map((word) => `- ${word}`)
    : [`The prompt has ${words.length} words, starting with "${words.slice(0, 3).join(' ')}".`];

const dir = process.env.AGENT_ARTIFACTS_DIR;
writeFileSync(join(dir, 'summary.md'), `# Summary of ${runId}\n\n${lines.join('\n')}\n`);
writeFileSync(
  join(dir, 'result.json'),
  `${JSON.stringify({ agentKey, contextSnapshotId, mode, words: words.length, inputKeys: Object.keys(input ?? {}) }, null, 2)}\n`,
);
process.stdout.write(`summarized ${words.length} words for ${runId}\n`);
