/**
 * The texts `contracts init` writes: the config file, a first contract of one domain (constants,
 * a model, a command, an event and the capability providing both), and the next steps it prints.
 * Pure functions of the domain name; `init-command.ts` decides where and whether to write them.
 */

/** The domain `contracts init` uses when none is given. */
export const DEFAULT_DOMAIN = 'todo';

/** What a domain name must look like: lowercase, a letter first, then letters, digits or `-`. */
export const DOMAIN_PATTERN = /^[a-z][a-z0-9-]*$/;

/** The config file `contracts init` writes, relative to the project folder. */
export const CONFIG_FILE = 'contracts.config.json';

/** The folder of the contracts, relative to the project folder (matches the config's `specs`). */
export const CONTRACTS_DIR = 'contracts';

/** The folder `contracts generate` writes to (the config's `out`). */
export const OUT_DIR = 'src/generated';

/** The script `contracts init` adds to an existing `package.json`. */
export const CODEGEN_SCRIPT = { name: 'codegen', command: 'contracts generate' } as const;

/** The packages a project needs: `dev` at build time, `runtime` at run time. */
export const REQUIRED_PACKAGES = {
  dev: ['contracts-codegen', 'typescript'],
  runtime: ['contracts-runtime', 'zod'],
} as const;

/** One file to write: its path relative to the project folder (always `/`), and its text. */
export interface InitFile {
  readonly path: string;
  readonly text: string;
}

/** The spellings of a domain name the contract files use. */
export interface DomainNames {
  /** As given: `todo`, `order-book`. */
  readonly domain: string;
  /** `Todo`, `OrderBook`: the generator's own spelling (`create<Pascal>Client`). */
  readonly pascal: string;
  /** `todo`, `orderBook`: file name prefixes. */
  readonly camel: string;
  /** `TODO`, `ORDER_BOOK`: the prefix of the shared constants. */
  readonly constant: string;
  /** `Todo`, `Order Book`: titles. */
  readonly title: string;
  /** `todo`, `order book`: prose. */
  readonly words: string;
}

/**
 * The spellings of `domain`.
 * @throws Error when `domain` does not match {@link DOMAIN_PATTERN} (callers validate first).
 */
export function domainNames(domain: string): DomainNames {
  if (!DOMAIN_PATTERN.test(domain)) {
    throw new Error(`invalid domain name ${JSON.stringify(domain)}`);
  }
  const parts = domain.split('-').filter(Boolean);
  const capitalized = parts.map((part) => part[0]!.toUpperCase() + part.slice(1));
  const pascal = capitalized.join('');
  return {
    domain,
    pascal,
    camel: pascal[0]!.toLowerCase() + pascal.slice(1),
    constant: parts.map((part) => part.toUpperCase()).join('_'),
    title: capitalized.join(' '),
    words: parts.join(' '),
  };
}

/** The text of `contracts.config.json`: the schema reference, the spec globs and the output folder. */
export function configFileText(): string {
  const config = {
    $schema: './node_modules/contracts-codegen/schemas/contracts.config.schema.json',
    specs: [`${CONTRACTS_DIR}/**/*.ts`],
    out: OUT_DIR,
  };
  return JSON.stringify(config, null, 2) + '\n';
}

function constantsText(n: DomainNames): string {
  return `import { StabilityEnum } from 'contracts-codegen/language';

/** Domain of every ${n.words} contract. */
export const ${n.constant}_DOMAIN = '${n.domain}';

/** Owners of every ${n.words} contract. */
export const ${n.constant}_OWNERS = ['team.${n.domain}'] as const;

/** Base tags of every ${n.words} contract; each contract appends its own extra tags. */
export const ${n.constant}_TAGS = ['${n.domain}'] as const;

/** Stability of every ${n.words} contract. */
export const ${n.constant}_STABILITY = StabilityEnum.Experimental;
`;
}

