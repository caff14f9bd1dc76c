// Case script of the CLI tests: reads the case document on stdin and does what `case.input` says.
// input: { say?: string, stderr?: string, exitCode?: number, echoEnv?: string,
//          hang?: { pidFile: string } }  (hang: start a grandchild in this process group that
//          ignores SIGTERM, write "<pid> <grandchild pid>" to pidFile, then wait a minute)
import { spawn } from 'node:child_process';
import { writeFileSync } from 'node:fs';

let text = '';
process.stdin.setEncoding('utf8');
for await (const chunk of process.stdin) text += chunk;
const input = JSON.parse(text).case.input ?? {};

if (input.say) process.stdout.write(`${input.say}\n`);
if (input.stderr) process.stderr.write(`${input.stderr}\n`);
if (input.echoEnv) process.stdout.write(`${input.echoEnv}=${process.env[input.echoEnv] ?? ''}\n`);
if (input.hang) {
  const grandchild = spawn(
    process.execPath,
    ['-e', "process.on('SIGTERM', () => {}); setTimeout(() => {}, 60000);"],
    { stdio: 'ignore' },
  );
  writeFileSync(input.hang.pidFile, `${process.pid} ${grandchild.pid}`);
  setTimeout(() => {}, 60_000);
} else {
  process.exitCode = input.exitCode ?? 0;
}
