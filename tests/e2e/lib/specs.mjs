// Writes the raw specs of the chains the tests start (see `rawSpec` in node.mjs) before the test
// files run, so that the first four files, which start their nodes together, find them built.
import { rawSpec, TEST_CHAIN } from './node.mjs';

for (const chain of [TEST_CHAIN, 'dev']) rawSpec(chain);
