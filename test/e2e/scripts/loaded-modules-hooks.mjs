// Module customization hooks (Node's module.register): appends the URL of every module the
// process loads, one per line, to the file `initialize` is given.
import { appendFileSync } from 'node:fs';

let logFile;

export function initialize(data) {
  logFile = data.logFile;
}

export async function load(url, context, nextLoad) {
  appendFileSync(logFile, `${url}\n`);
  return nextLoad(url, context);
}
