// Throughput of regulated token transfers against plain balance transfers on a development node
// (a benchmark, not a test):
//   node bench-tokens.mjs            (`bash scripts/throughput.sh tokens` builds and runs it)
// Env: ACCOUNTS (default 200) registered, verified holders; PER_ACCOUNT (default 60) transfers
// each sends of both kinds, to the next holder.
//
// It prints how many transfers of each kind fit in one block by weight, then loads the node with
// the pre-signed regulated transfers (fee and limits apply) and, in the same run, the plain
// `balances.transferKeepAlive`s, then BATCHED (default 3) times as many regulated payments in
// `tokens.transfer_many`s of LEGS (default 100) legs (more than one block holds), and prints for
// each: transfers included per block, transfers per second, and inclusion latency; then the
// regulated/plain ratio. With PROFILE=1 it also samples the node with `perf record` during each
// load and prints the functions that took the most of its CPU time (the runtime's Wasm functions
// named through wasmtime's perf map): where a transfer's time goes. Every process it starts, it
// stops.
import { readFileSync } from 'node:fs';
import { Keyring } from '@polkadot/keyring';
import { cryptoWaitReady } from '@polkadot/util-crypto';
import { startDevNode, connect } from './lib/node.mjs';
import { startProfile } from './lib/profile.mjs';
import {
  buildTimes, measure, perBlockByWeight, setupRegulatedAsset, signOffline,
} from './lib/load.mjs';

const ACCOUNTS = Number(process.env.ACCOUNTS ?? 200);
const PER_ACCOUNT = Number(process.env.PER_ACCOUNT ?? 60);
// Payments per `tokens.transfer_many` of the batched load (at most the runtime's 500).
const LEGS = Number(process.env.LEGS ?? 100);
// How many times the other loads' number of payments the batched load makes.
const BATCHED = Number(process.env.BATCHED ?? 3);
const PROFILE = process.env.PROFILE === '1';
const ASSET = 1;
const UNIT = 10n ** 12n;

const log = (...args) => console.log('[bench-tokens]', ...args);

