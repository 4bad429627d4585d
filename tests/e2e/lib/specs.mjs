// Writes the raw specs of the chains the tests start (see `rawSpec` in node.mjs) before the test
// files run, so that the first files, which start their nodes together, find them built.
// Each spec is built by a process of its own, all at once: building one is a Wasm compile on one
// core.
import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { rawSpec, TEST_CHAIN } from './node.mjs';

const [chain] = process.argv.slice(2);
if (chain !== undefined) {
  rawSpec(chain);
} else {
  const self = fileURLToPath(import.meta.url);
  await Promise.all(
    [TEST_CHAIN, 'dev'].map((each) => promisify(execFile)(process.execPath, [self, each])),
  );
}
