// Preload for `node --import`: logs every module URL the process loads to $LOADED_MODULES_LOG, and
// each one's format and URL to $LOADED_FORMATS_LOG when that is set.
import { register } from 'node:module';

register('./loaded-modules-hooks.mjs', import.meta.url, {
  data: {
    logFile: process.env.LOADED_MODULES_LOG,
    formatLogFile: process.env.LOADED_FORMATS_LOG,
  },
});
