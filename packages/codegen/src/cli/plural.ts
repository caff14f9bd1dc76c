/**
 * `plural(1, 'spec')` -> `1 spec`, `plural(2, 'spec')` -> `2 specs`; `many` for irregular nouns
 * (`plural(2, 'problem', 'problems')`). English count nouns only: the CLI's messages are English.
 */
export function plural(count: number, one: string, many = `${one}s`): string {
  return `${count} ${count === 1 ? one : many}`;
}
