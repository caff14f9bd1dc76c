import { createSlugger, codeBlock, inlineCode } from '../docs-markdown.js';
import type { DocsContext } from '../docs-context.js';
import { API_PART_SIZE, catalogParts, partTitle, type CatalogPart } from './site-catalog-parts.js';
import { tableBlock as tableText, type SiteBlock } from './site-markdown.js';

type Json = Record<string, unknown>;

const COMPONENTS = '#/components/schemas/';

/** One operation of the OpenAPI document: a path and method, its tag (the domain) and object. */
export interface ApiOperation {
  readonly tag: string;
  readonly path: string;
  readonly method: string;
  /** `POST /harness/run/start`, the heading of its section. */
  readonly heading: string;
  readonly operation: Json;
  /** `x-contracts-operation`: the contract it serves, when it serves one. */
  readonly contract?: { readonly key: string; readonly version: string };
}

/**
 * The operations of an OpenAPI 3.1 document (the openapi surface's `openApiDocument`) in the API
 * reference's order: tags sorted, then paths and methods in document order; an operation without
 * a tag is listed under `events` (the `/events` stream). Each tag's operations are cut into
 * {@link API_PART_SIZE}-operation parts (`api-<tag>….html`).
 */
export function apiParts(document: Json): CatalogPart<ApiOperation>[] {
  const paths = document['paths'] as Record<string, Record<string, Json>>;
  const byTag = new Map<string, ApiOperation[]>();
  for (const [path, item] of Object.entries(paths)) {
    for (const [method, operation] of Object.entries(item)) {
      const tag = ((operation['tags'] as string[] | undefined) ?? ['events'])[0]!;
      const contract = operation['x-contracts-operation'] as Json | undefined;
      const entry: ApiOperation = {
        tag,
        path,
        method,
        heading: `${method.toUpperCase()} ${path}`,
        operation,
        ...(contract
          ? { contract: { key: String(contract['key']), version: String(contract['version']) } }
          : {}),
      };
      const list = byTag.get(tag);
      if (list) list.push(entry);
      else byTag.set(tag, [entry]);
    }
  }
  const groups = [...byTag.keys()].sort().map((tag) => [tag, byTag.get(tag)!] as const);
  return catalogParts('api', groups, API_PART_SIZE);
}

/** The heading of an API reference part page in `ctx`'s locale. */
export function apiPartTitle(ctx: DocsContext, part: CatalogPart<ApiOperation>): string {
  return partTitle(ctx.label('site.api.label'), part);
}

/**
 * The anchor of each operation's section on its part page: GitHub's slugs of the page's headings in
 * page order (the part's title, then each operation), as the page renders them.
 */
export function apiAnchors(title: string, part: CatalogPart<ApiOperation>): string[] {
  const slug = createSlugger();
  slug(title);
  return part.entries.map((entry) => slug(entry.heading));
}

/**
 * How the API reference links out of itself: `specPath(key, version)` gives a spec page's path
 * relative to the locale folder, `modelHref(name)` a model's section (`./models-….html#anchor`);
 * each is undefined/null when the IR has no such spec or model.
 */
export interface ApiLinks {
  readonly specPath: (key: string, version: string) => string | undefined;
  readonly modelHref: (name: string) => string | null;
}

function fence(value: unknown): SiteBlock {
  return { code: codeBlock('json', JSON.stringify(value, null, 2)) };
}

/** The type text of each JSON Schema `enum` or `const` value: a string as itself, else its JSON. */
function valueText(value: unknown): string {
  return inlineCode(typeof value === 'string' ? value : JSON.stringify(value));
}

/**
 * The type text of a JSON Schema 2020-12 fragment of the OpenAPI document (OpenAPI 3.1 §4.8.24
 * takes JSON Schema as is), `suffix` (`[]` per array level) written after the type name:
 * - `$ref` to `#/components/schemas/X`: model X's name linked to its section (`[X[]](…)`), as
 *   the models pages write a nested model's type; inline code when the site has no such model;
 * - `enum` and `const`: the values as inline code, ` | ` between them (`` `a` | `b` ``);
 * - `oneOf` / `anyOf`: the parts' texts, ` | ` between them; `allOf`: ` & ` between them;
 * - `type: "array"`: the text of `items` with `[]` (`string[]`, `` (`a` | `b`)[] ``; `any[]`
 *   without `items`);
 * - any other `type` (a list of them: ` | ` between them): its name, then the `format` in
 *   parentheses (`string (date-time)`), as JSON Schema's "Validation" vocabulary names them;
 * - a schema that constrains no type (`{}`, JSON values): `any`.
 */
function schemaText(schema: unknown, links: ApiLinks, suffix = ''): string {
  const json = (schema ?? {}) as Json;
  const union = (parts: string[], separator: string) =>
    parts.length === 1
      ? parts[0]!
      : `${suffix ? '(' : ''}${parts.join(separator)}${suffix ? ')' : ''}`;
  const ref = json['$ref'];
  if (typeof ref === 'string') {
    const name = ref.startsWith(COMPONENTS) ? ref.slice(COMPONENTS.length) : ref;
    const href = ref.startsWith(COMPONENTS) ? links.modelHref(name) : null;
    return href ? `[${name}${suffix}](${href})` : inlineCode(`${name}${suffix}`);
  }
  if (Array.isArray(json['enum'])) return union(json['enum'].map(valueText), ' | ') + suffix;
  if ('const' in json) return valueText(json['const']) + suffix;
  for (const [key, separator] of [
    ['oneOf', ' | '],
    ['anyOf', ' | '],
    ['allOf', ' & '],
  ] as const) {
    const parts = json[key];
    if (Array.isArray(parts) && parts.length > 0) {
      return (
        union(
          parts.map((part) => schemaText(part, links)),
          separator,
        ) + suffix
      );
    }
  }
  const type = json['type'];
  if (type === 'array') {
    return schemaText(json['items'], links, `[]${suffix}`);
  }
  if (typeof type === 'string' || Array.isArray(type)) {
    const names = typeof type === 'string' ? [type] : type.map(String);
    const format = typeof json['format'] === 'string' ? ` (${json['format']})` : '';
    return union(names, ' | ') + suffix + format;
  }
  return `any${suffix}`;
}

