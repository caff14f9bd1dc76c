/**
 * How far the secret scanners look, in UTF-16 code units. Every decision of a scanner reads a
 * bounded window of text, which keeps masking linear in the text's length and lets the streaming
 * masker hold back only a bounded tail. Past a window the scanners decide as documented on each
 * shape: a masked run (a token, a value) is always masked to its end however long it is.
 */
export interface MaskLimits {
  /**
   * The longest secret shape decided whole: URL userinfo (`user:pass`), a JWT's header and
   * payload, the whitespace after `bearer` or around a pair's `=`/`:`, and a quoted pair value
   * (a longer quoted value is masked up to its closing quote or line end).
   */
  readonly shapeChars: number;
  /**
   * How far a label is read: a URL scheme back from its `://` (a longer run of scheme
   * characters counts as a scheme), and a key name past its secret keyword (a key name
   * running on longer does not count as naming a secret).
   */
  readonly labelChars: number;
}

/** The limits `maskSecrets` uses: shapes up to 4 KiB, labels up to 256 characters. */
export const DEFAULT_MASK_LIMITS: MaskLimits = { shapeChars: 4096, labelChars: 256 };
