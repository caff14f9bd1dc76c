/** Pending pieces that trigger a join into one flat chunk, when they are short on average. */
const PIECES_PER_CHUNK = 1024;
/** Below this average length, in characters, pending pieces are joined early. */
const SHORT_PIECE_CHARS = 64;

/**
 * Output assembled from many small pieces. Keeping a million short pieces alive until the end
 * makes each young-generation collection copy all of them; joining every 1024 short pieces into a
 * flat chunk lets them die young, which makes masking match-dense text several times faster.
 * Long pieces (sparse matches) are few, so they are joined once, at the end.
 */
export class TextBuilder {
  readonly #chunks: string[] = [];
  readonly #pieces: string[] = [];
  #pieceChars = 0;

  push(text: string): void {
    this.#pieces.push(text);
    this.#pieceChars += text.length;
    if (this.#pieces.length === PIECES_PER_CHUNK) {
      if (this.#pieceChars < PIECES_PER_CHUNK * SHORT_PIECE_CHARS) {
        this.#chunks.push(this.#pieces.join(''));
      } else {
        this.#chunks.push(...this.#pieces);
      }
      this.#pieces.length = 0;
      this.#pieceChars = 0;
    }
  }

  toString(): string {
    if (this.#chunks.length === 0) {
      return this.#pieces.length === 1 ? this.#pieces[0]! : this.#pieces.join('');
    }
    this.#chunks.push(...this.#pieces);
    return this.#chunks.join('');
  }
}