function modelsText(n: DomainNames): string {
  return `import { ScalarTypeEnum, SchemaModel } from 'contracts-codegen/language';

export const ${n.pascal}ItemModel = new SchemaModel({
  name: '${n.pascal}Item',
  description: 'One ${n.words} item.',
  fields: {
    id: { type: ScalarTypeEnum.ID(), isOptional: false },
    title: { type: ScalarTypeEnum.NonEmptyString(), isOptional: false },
    done: { type: ScalarTypeEnum.Boolean(), isOptional: false },
    createdAt: { type: ScalarTypeEnum.DateTime(), isOptional: false },
  },
});
`;
}

function constantsImport(n: DomainNames): string {
  return `import {
  ${n.constant}_DOMAIN,
  ${n.constant}_OWNERS,
  ${n.constant}_STABILITY,
  ${n.constant}_TAGS,
} from './constants.js';`;
}

function metaCommon(n: DomainNames, extraTags: readonly string[]): string {
  const tags = [`...${n.constant}_TAGS`, ...extraTags.map((tag) => `'${tag}'`)].join(', ');
  return `    domain: ${n.constant}_DOMAIN,
    owners: ${n.constant}_OWNERS,
    tags: [${tags}],
    stability: ${n.constant}_STABILITY,`;
}

function commandText(n: DomainNames): string {
  return `import { ScalarTypeEnum, SchemaModel, defineCommand } from 'contracts-codegen/language';
${constantsImport(n)}
import { ${n.pascal}ItemModel } from './models.js';
import { ${n.pascal}CreatedEvent } from './${n.camel}Created.event.js';

const ${n.pascal}CreateInput = new SchemaModel({
  name: '${n.pascal}CreateInput',
  fields: {
    title: { type: ScalarTypeEnum.NonEmptyString(), isOptional: false },
  },
});

const ${n.pascal}CreateOutput = new SchemaModel({
  name: '${n.pascal}CreateOutput',
  fields: {
    item: { type: ${n.pascal}ItemModel, isOptional: false },
  },
});

export const ${n.pascal}CreateCommand = defineCommand({
  meta: {
    key: '${n.domain}.create',
    title: 'Create ${n.title} Item',
    version: '1.0.0',
    description: 'Create a ${n.words} item.',
    goal: 'Record a new ${n.words} item with its title.',
    context: 'Called by the app when a user adds an item.',
${metaCommon(n, ['create'])}
  },
  capability: { key: '${n.domain}.core', version: '1.0.0' },
  io: {
    input: ${n.pascal}CreateInput,
    output: ${n.pascal}CreateOutput,
    errors: {
      TITLE_TAKEN: {
        description: 'An item with this title already exists.',
        http: 409,
        when: 'Another ${n.words} item already has the given title.',
      },
    },
  },
  policy: {
    auth: 'user',
    pii: [],
  },
  sideEffects: {
    emits: [
      {
        ref: ${n.pascal}CreatedEvent.meta,
        when: 'A ${n.words} item is created.',
      },
    ],
  },
});
`;
}

function eventText(n: DomainNames): string {
  return `import { ScalarTypeEnum, SchemaModel, defineEvent } from 'contracts-codegen/language';
${constantsImport(n)}

export const ${n.pascal}CreatedPayload = new SchemaModel({
  name: '${n.pascal}CreatedPayload',
  fields: {
    id: { type: ScalarTypeEnum.ID(), isOptional: false },
    title: { type: ScalarTypeEnum.NonEmptyString(), isOptional: false },
    createdAt: { type: ScalarTypeEnum.DateTime(), isOptional: false },
  },
});

export const ${n.pascal}CreatedEvent = defineEvent({
  meta: {
    key: '${n.domain}.created',
    version: '1.0.0',
    description: 'Emitted when a ${n.words} item is created.',
${metaCommon(n, ['created'])}
  },
  capability: { key: '${n.domain}.core', version: '1.0.0' },
  payload: ${n.pascal}CreatedPayload,
});
`;
}

