// Loading a node with pre-signed extrinsics and measuring what the chain includes.
import { readFileSync } from 'node:fs';
import { blake2AsHex } from '@polkadot/util-crypto';
import { sleep } from './node.mjs';

export const percentile = (sorted, p) => sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))];

/**
 * Submits the pre-signed `txs` (in chunks of concurrent submissions) and follows new blocks
 * until `expected` units are in, counting a block's units with `count(events)`. Returns the
 * units included per block (and those blocks' numbers), the rate (units per second from the first submission to the last
 * inclusion) and the inclusion latency of the extrinsics (submission to the block's import).
 */
export async function measure(api, txs, expected, count, { chunk = 256, timeoutMs = 5 * 60_000 } = {}) {
  const submitted = new Map();
  const latencies = [];
  const perBlock = [];
  const blocks = [];
  let included = 0;
  let last = 0;
  // Blocks up to the current best were built before the load.
  const before = (await api.rpc.chain.getHeader()).number.toNumber();
  const unsubscribe = await api.rpc.chain.subscribeNewHeads(async (header) => {
    if (header.number.toNumber() <= before) return;
    const [block, events] = await Promise.all([
      api.rpc.chain.getBlock(header.hash),
      api.at(header.hash).then((at) => at.query.system.events()),
    ]);
    const now = Date.now();
    for (const ext of block.block.extrinsics) {
      const at = submitted.get(ext.hash.toHex());
      if (at !== undefined) latencies.push(now - at);
    }
    const units = count(events);
    if (units > 0) {
      perBlock.push(units);
      blocks.push(header.number.toNumber());
      included += units;
      last = now;
    }
  });
  const start = Date.now();
  for (let i = 0; i < txs.length; i += chunk) {
    await Promise.all(txs.slice(i, i + chunk).map((tx) => {
      submitted.set(tx.hash.toHex(), Date.now());
      return api.rpc.author.submitExtrinsic(tx);
    }));
  }
  const deadline = Date.now() + timeoutMs;
  while (included < expected && Date.now() < deadline) await sleep(500);
  unsubscribe();
  if (included < expected) throw new Error(`only ${included} of ${expected} included`);
  latencies.sort((a, b) => a - b);
  return {
    perBlock,
    blocks,
    seconds: (last - start) / 1000,
    p50: percentile(latencies, 0.5),
    p95: percentile(latencies, 0.95),
    max: latencies[latencies.length - 1],
  };
}

/**
 * How many extrinsics like `tx` (signed by `signer`) fit in one block: by the normal class's
 * weight (ref time and proof size, each with the base extrinsic weight) and by length.
 */
export async function perBlockByWeight(api, tx, signer) {
  const normal = api.consts.system.blockWeights.perClass.normal;
  const maxTotal = normal.maxTotal.unwrap();
  const base = normal.baseExtrinsic;
  const maxLength = api.consts.system.blockLength.max.normal.toNumber();
  const info = await tx.paymentInfo(signer);
  const signed = await tx.signAsync(signer, { nonce: -1 });
  const refTime = info.weight.refTime.toBigInt() + base.refTime.toBigInt();
  const proof = info.weight.proofSize.toBigInt() + base.proofSize.toBigInt();
  const byTime = maxTotal.refTime.toBigInt() / refTime;
  const byProof = proof > 0n ? maxTotal.proofSize.toBigInt() / proof : byTime;
  const byLength = BigInt(Math.floor(maxLength / signed.encodedLength));
  const txs = [byTime, byProof, byLength].reduce((a, b) => (a < b ? a : b));
  return { refTime, txs: Number(txs), bytes: signed.encodedLength };
}

/**
 * Signs `tx` offline (immortal, at `nonce`) without asking the node: for pre-signing thousands
 * of extrinsics.
 */
export function signOffline(api, tx, signer, nonce) {
  return tx.sign(signer, {
    blockHash: api.genesisHash,
    genesisHash: api.genesisHash,
    era: api.createType('ExtrinsicEra'),
    nonce,
    runtimeVersion: api.runtimeVersion,
    signedExtensions: api.registry.signedExtensions,
  });
}

/**
 * How long the node took to build each of `blocks` (its "Prepared block for proposing at N
 * (T ms)" log lines): the real cost of a block, next to the weight it was filled to.
 */
export function buildTimes(logFile, blocks) {
  const wanted = new Set(blocks);
  const times = [];
  for (const line of readFileSync(logFile, 'utf8').split('\n')) {
    const found = /Prepared block for proposing at (\d+) \((\d+) ms\)/.exec(line);
    if (found && wanted.has(Number(found[1]))) times.push(Number(found[2]));
  }
  times.sort((a, b) => a - b);
  return { count: times.length, p50: percentile(times, 0.5), max: times[times.length - 1] };
}

/**
 * Submits `signer`'s `calls` in pre-signed `utility.batchAll`s of `size` and waits until all are
 * in a block.
 */
export async function batches(api, signer, calls, size = 100) {
  let nonce = (await api.rpc.system.accountNextIndex(signer.address)).toNumber();
  for (let i = 0; i < calls.length; i += size) {
    await api.rpc.author.submitExtrinsic(
      signOffline(api, api.tx.utility.batchAll(calls.slice(i, i + size)), signer, nonce++));
  }
  while ((await api.query.system.account(signer.address)).nonce.toNumber() < nonce) await sleep(1000);
}

/**
 * Makes `holders` (new accounts) verified participants (KYC level 1), each funded with `pact`
 * (for fees and the registration deposit) and holding `units` of the regulated asset `asset`,
 * which Alice (every admin role in the dev and local presets) creates with every rule a transfer
 * can meet: a 0.1 % fee with a minimum of 1, and per-payment, daily and monthly limits far above
 * any load.
 */
export async function setupRegulatedAsset(api, alice, holders, { asset, pact, units }) {
  await batches(api, alice, holders.map((h) => api.tx.balances.transferKeepAlive(h.address, pact)));
  await Promise.all(holders.map((h) => api.rpc.author.submitExtrinsic(
    signOffline(api, api.tx.registry.register(), h, 0))));
  const registered = async () => (await Promise.all(holders.map((h) =>
    api.rpc.system.accountNextIndex(h.address)))).every((n) => n.toNumber() > 0);
  while (!(await registered())) await sleep(1000);
  const expires = 10_000_000;
  await batches(api, alice, [
    ...holders.map((h) => api.tx.registry.verifyKyc(h.address, 1, blake2AsHex(h.address), expires)),
    api.tx.tokens.createAsset(asset, 1, { unverified: false, verified: true, corporate: true, minKycLevel: 1, contract: false },
      alice.address, 10n ** 18n),
    api.tx.tokens.setAuthorisedSupply(asset, 10n ** 15n),
    api.tx.tokens.addCollateral(asset, 10n ** 15n, blake2AsHex('reserve account statement')),
    api.tx.tokens.setFee(asset, { Asset: null }, { flat: 0, percent: 1_000, min: 1, max: null }),
    api.tx.tokens.setLimits(asset, { Asset: null },
      { perPayment: 10n ** 9n, perDay: 10n ** 12n, perMonth: 10n ** 13n }),
    ...holders.map((h) => api.tx.tokens.issue(asset, h.address, units)),
  ]);
}