/**
 * The body of one operation's section (its heading is the caller's): summary, description, a link
 * to the contract page (from `x-contracts-operation`), query parameters, the request body's schema
 * (linked to the models pages) and first example, and every response by status.
 */
export function apiOperationBlocks(
  ctx: DocsContext,
  entry: ApiOperation,
  links: ApiLinks,
): SiteBlock[] {
  const { label } = ctx;
  const { operation, contract } = entry;
  const section: SiteBlock[] = [String(operation['summary'] ?? '')];
  if (operation['description']) section.push(String(operation['description']));
  if (contract) {
    const target = links.specPath(contract.key, contract.version);
    const text = `${contract.key}@${contract.version}`;
    section.push(
      `**${label('site.apiContract.label')}:** ${target ? `[${text}](./${encodeURI(target)})` : inlineCode(text)}`,
    );
  }
  const parameters = (operation['parameters'] as Json[] | undefined) ?? [];
  if (parameters.length > 0) {
    section.push(`**${label('site.apiParameters.label')}**`);
    section.push(
      tableText(
        [label('column.name.label'), label('column.type.label'), label('column.required.label')],
        parameters.map((parameter) => [
          inlineCode(String(parameter['name'])),
          schemaText(
            parameter['schema'] ??
              (
                (parameter['content'] as Json | undefined)?.['application/json'] as Json | undefined
              )?.['schema'],
            links,
          ),
          label(parameter['required'] === true ? 'value.yes.label' : 'value.no.label'),
        ]),
      ),
    );
  }
  const requestBody = operation['requestBody'] as Json | undefined;
  const media = (requestBody?.['content'] as Json | undefined)?.['application/json'] as
    Json | undefined;
  if (media) {
    section.push(
      `**${label('site.apiRequestBody.label')}:** ${schemaText(media['schema'], links)}`,
    );
    for (const example of Object.values(
      (media['examples'] as Record<string, Json> | undefined) ?? {},
    ).slice(0, 1)) {
      section.push(fence(example['value']));
    }
  }
  const responses = (operation['responses'] as Record<string, Json> | undefined) ?? {};
  section.push(`**${label('site.apiResponses.label')}**`);
  section.push(
    tableText(
      [label('column.status.label'), label('column.type.label'), label('column.description.label')],
      Object.entries(responses).map(([status, response]) => {
        const content = (response['content'] as Record<string, Json> | undefined) ?? {};
        const [type, body] = Object.entries(content)[0] ?? ['', {}];
        const schema = (body as Json)['schema'];
        return [
          status,
          type === 'application/json'
            ? schemaText(schema, links)
            : type
              ? inlineCode(type)
              : label('value.empty.label'),
          String(response['description'] ?? ''),
        ];
      }),
    ),
  );
  return section.filter(Boolean);
}

/**
 * `<locale>/api.html`, the API reference's overview, read from the OpenAPI document: the servers,
 * the download link, then per tag (domain) a table of its operations (method and path, linked to
 * the operation's section on its part page, and summary). `anchors(part)` gives each operation's
 * anchor on its part page ({@link apiAnchors}).
 */
export function apiOverviewBlocks(
  ctx: DocsContext,
  document: Json,
  parts: readonly CatalogPart<ApiOperation>[],
  anchors: (part: CatalogPart<ApiOperation>) => readonly string[],
): SiteBlock[] {
  const { label } = ctx;
  const info = document['info'] as Json;
  const servers = (document['servers'] as Json[] | undefined) ?? [];
  const blocks: SiteBlock[] = [
    `# ${label('site.api.label')}`,
    label('site.apiIntro.label'),
    `**${String(info['title'])}** ${inlineCode(String(info['version']))} · [${label('site.apiDownload.label')}](../openapi.json)`,
    `## ${label('site.apiServers.label')}`,
    servers
      .map(
        (server) => `- ${inlineCode(String(server['url']))} ${String(server['description'] ?? '')}`,
      )
      .join('\n'),
  ];
  const header = [label('column.operation.label'), label('column.title.label')];
  let rows: string[][] = [];
  for (let at = 0; at < parts.length; at++) {
    const part = parts[at]!;
    if (part.index === 1) blocks.push(`## ${part.group}`);
    const ids = anchors(part);
    part.entries.forEach((entry, i) => {
      rows.push([
        `[${inlineCode(entry.heading)}](./${encodeURI(part.file)}#${ids[i]!})`,
        String(entry.operation['summary'] ?? ''),
      ]);
    });
    if (part.index === part.count) {
      blocks.push(tableText(header, rows));
      rows = [];
    }
  }
  return blocks;
}
