// Throughput of relayed document signatures on a development node (a benchmark, not a test):
//   node bench-documents.mjs            (`bash scripts/throughput.sh documents` builds and runs it)
// Env: SIGNATURES (default 4000, split between the two modes), BULK (items per sign_many, 100).
//
// It prints how many relayed signatures fit in one block by weight (one `signRelayed` per
// extrinsic, and `signMany` with BULK relayed items), then loads the node with pre-signed
// extrinsics of both kinds and prints how many signatures each block actually included, the
// rate, and the inclusion latency. Every node it starts, it stops.
import { Keyring } from '@polkadot/keyring';
import { cryptoWaitReady, blake2AsU8a, blake2AsHex } from '@polkadot/util-crypto';
import { u8aToHex, compactStripLength } from '@polkadot/util';
import { startDevNode, connect, sleep } from './lib/node.mjs';
import { submit } from './lib/tx.mjs';
import { measure, perBlockByWeight, signOffline } from './lib/load.mjs';

const SIGNATURES = Number(process.env.SIGNATURES ?? 4000);
const BULK = Number(process.env.BULK ?? 100);
const CLIENTS = 10;
const CREATE_BATCH = 100;
const UNIT = 10n ** 12n;

const log = (...args) => console.log('[bench-documents]', ...args);

async function main() {
  await cryptoWaitReady();
  const node = await startDevNode([], { chain: 'dev' });
  let api;
  try {
    api = await connect(node.wsUrl);
    const keyring = new Keyring({ type: 'sr25519', ss58Format: 42 });
    const alice = keyring.addFromUri('//Alice');
    const clients = Array.from({ length: CLIENTS }, (_, i) => keyring.addFromUri(`//bench-client-${i}`));

    log(`setting up ${CLIENTS} registered clients and ${SIGNATURES} documents`);
    await submit(api, api.tx.utility.batchAll(
      clients.map((c) => api.tx.balances.transferKeepAlive(c.address, 100n * UNIT))), alice);
    await Promise.all(clients.map((c) => submit(api, api.tx.registry.register(), c)));

    const first = (await api.query.documents.nextDocumentId()).toNumber();
    const docs = [];
    for (let i = 0; i < SIGNATURES; i += 1) {
      const client = clients[i % CLIENTS];
      docs.push({
        id: first + i,
        client,
        hash: { algorithm: 'Blake2_256', digest: blake2AsHex(`bench document ${i}`) },
      });
    }
    // The creations go in pre-signed batches, all submitted at once.
    let nonce = (await api.rpc.system.accountNextIndex(alice.address)).toNumber();
    for (let i = 0; i < docs.length; i += CREATE_BATCH) {
      const calls = docs.slice(i, i + CREATE_BATCH).map((d) => api.tx.documents.create(
        null, d.hash, '0x00', [alice.address, d.client.address], [d.client.address], null));
      await api.tx.utility.batchAll(calls).signAndSend(alice, { nonce: nonce++ });
    }
    while ((await api.query.documents.nextDocumentId()).toNumber() < first + docs.length) await sleep(1000);

    // (@polkadot/api hands a runtime API's `Vec<u8>` back with its SCALE length prefix.)
    const payloadOf = async (d) => compactStripLength(
      (await api.call.documentsApi.signingPayload(d.id, 0, d.hash)).toU8a(true))[1];
    const relayed = async (d) => ({
      signer: d.client.address,
      signature: { Sr25519: u8aToHex(d.client.sign(await payloadOf(d))) },
    });

    // What fits in a block by weight (and by length).
    const fits = async (tx, perTx) => {
      const { refTime, txs } = await perBlockByWeight(api, tx, alice);
      return { refTime, txs, signatures: txs * perTx };
    };
    const sample = await relayed(docs[0]);
    const single = await fits(api.tx.documents.signRelayed(docs[0].id, 0, docs[0].hash,
      sample.signer, sample.signature), 1);
    const bulkItems = await Promise.all(docs.slice(0, BULK).map(async (d) =>
      ({ document: d.id, version: 0, hash: d.hash, relayed: await relayed(d) })));
    const bulk = await fits(api.tx.documents.signMany(bulkItems), BULK);
    log(`by weight: signRelayed ${single.refTime} ps each -> ${single.signatures} signatures per block`);
    log(`by weight: signMany of ${BULK} ${bulk.refTime} ps each -> ${bulk.txs} extrinsics, ${bulk.signatures} signatures per block`);

    // Pre-sign the load: half as signMany extrinsics, half as single signRelayed ones.
    const half = Math.floor(docs.length / 2 / BULK) * BULK;
    nonce = (await api.rpc.system.accountNextIndex(alice.address)).toNumber();
    const load = { bulk: [], single: [] };
    for (let i = 0; i < half; i += BULK) {
      const items = await Promise.all(docs.slice(i, i + BULK).map(async (d) =>
        ({ document: d.id, version: 0, hash: d.hash, relayed: await relayed(d) })));
      load.bulk.push(signOffline(api, api.tx.documents.signMany(items), alice, nonce++));
    }
    for (const d of docs.slice(half)) {
      const r = await relayed(d);
      load.single.push(signOffline(api,
        api.tx.documents.signRelayed(d.id, 0, d.hash, r.signer, r.signature), alice, nonce++));
    }
    for (const [mode, txs] of Object.entries(load)) {
      const count = mode === 'bulk' ? txs.length * BULK : txs.length;
      const result = await measure(api, txs, count, (events) => events.filter(
        ({ event }) => event.section === 'documents' && event.method === 'Signed').length);
      log(`${mode}: ${count} relayed signatures in ${txs.length} extrinsics`);
      log(`${mode}: included per block ${result.perBlock.join(', ')} (max ${Math.max(...result.perBlock)})`);
      log(`${mode}: ${(count / result.seconds).toFixed(1)} signatures/s over ${result.seconds.toFixed(1)} s`);
      log(`${mode}: inclusion latency p50 ${result.p50} ms, p95 ${result.p95} ms, max ${result.max} ms`);
    }
  } finally {
    await api?.disconnect();
    await node.stop();
  }
}

main().catch((error) => { console.error(error); process.exit(1); });
