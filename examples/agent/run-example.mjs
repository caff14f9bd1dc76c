#!/usr/bin/env node
// Submits one run of the example agent through the generated agent client, lets an in-process
// worker execute it, and prints its status and artifacts. Run `npm run build` first, then, from
// the project root: node examples/agent/run-example.mjs "your prompt"
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createAgentClient } from '../../dist/generated/agent/client.js';
import { createAppRuntime } from '../../dist/runtime/app-runtime.js';
import { localTransport } from '../../dist/runtime/local-transport.js';
import { resolveRuntimeOptions } from '../../dist/runtime/runtime-options.js';

const options = resolveRuntimeOptions({
  agentsDir: 'examples/agent/agents',
  stateDir: mkdtempSync(join(tmpdir(), 'agent-example-')),
  agentWorker: 'in-process',
});
const app = await createAppRuntime(options);
const client = createAgentClient(
  localTransport(app.routerFor('agent.run'), {
    actor: { kind: 'user', id: 'example' },
    onEvent: app.onEvent,
  }),
);
try {
  const prompt = process.argv[2] ?? 'Summarize the open pull requests of this week';
  const { runId, status } = await client.run({
    agentKey: 'summarize',
    prompt,
    input: { repo: 'demo' },
  });
  console.log(`submitted ${runId} (${status})`);
  let run;
  do {
    await new Promise((resolve) => setTimeout(resolve, 200));
    [run] = (await client.status({ runId })).runs;
  } while (run.status === 'queued' || run.status === 'running');
  console.log(`ended ${run.status}${run.lastError ? `: ${run.lastError}` : ''}`);
  for (const artifact of (await client.artifacts({ runId })).artifacts) {
    console.log(
      `${artifact.kind.padEnd(6)} ${artifact.contentType} ${artifact.summary} ${artifact.uri}`,
    );
  }
  console.log(`state directory: ${options.stateDir}`);
} finally {
  await app.close();
}
