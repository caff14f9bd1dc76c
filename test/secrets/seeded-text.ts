/** A seeded PRNG (mulberry32): the same seed gives the same numbers in [0, 1). */
export function seededRandom(seed: number): () => number {
  let state = seed | 0;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Pieces the random texts are made of: the parts of every secret shape, separators, whitespace, non-ASCII. */
const PIECES = [
  'token',
  'TOKEN',
  'secret',
  'password',
  'passwd',
  'api_key',
  'api-key',
  'ApiKey',
  'access_key',
  'private-key',
  '=',
  ':',
  ' ',
  '  ',
  '\n',
  '\t',
  '"',
  "'",
  '&',
  ',',
  ';',
  'bearer',
  'Bearer',
  'eyJ',
  'eyJhbGci',
  '.',
  '-',
  '_',
  'a',
  'Z',
  '9',
  'x',
  '://',
  'http',
  'https',
  '@',
  '/',
  '?',
  '#',
  '+',
  '~',
  'ghp_',
  'gho_',
  'github_pat_',
  'sk-',
  'xoxb-',
  'xoxq-',
  'AIza',
  'AKIA',
  'A3TX',
  'ASIA',
  'ABCDEFGHIJKLMNOP',
  '0123456789',
  'abcdefghij',
  'é',
  '😀',
  '\u00a0',
  '\u2028',
  '==',
  '*',
  '***',
  'hunter22',
  'hunter',
];

/** A random text of 1 to `maxPieces` pieces. */
export function randomText(random: () => number, maxPieces: number): string {
  let text = '';
  const count = 1 + Math.floor(random() * maxPieces);
  for (let index = 0; index < count; index += 1)
    text += PIECES[Math.floor(random() * PIECES.length)]!;
  return text;
}

/** `text` cut at random points into chunks of 1 to `maxChunk` characters. */
export function randomChunks(random: () => number, text: string, maxChunk: number): string[] {
  const chunks: string[] = [];
  for (let at = 0; at < text.length;) {
    const size = 1 + Math.floor(random() * maxChunk);
    chunks.push(text.slice(at, at + size));
    at += size;
  }
  return chunks;
}
