import { describe, expect, it } from 'vitest';
import { createSiteEmitter } from '../../packages/codegen/src/generator/emit/site/site-emitter.js';
import { shippedIr } from './site-fixture.js';

describe('spec pages: the Type of an operation', () => {
  const files = createSiteEmitter().emit(shippedIr());

  /** The Type value of a spec page's summary list, then of its label fields table. */
  const typeValues = (path: string): string[] => {
    const html = files.find((file) => file.path === path)!.contents;
    return [
      /<li><strong>Type:<\/strong> ([^<]*)<\/li>/.exec(html)?.[1] ?? 'no summary Type',
      /<td>Type<\/td>\n<td>([^<]*)<\/td>/.exec(html)?.[1] ?? 'no table Type',
    ];
  };

  it.each([
    ['en', 'agent.cancel', 'operation (command)'],
    ['en', 'agent.status', 'operation (query)'],
    ['fr', 'agent.cancel', 'opération (commande)'],
    ['fr', 'agent.status', 'opération (requête)'],
  ])('in %s, %s reads "%s" in the summary and the label fields', (locale, key, text) => {
    expect(typeValues(`site/${locale}/agent/${key}.html`)).toStrictEqual([text, text]);
  });
});
