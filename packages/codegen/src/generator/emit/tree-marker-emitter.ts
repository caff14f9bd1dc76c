import type { Emitter } from './emitter.js';

/**
 * The file that marks an output folder as a generated tree when the `ir` surface (whose `ir.json`
 * is the usual marker) is off, so that the next `generate` may replace it (output-folder.ts).
 */
export const TREE_MARKER_FILE = '.contracts-tree';

/** The marker's text: what the folder is, for a person who finds it. */
const MARKER_TEXT =
  'Written by contracts generate, which replaces this folder on every run; do not edit.\n';

/** Emits {@link TREE_MARKER_FILE}; in the emitter table only while the `ir` surface is off. */
export const treeMarkerEmitter: Emitter = {
  name: 'tree-marker',
  emit: () => [{ path: TREE_MARKER_FILE, contents: MARKER_TEXT }],
};
