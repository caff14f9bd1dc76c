import { perIr } from './per-ir-memo.js';
import type { Ir, OperationSpec } from '../ir/ir-schema.js';
import {
  docBlock,
  domainBanner,
  tsString,
  importSettingsOf,
  type CodeEmitterOptions,
} from './code-surface-helpers.js';
import { fits, indentLines, indentOf, printGroup } from './code-layout.js';
import {
  clientTree,
  operationNamesOf,
  type ClientNode,
  type OperationNames,
} from './code-surface-names.js';
import { sameList } from '../ir/same-list.js';
import { keepsEmitMemos } from './emit-memo.js';
import type { Emitter } from './emitter.js';
import { pascalCase } from './naming.js';
import type { ImportCandidate } from './import-printer.js';
import { generatedNamespace, runtimeSpecifier } from './import-settings.js';
import { perDomainEmitter } from './per-domain-emitter.js';
import { JoinedText } from './segmented-template.js';
import { ViewMemo } from './view-memo.js';

/** One declared-error set: codes const, code union type and type guard of one operation. */
export interface ClientErrorSetView {
  readonly docBlock: string;
  readonly constName: string;
  /** `export const xErrorCodes = ['A'] as const;`, laid out. */
  readonly codesDeclaration: string;
  readonly typeName: string;
  readonly typeDocBlock: string;
  readonly guardName: string;
  readonly guardDocBlock: string;
  /** `export function isXError(error: unknown): error is ContractError<XErrorCode> {`, laid out. */
  readonly guardHead: string;
}

/** One member of the client: a method (`isGroup` false) or a group of members. */
export interface ClientMemberView {
  readonly name: string;
  readonly isGroup: boolean;
  readonly children: readonly ClientMemberView[];
  readonly docBlock: string;
  /** `input: types.HarnessRunStartInput`, or `` for an operation without input. */
  readonly params: string;
  /** `input`, or `` for an operation without input. */
  readonly argument: string;
  readonly outputType: string;
  /** `"harness.run.start", "1.0.0", input` (`null` for an operation without input). */
  readonly callArguments: string;
}

/** The view model of `templates/client/client.ts.hbs`. */
export interface ClientView {
  readonly banner: string;
  readonly errorSets: readonly ClientErrorSetView[];
  readonly clientType: string;
  readonly clientDocBlock: string;
  readonly createName: string;
  readonly createDocBlock: string;
  readonly hasMembers: boolean;
  readonly members: readonly ClientMemberView[];
  /** The members of the client interface, laid out at indent 1, one part per member. */
  readonly interfaceBody: JoinedText;
  /** The members of the object `create<Domain>Client` returns, laid out at indent 2, likewise. */
  readonly implementationBody: JoinedText;
}

/** The client interface's members at indent `level`, one text per member (a group's whole). */
function interfaceLines(members: readonly ClientMemberView[], level: number): string[] {
  return members.map((member) =>
    interfaceLinesMemo.of(member, String(level), () =>
      member.isGroup
        ? [
            `${indentOf(level)}readonly ${member.name}: {`,
            ...interfaceLines(member.children, level + 1),
            `${indentOf(level)}};`,
          ].join('\n')
        : interfaceLine(member, level),
    ),
  );
}

/** A method's JSDoc and signature in the client interface, at indent `level`. */
function interfaceLine(member: ClientMemberView, level: number): string {
  const params = member.params ? [member.params] : [];
  return [
    ...(member.docBlock ? [indentLines(member.docBlock, level)] : []),
    printGroup(level, member.name, '(', params, ')', `: Promise<${member.outputType}>;`),
  ].join('\n');
}

const interfaceLinesMemo = new ViewMemo<ClientMemberView, string>();
const implementationLinesMemo = new ViewMemo<ClientMemberView, string>();
const errorSetMemo = new ViewMemo<OperationNames, ClientErrorSetView | undefined>();
const memberMemo = new ViewMemo<OperationNames, ClientMemberView>();

