import { Command, Option } from './commander.js';
import type { CallFlags } from './call-action.js';
import { actorOption, addRuntimeFlags } from './runtime-flags.js';

/**
 * `contracts call <operation-key> --input <json|@file|-> [--actor] [--cwd] [--state-dir]
 * [--agents-dir]`: calls any operation through its domain's generated client over the
 * in-process transport into the app runtime's router, and prints the output as JSON. A
 * `ContractError` prints `{error: {code, status, message, details}}` on stderr; exit 2 when the
 * input is at fault (HTTP 400: VALIDATION_FAILED or a declared 400 error) and for an unknown
 * operation (NOT_FOUND), 1 for any other error. With `--url <base> [--token <t>]` the
 * call goes to a `contracts serve` through `httpTransport`; a network failure exits 1 with its message.
 * The action (call-action.ts), the generated clients and the runtime load only when it runs.
 */
export function callCommand(): Command {
  const command = new Command('call')
    .description(
      'Call any operation through its generated client and router, print its JSON output',
    )
    .argument('<operation-key>', 'e.g. harness.run.get or agent.status')
    .option('--input <json|@file|->', 'the input: inline JSON, @file or - for stdin (default: {})')
    .addOption(actorOption())
    .addOption(new Option('--url <base>', 'call a `contracts serve` at this URL over HTTP'))
    .addOption(
      new Option('--token <token>', 'bearer token for --url (its actor wins); needs --url'),
    )
    .addHelpText(
      'after',
      `
Local calls run in this process as --actor; with --url they go to a \`contracts serve\`, whose
token decides the actor. An --input path is relative to the current folder; paths inside the
input (suiteKey, …) resolve in --cwd.

Examples:
  $ npx contracts call harness.target.resolve
  $ npx contracts call agent.status --input '{"limit": 5}'
  $ npx contracts call agent.cancel --actor admin --input '{"runId": "run-…"}'

Exit codes:
  0  the output is printed as JSON on stdout
  1  the operation failed ({"error": {code, status, message, details}} on stderr)
  2  invalid input (HTTP 400), an unknown operation, or a usage error`,
    );
  return addRuntimeFlags(command, { agentsDir: true }).action(
    async (operationKey: string, flags: CallFlags) => {
      const { callOperation } = await import('./call-action.js');
      process.exitCode = await callOperation(operationKey, flags);
    },
  );
}
