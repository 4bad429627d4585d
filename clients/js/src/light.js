// A light client of a Pactum chain: smoldot, in a worker thread of this process, syncs the chain's
// headers and finality from the chain spec's boot nodes and checks what it reads against them,
// trusting no RPC server. Validators take no connections but each other's and
// governance-authorised followers' (node-authorization), so the boot nodes of a light client are
// followers (docs/operators.md, "Followers"). Node.js only; in a browser, start smoldot in a Web
// Worker (`polkadot-api/smoldot/from-worker`) and pass it as `smoldot`.
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { createClient } from 'polkadot-api';
import { getSmProvider } from 'polkadot-api/sm-provider';
import { startFromWorker } from 'polkadot-api/smoldot/from-node-worker';
import { pactum } from '../.papi/descriptors/dist/index.js';

const WORKER = fileURLToPath(import.meta.resolve('polkadot-api/smoldot/node-worker'));

/**
 * A PAPI client of the chain whose JSON spec is `chainSpec` (text), through a smoldot light client:
 * `smoldot`, or one started here in a worker thread, logging to the console up to `maxLogLevel`
 * (1 errors, 2 warnings, 3 information: smoldot's default). `destroy()` closes the client and
 * stops the smoldot started here, worker and all.
 */
export function connectLight(chainSpec, { smoldot, maxLogLevel } = {}) {
  const worker = smoldot === undefined ? new Worker(WORKER) : undefined;
  const light = smoldot ?? startFromWorker(worker, maxLogLevel === undefined ? {} : { maxLogLevel });
  // The provider adds the chain itself (again after a reconnection).
  const client = createClient(getSmProvider(() => light.addChain({ chainSpec })));
  return {
    client,
    api: client.getTypedApi(pactum),
    smoldot: light,
    async destroy() {
      client.destroy();
      if (worker === undefined) return;
      // smoldot's own terminate leaves the process running: the worker goes with it.
      await light.terminate().catch(() => {});
      await worker.terminate();
    },
  };
}
