import { runGeneratorBench } from './generator-bench.js';
import { runHarnessBench } from './harness-bench.js';
import { runHttpBench } from './http-bench.js';
import { runMaskingBench } from './masking-bench.js';
import { runRunStartBench } from './run-start-bench.js';
import { runSiteBench } from './site-bench.js';

/** `npm run bench`: prints figures; never fails on a target (targets are reported, not asserted). */
runGeneratorBench();
await runSiteBench();
await runHttpBench();
await runHarnessBench();
await runMaskingBench();
await runRunStartBench();
