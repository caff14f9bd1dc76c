import { runGeneratorBench } from './generator-bench.js';

/** `npm run bench`: prints figures; never fails on a target (targets are reported, not asserted). */
runGeneratorBench();
