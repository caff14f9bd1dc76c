// Preload for `node --import`: logs every module URL the process loads to $LOADED_MODULES_LOG.
import { register } from 'node:module';

register('./loaded-modules-hooks.mjs', import.meta.url, {
  data: { logFile: process.env.LOADED_MODULES_LOG },
});
