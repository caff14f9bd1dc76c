// Precompiles the Handlebars templates a one-shot `contracts generate` compiles, after `tsc -b`:
// runs every emitter once over a small built-in contract, records each compilation the generator
// makes (template-compiler.ts) and writes their Handlebars specifications to
// dist/generator/emit/precompiled-templates.cjs, which the generator loads instead of compiling.
// The module is written afresh each build, so templates changed since the last one are recompiled.
import { createRequire } from 'node:module';
import { rmSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const dist = new URL('../dist/generator/', import.meta.url);
const target = fileURLToPath(new URL('emit/precompiled-templates.cjs', dist));
rmSync(target, { force: true });

const { recordCompilations } = await import(new URL('emit/template-compiler.js', dist).href);
const { parseSources } = await import(new URL('parse/parse-specs.js', dist).href);
const { finishIr, hasErrors } = await import(new URL('ir/build-ir.js', dist).href);
const { emitAll } = await import(new URL('emit-all.js', dist).href);
const Handlebars = createRequire(import.meta.url)('handlebars');

const SPEC = `import { defineCommand, ScalarTypeEnum, SchemaModel } from '@contractspec/lib.contracts-spec';
const Ping = new SchemaModel({ name: 'Ping', fields: { id: { type: ScalarTypeEnum.String_unsecure(), isOptional: false } } });
export const PingCommand = defineCommand({
  meta: { key: 'x.ping', version: '1.0.0', title: 'Ping', description: 'Pings.', goal: 'Ping.', context: 'Tests.', owners: ['x'], tags: ['x'], stability: 'experimental' },
  io: { input: Ping, output: Ping },
  policy: { auth: 'user' },
});
`;

const compilations = recordCompilations();
const ir = finishIr(parseSources({ 'specs/x/ping.ts': SPEC }));
if (hasErrors(ir)) {
  throw new Error(`the built-in contract has errors: ${JSON.stringify(ir.diagnostics, null, 2)}`);
}
await emitAll(ir);
const entries = compilations.map(
  ({ key, input, options }) =>
    `  ${JSON.stringify(key)}: ${Handlebars.precompile(input, options)},\n`,
);
writeFileSync(
  target,
  `// Written by scripts/precompile-templates.mjs; do not edit.\nmodule.exports = {\n${entries.join('')}};\n`,
);
console.log(`precompiled ${entries.length} templates into ${target}`);
