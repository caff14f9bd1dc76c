import { createAgentClient } from 'contracts-runtime/domains/agent';
import { createHarnessClient, isHarnessRunStartError } from 'contracts-runtime/domains/harness';
import { isContractError } from 'contracts-runtime/errors';
import { httpTransport } from 'contracts-runtime/http-transport';

/**
 * Where the server is, who calls, and what to run: a suite of the server's `suites/` folder and an
 * executor the server's operator defined in `executors/<name>.json`.
 */
export interface ScenarioOptions {
  readonly baseUrl: string;
  readonly token: string;
  readonly suiteKey: string;
  readonly executor: string;
  readonly agentKey: string;
  readonly prompt: string;
}

/** What the scenario read back, without ids or times, so two runs compare equal. */
export interface ScenarioReport {
  readonly declaredError: string;
  readonly harness: {
    readonly status: string;
    readonly steps: readonly { stepKey: string; status: string }[];
    readonly evidence: { readonly total: number; readonly kinds: readonly string[] };
    readonly evidenceGetMatchesList: boolean;
  };
  readonly agent: {
    readonly status: string;
    readonly artifacts: readonly { kind: string; name: string }[];
  };
}

const TERMINAL = new Set(['completed', 'failed', 'cancelled', 'rejected']);

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Runs a harness suite and an agent run against `contracts serve` through the generated typed
 * clients over HTTP, then reads back the run, its evidence and the agent's artifacts.
 * @throws ContractError / TransportError from the clients.
 */
export async function runScenario(options: ScenarioOptions): Promise<ScenarioReport> {
  const transport = httpTransport({ baseUrl: options.baseUrl, token: options.token });
  const harness = createHarnessClient(transport);
  const agent = createAgentClient(transport);

  let declaredError = 'none';
  try {
    await harness.run.start({});
  } catch (error) {
    if (isHarnessRunStartError(error)) declaredError = error.code;
    else if (isContractError(error)) declaredError = `other: ${error.code}`;
    else throw error;
  }

  const started = await harness.run.start({
    suiteKey: options.suiteKey,
    metadata: { executor: options.executor },
  });
  const { run } = await harness.run.get({ runId: started.run.runId });
  const evidence = await harness.evidence.list({ runId: run.runId });
  const first = evidence.artifacts[0];
  const fetched = first ? await harness.evidence.get({ artifactId: first.artifactId }) : undefined;

  const submitted = await agent.run({
    agentKey: options.agentKey,
    prompt: options.prompt,
    input: { source: 'consumer-app' },
  });
  let status = submitted.status;
  for (let attempt = 0; attempt < 300 && !TERMINAL.has(status); attempt++) {
    await sleep(100);
    status = (await agent.status({ runId: submitted.runId })).runs[0]?.status ?? 'missing';
  }
  const artifacts = await agent.artifacts({ runId: submitted.runId });

  return {
    declaredError,
    harness: {
      status: run.status,
      steps: run.steps.map((step) => ({ stepKey: step.stepKey, status: step.status })),
      evidence: {
        total: evidence.artifacts.length,
        kinds: [...new Set(evidence.artifacts.map((a) => a.kind))].sort(),
      },
      evidenceGetMatchesList: JSON.stringify(fetched?.artifact) === JSON.stringify(first),
    },
    agent: {
      status,
      artifacts: artifacts.artifacts
        .map((artifact) => ({
          kind: artifact.kind,
          name: artifact.uri.split('/').pop() ?? artifact.uri,
        }))
        .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0)),
    },
  };
}