function capabilityText(n: DomainNames): string {
  return `import { defineCapability } from 'contracts-codegen/language';
${constantsImport(n)}

export const ${n.pascal}CoreCapability = defineCapability({
  meta: {
    key: '${n.domain}.core',
    version: '1.0.0',
    kind: 'api',
    title: '${n.title} Core',
    description: 'Create ${n.words} items and announce them.',
${metaCommon(n, ['core'])}
  },
  provides: [
    {
      surface: 'operation',
      key: '${n.domain}.create',
      version: '1.0.0',
      description: 'Create a ${n.words} item.',
    },
    {
      surface: 'event',
      key: '${n.domain}.created',
      version: '1.0.0',
      description: 'A ${n.words} item was created.',
    },
  ],
});
`;
}

/**
 * The first contract of `domain`, in `contracts/<domain>/`: `constants.ts`, `models.ts`,
 * `<camel>Create.command.ts`, `<camel>Created.event.ts` and `<camel>.capability.ts`, in that order.
 * @throws Error when `domain` does not match {@link DOMAIN_PATTERN}.
 */
export function contractFiles(domain: string): InitFile[] {
  const n = domainNames(domain);
  const dir = `${CONTRACTS_DIR}/${n.domain}`;
  return [
    { path: `${dir}/constants.ts`, text: constantsText(n) },
    { path: `${dir}/models.ts`, text: modelsText(n) },
    { path: `${dir}/${n.camel}Create.command.ts`, text: commandText(n) },
    { path: `${dir}/${n.camel}Created.event.ts`, text: eventText(n) },
    { path: `${dir}/${n.camel}.capability.ts`, text: capabilityText(n) },
  ];
}

/**
 * Every new file `contracts init` writes for `domain`: the config first, then {@link contractFiles}.
 * `package.json` is not among them: it is only ever edited, never created.
 * @throws Error when `domain` does not match {@link DOMAIN_PATTERN}.
 */
export function initFiles(domain: string): InitFile[] {
  return [{ path: CONFIG_FILE, text: configFileText() }, ...contractFiles(domain)];
}

/** What `contracts init` found and did, as the next steps need it. */
export interface NextStepsInput {
  readonly domain: string;
  /** `cd` into this first when set (the project folder is not the current one). */
  readonly cdInto?: string;
  /** Whether the project folder has a `package.json`. */
  readonly hasPackageJson: boolean;
  /** Dev packages to install (not yet a dependency), from {@link REQUIRED_PACKAGES}. */
  readonly missingDev: readonly string[];
  /** Runtime packages to install (not yet a dependency), from {@link REQUIRED_PACKAGES}. */
  readonly missingRuntime: readonly string[];
}

/** The numbered "Next steps" block `contracts init` prints, ending with a newline. */
export function nextStepsText(input: NextStepsInput): string {
  const steps: string[][] = [];
  if (input.cdInto !== undefined) steps.push([`cd ${input.cdInto}`]);
  if (!input.hasPackageJson) {
    steps.push([
      'npm init -y   (there is no package.json yet), then add to its "scripts":',
      `  "${CODEGEN_SCRIPT.name}": "${CODEGEN_SCRIPT.command}"`,
    ]);
  }
  const installs: string[] = [];
  if (input.missingDev.length > 0) installs.push(`npm i -D ${input.missingDev.join(' ')}`);
  if (input.missingRuntime.length > 0) installs.push(`npm i ${input.missingRuntime.join(' ')}`);
  if (installs.length > 0) steps.push(installs);
  steps.push([`npx contracts generate   (writes ${OUT_DIR}/)`]);
  const { pascal } = domainNames(input.domain);
  steps.push([
    'use the typed client:',
    `  import { create${pascal}Client } from './${OUT_DIR}/${input.domain}/index.js'`,
  ]);
  const lines = ['Next steps:'];
  steps.forEach((step, index) => {
    const number = `${index + 1}. `;
    step.forEach((line, at) =>
      lines.push(`  ${at === 0 ? number : ' '.repeat(number.length)}${line}`),
    );
  });
  return lines.join('\n') + '\n';
}