async function main() {
  await cryptoWaitReady();
  const total = ACCOUNTS * PER_ACCOUNT;
  // The node names its Wasm runtime's compiled functions for perf (/tmp/perf-<pid>.map).
  if (PROFILE) process.env.WASMTIME_PROFILING_STRATEGY = 'perfmap';
  // The pool must hold a whole load.
  const node = await startDevNode(['--pool-limit', String(2 * total), '--pool-kbytes', '1000000'], { chain: 'dev' });
  let api;
  try {
    api = await connect(node.wsUrl);
    const keyring = new Keyring({ type: 'sr25519', ss58Format: 42 });
    const alice = keyring.addFromUri('//Alice');
    const holders = Array.from({ length: ACCOUNTS }, (_, i) => keyring.addFromUri(`//bench-holder-${i}`));

    log(`setting up ${ACCOUNTS} verified holders of asset ${ASSET}`);
    await setupRegulatedAsset(api, alice, holders, { asset: ASSET, pact: 1_000n * UNIT, units: 10n ** 9n });

    const next = (i) => holders[(i + 1) % ACCOUNTS].address;
    const regulatedTx = (i) => api.tx.tokens.transfer(ASSET, next(i), 1_000);
    const plainTx = (i) => api.tx.balances.transferKeepAlive(next(i), UNIT);
    const regulatedFit = await perBlockByWeight(api, regulatedTx(0), holders[0]);
    const plainFit = await perBlockByWeight(api, plainTx(0), holders[0]);
    log(`by weight: tokens.transfer ${regulatedFit.refTime} ps -> ${regulatedFit.txs} per block`);
    log(`by weight: balances.transferKeepAlive ${plainFit.refTime} ps -> ${plainFit.txs} per block`);
    const sampleLegs = Array.from({ length: LEGS }, (_, l) => [holders[1 + (l % (ACCOUNTS - 1))].address, 1_000]);
    const batchedFit = await perBlockByWeight(api, api.tx.tokens.transferMany(ASSET, sampleLegs), holders[0]);
    log(`by weight: tokens.transfer_many of ${LEGS} ${batchedFit.refTime} ps -> ${batchedFit.txs * LEGS} legs per block`);

    log(`pre-signing ${total} transfers of each kind`);
    const nonces = await Promise.all(holders.map((h) => api.rpc.system.accountNextIndex(h.address)));
    const load = { regulated: [], plain: [] };
    holders.forEach((h, i) => {
      const first = nonces[i].toNumber();
      for (let k = 0; k < PER_ACCOUNT; k += 1) {
        load.regulated.push(signOffline(api, regulatedTx(i), h, first + k));
        load.plain.push(signOffline(api, plainTx(i), h, first + PER_ACCOUNT + k));
      }
    });
    // Interleave the holders so each block draws from all of them.
    const byRound = (txs) => Array.from({ length: txs.length }, (_, j) =>
      txs[(j % ACCOUNTS) * PER_ACCOUNT + Math.floor(j / ACCOUNTS)]);
    load.regulated = byRound(load.regulated);
    load.plain = byRound(load.plain);
    // BATCHED times as many regulated payments as legs of `transfer_many`s of LEGS each, sent
    // by the holders in turn, each leg to one of the holders after the sender.
    const legsTotal = BATCHED * total;
    load.batched = Array.from({ length: Math.ceil(legsTotal / LEGS) }, (_, j) => {
      const from = j % ACCOUNTS;
      const legs = Array.from({ length: Math.min(LEGS, legsTotal - j * LEGS) }, (_, l) =>
        [holders[(from + 1 + (l % (ACCOUNTS - 1))) % ACCOUNTS].address, 1_000]);
      return signOffline(api, api.tx.tokens.transferMany(ASSET, legs), holders[from],
        nonces[from].toNumber() + 2 * PER_ACCOUNT + Math.floor(j / ACCOUNTS));
    });

    const counted = {
      regulated: ['tokens', 'Transferred'], plain: ['balances', 'Transfer'], batched: ['tokens', 'Transferred'],
    };
    const rates = {};
    for (const [kind, txs] of Object.entries(load)) {
      const [section, method] = counted[kind];
      const count = kind === 'batched' ? legsTotal : total;
      const profile = PROFILE ? startProfile(node.pid) : undefined;
      const result = await measure(api, txs, count, (events) => events.filter(
        ({ event }) => event.section === section && event.method === method).length);
      rates[kind] = count / result.seconds;
      log(`${kind}: ${count} transfers included per block ${result.perBlock.join(', ')} (max ${Math.max(...result.perBlock)})`);
      log(`${kind}: ${rates[kind].toFixed(1)} transfers/s over ${result.seconds.toFixed(1)} s`);
      log(`${kind}: inclusion latency p50 ${result.p50} ms, p95 ${result.p95} ms, max ${result.max} ms`);
      const built = buildTimes(node.logFile, result.blocks);
      log(`${kind}: building a loaded block took p50 ${built.p50} ms, max ${built.max} ms (${built.count} blocks)`);
      if (profile) {
        const { samples, top } = await profile.report();
        log(`${kind}: the node's CPU time by function, self (${samples ?? '?'} samples, submission and blocks):`);
        for (const line of top) log(`${kind}:   ${line}`);
      }
    }
    log(`regulated / plain rate: ${(rates.regulated / rates.plain).toFixed(2)}`);
    log(`transfer_many legs (${LEGS} per extrinsic) / regulated transfers rate: ${(rates.batched / rates.regulated).toFixed(2)}`);
  } catch (error) {
    // What the node said last, before its directory goes.
    const lines = readFileSync(node.logFile, 'utf8').trim().split('\n');
    console.error(lines.slice(-40).join('\n'));
    throw error;
  } finally {
    delete process.env.WASMTIME_PROFILING_STRATEGY;
    await api?.disconnect();
    await node.stop();
  }
}

main().catch((error) => { console.error(error); process.exit(1); });
