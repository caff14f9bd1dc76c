// Preload for `node --require`: at exit, writes the file of every CommonJS module the process
// loaded (require's cache, which ESM imports of CommonJS modules fill too) to $REQUIRED_MODULES_LOG.
const { writeFileSync } = require('node:fs');

process.on('exit', () => {
  writeFileSync(process.env.REQUIRED_MODULES_LOG, `${Object.keys(require.cache).join('\n')}\n`);
});
