// Throughput of relayed document signatures on a development node (a benchmark, not a test):
//   node bench-documents.mjs            (scripts/bench-documents.sh builds and runs it)
// Env: SIGNATURES (default 2000, split between the two modes), BULK (items per sign_many, 100).
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

const SIGNATURES = Number(process.env.SIGNATURES ?? 2000);
const BULK = Number(process.env.BULK ?? 100);
const CLIENTS = 10;
const CREATE_BATCH = 100;
const UNIT = 10n ** 12n;

const log = (...args) => console.log('[bench-documents]', ...args);
const percentile = (sorted, p) => sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))];

async function main() {
  await cryptoWaitReady();
  const node = await startDevNode();
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
    for (let i = 0; i < docs.length; i += CREATE_BATCH) {
      const calls = docs.slice(i, i + CREATE_BATCH).map((d) => api.tx.documents.create(
        null, d.hash, '0x00', [alice.address, d.client.address], [d.client.address], null));
      await submit(api, api.tx.utility.batchAll(calls), alice);
    }

    // (@polkadot/api hands a runtime API's `Vec<u8>` back with its SCALE length prefix.)
    const payloadOf = async (d) => compactStripLength(
      (await api.call.documentsApi.signingPayload(d.id, 0, d.hash)).toU8a(true))[1];
    const relayed = async (d) => ({
      signer: d.client.address,
      signature: { Sr25519: u8aToHex(d.client.sign(await payloadOf(d))) },
    });

    // What fits in a block by weight (and by length).
    const weights = api.consts.system.blockWeights;
    const normal = weights.perClass.normal;
    const maxTotal = normal.maxTotal.unwrap();
    const baseExtrinsic = normal.baseExtrinsic;
    const maxLength = api.consts.system.blockLength.max.normal.toNumber();
    const fits = async (tx, perTx) => {
      const info = await tx.paymentInfo(alice);
      const signed = await tx.signAsync(alice, { nonce: -1 });
      const refTime = info.weight.refTime.toBigInt() + baseExtrinsic.refTime.toBigInt();
      const proof = info.weight.proofSize.toBigInt() + baseExtrinsic.proofSize.toBigInt();
      const byTime = maxTotal.refTime.toBigInt() / refTime;
      const byProof = proof > 0n ? maxTotal.proofSize.toBigInt() / proof : byTime;
      const byLength = BigInt(Math.floor(maxLength / signed.encodedLength));
      const txs = [byTime, byProof, byLength].reduce((a, b) => (a < b ? a : b));
      return { refTime, txs: Number(txs), signatures: Number(txs) * perTx, bytes: signed.encodedLength };
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
    let nonce = (await api.rpc.system.accountNextIndex(alice.address)).toNumber();
    const load = { bulk: [], single: [] };
    for (let i = 0; i < half; i += BULK) {
      const items = await Promise.all(docs.slice(i, i + BULK).map(async (d) =>
        ({ document: d.id, version: 0, hash: d.hash, relayed: await relayed(d) })));
      load.bulk.push(await api.tx.documents.signMany(items).signAsync(alice, { nonce: nonce++ }));
    }
    for (const d of docs.slice(half)) {
      const r = await relayed(d);
      load.single.push(await api.tx.documents.signRelayed(d.id, 0, d.hash, r.signer, r.signature)
        .signAsync(alice, { nonce: nonce++ }));
    }
    for (const [mode, txs] of Object.entries(load)) {
      const count = mode === 'bulk' ? txs.length * BULK : txs.length;
      const result = await measure(api, txs, count);
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

/** Submits `txs` at once and follows new blocks until `expected` signatures are in. */
async function measure(api, txs, expected) {
  const submitted = new Map();
  const latencies = [];
  const perBlock = [];
  let included = 0;
  let last = 0;
  const start = Date.now();
  const unsubscribe = await api.rpc.chain.subscribeNewHeads(async (header) => {
    const block = await api.rpc.chain.getBlock(header.hash);
    const now = Date.now();
    const events = await (await api.at(header.hash)).query.system.events();
    const signed = events.filter(({ event }) => event.section === 'documents' && event.method === 'Signed').length;
    for (const ext of block.block.extrinsics) {
      const at = submitted.get(ext.hash.toHex());
      if (at !== undefined) latencies.push(now - at);
    }
    if (signed > 0) { perBlock.push(signed); included += signed; last = now; }
  });
  for (const tx of txs) {
    submitted.set(tx.hash.toHex(), Date.now());
    await api.rpc.author.submitExtrinsic(tx);
  }
  const deadline = Date.now() + 10 * 60_000;
  while (included < expected && Date.now() < deadline) await sleep(500);
  unsubscribe();
  if (included < expected) throw new Error(`only ${included} of ${expected} signatures included`);
  latencies.sort((a, b) => a - b);
  return {
    perBlock,
    seconds: (last - start) / 1000,
    p50: percentile(latencies, 0.5),
    p95: percentile(latencies, 0.95),
    max: latencies[latencies.length - 1],
  };
}

main().catch((error) => { console.error(error); process.exit(1); });