/** The returned object's members at indent `level`, one text per member (a group's whole). */
function implementationLines(members: readonly ClientMemberView[], level: number): string[] {
  return members.map((member) =>
    implementationLinesMemo.of(member, String(level), () =>
      member.isGroup
        ? [
            `${indentOf(level)}${member.name}: {`,
            ...implementationLines(member.children, level + 1),
            `${indentOf(level)}},`,
          ].join('\n')
        : implementationLine(member, level),
    ),
  );
}

/**
 * `name: (input) => call<Out>('key', '1.0.0', input),`; when that is too wide, prettier breaks
 * after the arrow and indents the call one level (when even that is too wide the line is left to
 * prettier, see format.ts).
 */
function implementationLine(member: ClientMemberView, level: number): string {
  const head = `${indentOf(level)}${member.name}: (${member.argument}) =>`;
  const body = `call<${member.outputType}>(${member.callArguments}),`;
  if (fits(head.length + 1, body) || !fits(indentOf(level + 1).length, body)) {
    return `${head} ${body}`;
  }
  return `${head}\n${indentOf(level + 1)}${body}`;
}

function operationDoc(names: OperationNames, errorSet: ClientErrorSetView | undefined): string {
  const { spec } = names;
  const lines: string[] = [];
  if (spec.meta.description) lines.push(spec.meta.description);
  const why = [
    ...(spec.meta.goal ? [`Goal: ${spec.meta.goal}`] : []),
    ...(spec.meta.context ? [`Context: ${spec.meta.context}`] : []),
  ];
  if (why.length > 0) lines.push(...(lines.length > 0 ? [''] : []), ...why);
  if (lines.length > 0) lines.push('');
  lines.push(`\`${names.label}\` (${spec.operationKind})`);
  if (errorSet) {
    lines.push(
      `@throws ContractError with a declared code; narrow it with {@link ${errorSet.guardName}}.`,
    );
  }
  return docBlock(lines);
}

function errorSetOf(names: OperationNames): ClientErrorSetView | undefined {
  const codes = names.spec.io.errors.map((error) => error.code);
  if (codes.length === 0) return undefined;
  const member = `client.${names.clientPath.join('.')}`;
  const constName = `${names.typeBase[0]!.toLowerCase()}${names.typeBase.slice(1)}ErrorCodes`;
  const typeName = `${names.typeBase}ErrorCode`;
  const guardName = `is${names.typeBase}Error`;
  return {
    docBlock: docBlock([`The error codes \`${names.label}\` declares.`]),
    constName,
    codesDeclaration: printGroup(
      0,
      `export const ${constName} = `,
      '[',
      codes.map(tsString),
      ']',
      ' as const;',
    ),
    typeName,
    typeDocBlock: docBlock([
      `One of the error codes \`${names.label}\` declares: ${codes.join(', ')}.`,
    ]),
    guardName,
    guardHead: printGroup(
      0,
      `export function ${guardName}`,
      '(',
      ['error: unknown'],
      ')',
      `: error is ContractError<${typeName}> {`,
    ),
    guardDocBlock: docBlock([
      `True when \`error\` is a \`ContractError\` with a code \`${names.label}\` declares, as`,
      `\`${member}(...)\` rejects with; narrows \`error.code\` to those codes.`,
    ]),
  };
}

function memberView(
  node: ClientNode,
  errorSets: ReadonlyMap<string, ClientErrorSetView>,
): ClientMemberView {
  const names = node.operation;
  if (!names) {
    return groupView(
      node.name,
      node.children.map((child) => memberView(child, errorSets)),
    );
  }
  const errorSet = errorSets.get(names.label);
  return memberMemo.of(names, `${node.name} ${errorSet?.guardName ?? ''}`, () =>
    leafView(node, names, errorSet),
  );
}

/** Each group's view by its first member's view, in watch mode (see {@link groupView}). */
const GROUP_VIEWS = new WeakMap<ClientMemberView, ClientMemberView>();

/**
 * The view of a group of members; in watch mode the same object while its name and its members'
 * views are, so that its lines are printed once (member views are kept per operation).
 */
