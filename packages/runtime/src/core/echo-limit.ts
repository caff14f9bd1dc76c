/**
 * Longest piece of request text (an id, a path, a header value) a problem document echoes, in
 * UTF-16 code units: 64. Longer text is cut there and ends in `…`, so an answer never grows
 * with what the caller sent.
 */
export const ECHO_LIMIT = 64;

/**
 * `text` as it may be echoed: unchanged up to `limit` code units (default {@link ECHO_LIMIT}),
 * else its first `limit` code units (one fewer when the cut would split a surrogate pair)
 * followed by `…` (U+2026), so at most `limit + 1` code units.
 */
export function cutEcho(text: string, limit = ECHO_LIMIT): string {
  if (text.length <= limit) return text;
  const last = text.charCodeAt(limit - 1);
  const end = last >= 0xd800 && last <= 0xdbff ? limit - 1 : limit;
  return `${text.slice(0, end)}…`;
}
