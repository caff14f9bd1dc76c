// The one Node global main.ts reads; declared here so the app type-checks without @types/node.
declare const process: {
  readonly argv: readonly string[];
  readonly env: Readonly<Record<string, string | undefined>>;
  exitCode?: number;
};