function groupView(name: string, children: readonly ClientMemberView[]): ClientMemberView {
  const first = children[0];
  const last = first && keepsEmitMemos() ? GROUP_VIEWS.get(first) : undefined;
  if (last && last.name === name && sameList(last.children, children)) return last;
  const view = {
    name,
    isGroup: true,
    children,
    docBlock: '',
    params: '',
    argument: '',
    outputType: '',
    callArguments: '',
  };
  if (first && keepsEmitMemos()) GROUP_VIEWS.set(first, view);
  return view;
}

function leafView(
  node: ClientNode,
  names: OperationNames,
  errorSet: ClientErrorSetView | undefined,
): ClientMemberView {
  const spec: OperationSpec = names.spec;
  const input = spec.io.input;
  return {
    name: node.name,
    isGroup: false,
    children: [],
    docBlock: operationDoc(names, errorSet),
    params: input ? `input: types.${input}` : '',
    argument: input ? 'input' : '',
    outputType: `types.${spec.io.output}`,
    callArguments: `${tsString(spec.key)}, ${tsString(spec.version)}, ${input ? 'input' : 'null'}`,
  };
}

/**
 * The client view of one domain: per-operation error code unions and guards, and the member tree.
 * @throws Error on member, handler or type name collisions (code-surface-names.ts).
 */
function buildClientViewUncached(ir: Ir, domain: string): ClientView {
  const names = operationNamesOf(ir, domain);
  const errorSets = new Map<string, ClientErrorSetView>();
  for (const entry of names) {
    const set = errorSetMemo.of(entry, '', () => errorSetOf(entry));
    if (set) errorSets.set(entry.label, set);
  }
  const pascal = pascalCase(domain);
  const members = clientTree(names).map((node) => memberView(node, errorSets));
  const first = names.find((entry) => !entry.older);
  const example = first
    ? ` (\`${first.spec.key}\` -> \`client.${first.clientPath.join('.')}\`)`
    : '';
  return {
    banner: domainBanner(
      ir,
      domain,
      names.map((entry) => entry.spec),
    ),
    errorSets: [...errorSets.values()],
    clientType: `${pascal}Client`,
    clientDocBlock: docBlock([
      `The typed client of the ${domain} domain: one method per operation, grouped by the key`,
      `segments after the domain${example}.`,
    ]),
    createName: `create${pascal}Client`,
    createDocBlock: docBlock([
      `A client of the ${domain} domain over \`transport\`. A method resolves with the operation's output`,
      'and rejects with a `ContractError` (declared or standard code) or a `TransportError`.',
    ]),
    hasMembers: names.length > 0,
    members,
    interfaceBody: new JoinedText(interfaceLines(members, 1), '\n'),
    implementationBody: new JoinedText(implementationLines(members, 2), '\n'),
  };
}

/** {@link buildClientViewUncached}, built once per IR and domain (the index emitter reads it too). */
export const buildClientView = perIr(buildClientViewUncached);

/** What a `client.ts` may import: contract errors, the transport and its domain's types. */
function clientImports(options: CodeEmitterOptions, domain: string): ImportCandidate[] {
  const settings = importSettingsOf(options);
  const errors = runtimeSpecifier(settings, 'errors', domain);
  return [
    { name: 'ContractError', specifier: errors, typeOnly: true },
    { name: 'isContractError', specifier: errors, typeOnly: false },
    {
      name: 'Transport',
      specifier: runtimeSpecifier(settings, 'transport', domain),
      typeOnly: true,
    },
    generatedNamespace(settings, 'types', `${domain}/types`, domain, true),
  ];
}

/** Creates the `client` emitter: `<domain>/client.ts` per domain. */
export function createClientEmitter(options: CodeEmitterOptions = {}): Emitter {
  return perDomainEmitter(
    'client',
    'client.ts',
    'client/client.ts.hbs',
    (ir, domain) => buildClientView(ir, domain),
    (_ir, domain) => clientImports(options, domain),
  );
}

/** The `client` emitter with the default import settings (the runtime by package name, `.js`). */
export const clientEmitter: Emitter = createClientEmitter();
