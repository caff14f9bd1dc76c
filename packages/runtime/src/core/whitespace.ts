/**
 * ECMA-262 `\s` (§22.2.2.9: WhiteSpace §12.2 and LineTerminator §12.3): tab, LF, VT, FF, CR, space,
 * NBSP, U+1680, U+2000–U+200A, LS, PS, U+202F, U+205F, U+3000 and the BOM. `code` is one UTF-16
 * code unit.
 */
export function isWhitespace(code: number): boolean {
  if (code < 0x80) return code === 0x20 || (code >= 0x09 && code <= 0x0d);
  return (
    code === 0xa0 ||
    code === 0x1680 ||
    (code >= 0x2000 && code <= 0x200a) ||
    code === 0x2028 ||
    code === 0x2029 ||
    code === 0x202f ||
    code === 0x205f ||
    code === 0x3000 ||
    code === 0xfeff
  );
}
