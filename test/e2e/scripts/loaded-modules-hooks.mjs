// Module customization hooks (Node's module.register): appends the URL of every module the
// process loads, one per line, to the file `initialize` is given; with a `formatLogFile`, also
// `<format> <url>` per module to that file, once the module is loaded.
import { appendFileSync } from 'node:fs';

let logFile;
let formatLogFile;

export function initialize(data) {
  logFile = data.logFile;
  formatLogFile = data.formatLogFile;
}

export async function load(url, context, nextLoad) {
  appendFileSync(logFile, `${url}\n`);
  const loaded = await nextLoad(url, context);
  if (formatLogFile) appendFileSync(formatLogFile, `${loaded.format} ${url}\n`);
  return loaded;
}
