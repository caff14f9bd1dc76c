/** What a masked secret is replaced with. */
export const MASK = '***';
