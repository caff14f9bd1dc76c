import type { DocsContext } from '../docs-context.js';
import { codeBlock, inlineCode } from '../docs-markdown.js';
import { modelAnchor } from './site-index-pages.js';
import { tableBlock as tableText, type SiteBlock } from './site-markdown.js';

type Json = Record<string, unknown>;

const COMPONENTS = '#/components/schemas/';

function fence(value: unknown): SiteBlock {
  return { code: codeBlock('json', JSON.stringify(value, null, 2)) };
}

/** `#/components/schemas/X` -> a link to model X's section of the models page; else the schema as JSON. */
function schemaText(schema: unknown, models: ReadonlySet<string>): string {
  const ref = (schema as Json | undefined)?.['$ref'];
  if (typeof ref === 'string' && ref.startsWith(COMPONENTS)) {
    const name = ref.slice(COMPONENTS.length);
    return models.has(name) ? `[${name}](./models.html#${modelAnchor(name)})` : inlineCode(name);
  }
  return inlineCode(JSON.stringify(schema ?? {}));
}

/**
 * `<locale>/api.html`, the API reference, read from the OpenAPI 3.1 document the openapi surface
 * writes (`openApiDocument`): the servers, then per tag (domain) one section per path and method:
 * summary, description, a link to the contract page (from `x-contracts-operation`), query
 * parameters, the request body's schema (linked to the models page) and examples, and every
 * response by status. Rendered at build time, so the page needs no script, network or font.
 * `specPath(key, version)` gives a spec page's path relative to the locale folder.
 */
export function apiPageBlocks(
  ctx: DocsContext,
  document: Json,
  specPath: (key: string, version: string) => string | undefined,
): SiteBlock[] {
  const { label } = ctx;
  const models = new Set(ctx.ir.models.map((model) => model.name));
  const info = document['info'] as Json;
  const servers = (document['servers'] as Json[] | undefined) ?? [];
  const paths = document['paths'] as Record<string, Record<string, Json>>;
  const parts: SiteBlock[] = [
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
  const byTag = new Map<string, SiteBlock[]>();
  for (const [path, item] of Object.entries(paths)) {
    for (const [method, operation] of Object.entries(item)) {
      const tag = ((operation['tags'] as string[] | undefined) ?? ['events'])[0]!;
      const section: SiteBlock[] = [`### ${method.toUpperCase()} ${path}`];
      section.push(String(operation['summary'] ?? ''));
      if (operation['description']) section.push(String(operation['description']));
      const contract = operation['x-contracts-operation'] as Json | undefined;
      if (contract) {
        const target = specPath(String(contract['key']), String(contract['version']));
        const text = `${String(contract['key'])}@${String(contract['version'])}`;
        section.push(
          `**${label('site.apiContract.label')}:** ${target ? `[${text}](./${encodeURI(target)})` : inlineCode(text)}`,
        );
      }
      const parameters = (operation['parameters'] as Json[] | undefined) ?? [];
      if (parameters.length > 0) {
        section.push(`**${label('site.apiParameters.label')}**`);
        section.push(
          tableText(
            [
              label('column.name.label'),
              label('column.type.label'),
              label('column.required.label'),
            ],
            parameters.map((parameter) => [
              inlineCode(String(parameter['name'])),
              schemaText(
                parameter['schema'] ??
                  (
                    (parameter['content'] as Json | undefined)?.['application/json'] as
                      Json | undefined
                  )?.['schema'],
                models,
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
          `**${label('site.apiRequestBody.label')}:** ${schemaText(media['schema'], models)}`,
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
          [
            label('column.status.label'),
            label('column.type.label'),
            label('column.description.label'),
          ],
          Object.entries(responses).map(([status, response]) => {
            const content = (response['content'] as Record<string, Json> | undefined) ?? {};
            const [type, body] = Object.entries(content)[0] ?? ['', {}];
            const schema = (body as Json)['schema'];
            return [
              status,
              type === 'application/json' ? schemaText(schema, models) : inlineCode(type || '—'),
              String(response['description'] ?? ''),
            ];
          }),
        ),
      );
      const tagBlocks = byTag.get(tag) ?? [];
      tagBlocks.push(...section.filter(Boolean));
      byTag.set(tag, tagBlocks);
    }
  }
  for (const tag of [...byTag.keys()].sort()) {
    parts.push(`## ${tag}`);
    parts.push(...byTag.get(tag)!);
  }
  return parts;
}
