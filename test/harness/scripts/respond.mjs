// Test case script: reads the case document from stdin and does what `case.input` says.
// input: { stdout?: string[], stderr?: string[], pauseMs?: number, exitCode?: number,
//          echoDocument?: boolean, echoEnv?: string, sleepMs?: number }
let text = '';
process.stdin.setEncoding('utf8');
for await (const chunk of process.stdin) text += chunk;
const document = JSON.parse(text);
const input = document.case.input ?? {};
const pause = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
const write = (stream, piece) => new Promise((resolve) => stream.write(piece, resolve));

if (input.sleepMs) await pause(input.sleepMs);
if (input.echoDocument) await write(process.stdout, JSON.stringify(document));
if (input.echoEnv)
  await write(process.stdout, `${input.echoEnv}=${process.env[input.echoEnv] ?? ''}\n`);
if (input.echoCwd) await write(process.stdout, process.cwd());
for (const piece of input.stdout ?? []) {
  await write(process.stdout, piece);
  if (input.pauseMs) await pause(input.pauseMs);
}
for (const piece of input.stderr ?? []) await write(process.stderr, piece);
process.exitCode = input.exitCode ?? 0;
