// Example case script for `contracts harness run`: reads one case document from stdin
// ({version, suite, case: {id, title, input, expected}, resources}) and answers on stdout/stderr.
let text = '';
process.stdin.setEncoding('utf8');
for await (const chunk of process.stdin) text += chunk;
const document = JSON.parse(text);
const input = document.case.input ?? {};
const name = input.name ?? 'world';

if (process.env.EXAMPLE_API_KEY) {
  // Shows masking: the run's excerpts print this value as ***.
  process.stderr.write(`debug: using key ${process.env.EXAMPLE_API_KEY}\n`);
}
if (input.warn) process.stderr.write(`warning: ${name} was asked to warn\n`);

if (input.format === 'json') {
  const fixtures = document.resources.fixtures.map((fixture) => fixture.id);
  process.stdout.write(
    `${JSON.stringify({ greeting: `hello, ${name}`, fixtures, items: [1, 2, 3] })}\n`,
  );
} else {
  process.stdout.write(`hello, ${name}\n`);
}
process.exitCode = input.exitCode ?? 0;
