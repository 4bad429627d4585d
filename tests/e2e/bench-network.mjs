// Regulated token transfers on the four-validator local network, at a steady offered rate (a
// benchmark, not a test):
//   node bench-network.mjs     (`bash scripts/throughput.sh network` builds and runs it)
// Env:
//   RATE      transfers offered per second (default 100), uniformly: one every 1/RATE s
//   DURATION  seconds of load (default 600)
//   ACCOUNTS  verified holders sending them, round robin (default 1000)
//   STEP      when set (transfers/s), the step mode: RATE for DURATION, then RATE + STEP, … each on
//             the same network, until a step's p90 inclusion passes 15 s, a transfer is lost or
//             refused; it reports the highest rate that held
//   CHAIN     the chain the validators run (default `local`, 6-second slots; `local-fast`: 2 s)
//   SLOT_MS   when set, that chain with slots of this many milliseconds instead (its genesis's
//             `MinimumPeriod`, as the node's `-fast` chains set it): e.g. 3000
//   BABE_C    when set (`N/D`), that chain with BABE's primary-slot probability N/D instead (its
//             genesis's `Babe::EpochConfig`, secondary VRF slots kept): `0/1` leaves one
//             author per slot
//
// The network is scripts/local-net.sh's: Alice, Bob, Charlie and Dave on 127.0.0.1, each on a core
// it shares with the three others. The transfers are signed before the load starts and are
// submitted to the four validators in turn. What it prints, for each rate: transfers included
// per second (per 30-second window) and per block, inclusion latency (submission to the import, on
// Alice's node, of the block of the finalized chain that holds it) and finality latency
// (submission to the finalized head reaching that block), p50/p90/p99/max; blocks seen off the
// finalized chain (forks); transfers that failed in their block; and transfers lost (accepted by
// a node, never in a finalized block) and refused at submission. For the whole run, from the
// validators' logs: how long loaded blocks took to build, how long after sealing the last other
// validator had imported each, and the sum (the part of a slot a block takes until every
// validator has it). Every process it starts, it stops.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Keyring } from '@polkadot/keyring';
import { u8aToHex } from '@polkadot/util';
import { cryptoWaitReady, xxhashAsHex } from '@polkadot/util-crypto';
import { connect, freePortRange, localNet, rawSpec, sleep, waitFor } from './lib/node.mjs';
import { batches, percentile, setupRegulatedAsset, signOffline } from './lib/load.mjs';

const RATE = Number(process.env.RATE ?? 100);
const DURATION = Number(process.env.DURATION ?? 600);
const ACCOUNTS = Number(process.env.ACCOUNTS ?? 1000);
const STEP = Number(process.env.STEP ?? 0);
const CHAIN = process.env.CHAIN ?? 'local';
const SLOT_MS = process.env.SLOT_MS ? Number(process.env.SLOT_MS) : undefined;
const BABE_C = process.env.BABE_C ? process.env.BABE_C.split('/').map(BigInt) : undefined;
const ASSET = 7;
const UNIT = 10n ** 12n;
const AMOUNT = 1_000;
// The tokenization platform's acceptance: 90 % of payments applied within 15 s, none over 30 s.
const P90_LIMIT_MS = 15_000;
const MAX_LIMIT_MS = 30_000;
const NAMES = ['alice', 'bob', 'charlie', 'dave'];

const log = (...args) => console.log('[bench-network]', ...args);

/**
 * Alice's view of the chain: every block imported (forks too), when it was seen, its
 * extrinsics, whether each of them succeeded, and when the finalized head reached each height.
 */
async function observe(api) {
  const blocks = new Map(); // hash -> { number, parent, seenAt, txs: Map(hash -> ok) | null }
  const finalized = []; // [number, time], in order
  const pending = [];
  // A block's extrinsics by hash, each with whether it succeeded.
  const read = async (hash) => {
    const [signed, events] = await Promise.all([
      api.rpc.chain.getBlock(hash),
      api.at(hash).then((at) => at.query.system.events()),
    ]);
    const failed = new Set();
    for (const { phase, event } of events) {
      if (phase.isApplyExtrinsic && api.events.system.ExtrinsicFailed.is(event)) {
        failed.add(phase.asApplyExtrinsic.toNumber());
      }
    }
    const txs = new Map();
    signed.block.extrinsics.forEach((ext, index) => txs.set(ext.hash.toHex(), !failed.has(index)));
    return txs;
  };
  const unsubscribeHeads = await api.rpc.chain.subscribeAllHeads((header) => {
    const seenAt = Date.now();
    const hash = header.hash.toHex();
    // Its extrinsics come later; a fork may be pruned before they are read (then `txs` stays
    // null: a finalized block left so is reported as not seen).
    const block = { number: header.number.toNumber(), parent: header.parentHash.toHex(), seenAt, txs: null };
    blocks.set(hash, block);
    pending.push(read(hash).then((txs) => { block.txs = txs; }, () => {}));
  });
  const unsubscribeFinal = await api.rpc.chain.subscribeFinalizedHeads((header) => {
    finalized.push([header.number.toNumber(), Date.now()]);
  });
  return {
    blocks,
    finalized,
    async stop() {
      unsubscribeHeads();
      unsubscribeFinal();
      await Promise.all(pending);
    },
    /** The hashes of the finalized chain from `fromNumber` (exclusive) to the finalized head. */
    async finalizedChain(fromNumber) {
      const chain = [];
      let hash = (await api.rpc.chain.getFinalizedHead()).toHex();
      for (;;) {
        const known = blocks.get(hash);
        const { number, parent } = known ?? await api.rpc.chain.getHeader(hash)
          .then((h) => ({ number: h.number.toNumber(), parent: h.parentHash.toHex() }));
        if (number <= fromNumber) break;
        chain.push(hash);
        hash = parent;
      }
      return chain.reverse();
    },
  };
}

/** Submits `load` (entries of { hex, hash }) at `rate` per second to the validators in turn. */
async function offer(apis, load, rate, submitted, refused) {
  const start = Date.now();
  const inFlight = [];
  for (let i = 0; i < load.length; i += 1) {
    const due = start + (i * 1000) / rate;
    const wait = due - Date.now();
    if (wait > 0) await sleep(wait);
    const { hex, hash } = load[i];
    submitted.set(hash, Date.now());
    inFlight.push(apis[i % apis.length].rpc.author.submitExtrinsic(hex).catch((error) => {
      submitted.delete(hash);
      refused.push(error.message);
    }));
  }
  await Promise.all(inFlight);
  return (Date.now() - start) / 1000;
}

function stats(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const at = (p) => (sorted.length ? percentile(sorted, p) : NaN);
  return { count: sorted.length, p50: at(0.5), p90: at(0.9), p99: at(0.99), max: sorted[sorted.length - 1] ?? NaN };
}

const ms = (s) => `p50 ${s.p50} ms, p90 ${s.p90} ms, p99 ${s.p99} ms, max ${s.max} ms`;

/**
 * One step: `rate` transfers per second for `duration` seconds, then waits (up to 3 minutes)
 * until every accepted transfer is in a finalized block. Returns its numbers.
 */
async function runStep(ctx, rate, duration) {
  const { apis, alice, observer, holders, nonces } = ctx;
  const total = Math.round(rate * duration);
  log(`step ${rate}/s for ${duration} s: pre-signing ${total} transfers from ${holders.length} holders`);
  const load = [];
  for (let i = 0; i < total; i += 1) {
    // Signing takes the event loop: let the observer's reads through now and then.
    if (i % 2_000 === 0) await new Promise((resolve) => setImmediate(resolve));
    const from = i % holders.length;
    const to = (from + 1) % holders.length;
    const signed = signOffline(alice, alice.tx.tokens.transfer(ASSET, holders[to].address, AMOUNT),
      holders[from], nonces[from]);
    nonces[from] += 1;
    load.push({ hex: signed.toHex(), hash: signed.hash.toHex() });
  }
  const fromNumber = (await alice.rpc.chain.getHeader()).number.toNumber();
  const submitted = new Map();
  const refused = [];
  log(`offering ${total} transfers at ${rate}/s`);
  const offeredFor = await offer(apis, load, rate, submitted, refused);

  // Drain: every accepted transfer in a finalized block, or 3 minutes.
  const found = new Map(); // tx hash -> { block, ok }
  const deadline = Date.now() + 180_000;
  let chain = [];
  for (;;) {
    chain = await observer.finalizedChain(fromNumber);
    found.clear();
    for (const hash of chain) {
      const block = observer.blocks.get(hash);
      if (!block?.txs) continue;
      for (const [tx, ok] of block.txs) if (submitted.has(tx)) found.set(tx, { block, ok });
    }
    if (found.size === submitted.size || Date.now() > deadline) break;
    await sleep(2_000);
  }
  const missing = chain.filter((hash) => !observer.blocks.get(hash)?.txs).length;
  const finalityAt = (number) => observer.finalized.find(([n]) => n >= number)?.[1];

  const inclusion = [];
  const finality = [];
  let failed = 0;
  const perBlock = [];
  const windows = new Map();
  // Not Math.min(...values): spreading an hour's 200,000 submissions overflows the call stack.
  let start = Infinity;
  for (const at of submitted.values()) if (at < start) start = at;
  for (const hash of chain) {
    const block = observer.blocks.get(hash);
    if (!block?.txs) continue;
    let ours = 0;
    for (const [tx, ok] of block.txs) {
      const at = submitted.get(tx);
      if (at === undefined) continue;
      ours += 1;
      if (!ok) failed += 1;
      inclusion.push(block.seenAt - at);
      const final = finalityAt(block.number);
      if (final !== undefined) finality.push(final - at);
      const window = Math.floor((block.seenAt - start) / 30_000);
      windows.set(window, (windows.get(window) ?? 0) + 1);
    }
    if (ours > 0) perBlock.push(ours);
  }
  const canonical = new Set(chain);
  const lastFinal = chain.length ? observer.blocks.get(chain[chain.length - 1])?.number ?? fromNumber : fromNumber;
  const forks = [...observer.blocks.entries()].filter(([hash, b]) =>
    b.number > fromNumber && b.number <= lastFinal && !canonical.has(hash)).length;
  const result = {
    rate,
    offered: total,
    offeredFor,
    accepted: submitted.size,
    refused: refused.length,
    included: found.size,
    lost: submitted.size - found.size,
    failed,
    inclusion: stats(inclusion),
    finality: stats(finality),
    perBlock: stats(perBlock),
    blocks: perBlock.length,
    forks,
    windows: [...windows.entries()].sort((a, b) => a[0] - b[0]).map(([, n]) => (n / 30).toFixed(1)),
  };
  log(`rate ${rate}/s: offered ${total} in ${offeredFor.toFixed(1)} s; accepted ${result.accepted}, refused at submission ${result.refused}${refused.length ? ` (first: ${refused[0]})` : ''}`);
  log(`rate ${rate}/s: in finalized blocks ${result.included}, failed in their block ${failed}, lost ${result.lost}${missing ? ` (${missing} finalized blocks not seen by the observer)` : ''}`);
  log(`rate ${rate}/s: included per second, by 30-s window: ${result.windows.join(' ')}`);
  log(`rate ${rate}/s: per block (${result.blocks} blocks): p50 ${result.perBlock.p50}, max ${result.perBlock.max}; forks seen: ${forks} blocks off the finalized chain`);
  log(`rate ${rate}/s: inclusion latency ${ms(result.inclusion)}`);
  log(`rate ${rate}/s: finality latency ${ms(result.finality)}`);
  return result;
}

/** Whether a step meets the platform's test: p90 ≤ 15 s, none over 30 s, nothing lost. */
const held = (r) => r.lost === 0 && r.refused === 0 && r.failed === 0
  && r.inclusion.p90 <= P90_LIMIT_MS && r.inclusion.max <= MAX_LIMIT_MS;

/** A block hash as the node's informant prints it: `0x1234…abcd`. */
const shortHash = (hash) => `${hash.slice(0, 6)}\u2026${hash.slice(-4)}`;

/** The time of a log line of `--detailed-log-output` (`2026-12-06 03:50:01.123 …`), in ms. */
const lineTime = (line) => Date.parse(`${line.slice(0, 10)}T${line.slice(11, 23)}Z`);

/**
 * What the validators' logs say of the loaded blocks (more than the timestamp inherent): how long
 * their authors took to build them ("Prepared block" lines), how many proposals were discarded for
 * overrunning the proposal window ("Discarding proposal": the slot stays empty), and, for each
 * block sealed, how long after its author sealed it the last of the three other validators had
 * imported it ("Imported" lines: the author's own import, the announcement, the download, the
 * checks and the block's execution on a validator sharing the cores), and that plus the build:
 * the part of the slot a block takes until every validator has it.
 */
function blockTimes(netDir) {
  const built = [];
  const sealed = []; // { hash, author, at, ms }
  const imported = new Map(); // short hash -> Map(validator -> first import time)
  let discarded = 0;
  for (const name of NAMES) {
    let prepared;
    for (const raw of readFileSync(join(netDir, `${name}.log`), 'utf8').split('\n')) {
      const line = raw.replace(/\x1b\[[0-9;]*m/g, '');
      let found = /Prepared block for proposing at \d+ \((\d+) ms\).*extrinsics_count: (\d+)/.exec(line);
      if (found) {
        prepared = Number(found[2]) > 1 ? Number(found[1]) : undefined;
        if (prepared !== undefined) built.push(prepared);
      } else if ((found = /Pre-sealed block for proposal at \d+\. Hash now (0x[0-9a-f]{64})/.exec(line))) {
        if (prepared !== undefined) sealed.push({ hash: shortHash(found[1]), author: name, at: lineTime(line), ms: prepared });
        prepared = undefined;
      } else if ((found = /Imported #\d+ \(\S+ \u2192 (\S+)\)/.exec(line))) {
        if (!imported.has(found[1])) imported.set(found[1], new Map());
        const seen = imported.get(found[1]);
        if (!seen.has(name)) seen.set(name, lineTime(line));
      } else if (line.includes('Discarding proposal for slot')) {
        discarded += 1;
      }
    }
  }
  const lags = [];
  const totals = [];
  for (const block of sealed) {
    const seen = imported.get(block.hash);
    const others = NAMES.filter((name) => name !== block.author).map((name) => seen?.get(name));
    if (others.some((time) => time === undefined)) continue;
    const lag = Math.max(...others) - block.at;
    lags.push(lag);
    totals.push(block.ms + lag);
  }
  return { built: stats(built), discarded, importedByAll: stats(lags), untilAllHaveIt: stats(totals) };
}

/** `value` as SCALE's eight little-endian bytes of a `u64`, in hex without `0x`. */
const u64 = (value) => {
  const bytes = new DataView(new ArrayBuffer(8));
  bytes.setBigUint64(0, BigInt(value), true);
  return u8aToHex(new Uint8Array(bytes.buffer)).slice(2);
};

/**
 * The raw spec of `chain`, with `slotMs`-millisecond slots (the runtime's `MinimumPeriod`, half a
 * slot, in its genesis storage) and BABE's primary probability `c` (`Babe::EpochConfig`, with
 * secondary VRF slots), where given, written to `dir`.
 */
function chainSpec(chain, { slotMs, c }, dir) {
  const raw = rawSpec(chain);
  if (slotMs === undefined && c === undefined) return raw;
  const spec = JSON.parse(readFileSync(raw, 'utf8'));
  const top = spec.genesis.raw.top;
  if (slotMs !== undefined) top[xxhashAsHex(':MinimumPeriod:', 128)] = `0x${u64(slotMs / 2)}`;
  if (c !== undefined) {
    const key = xxhashAsHex('Babe', 128) + xxhashAsHex('EpochConfig', 128).slice(2);
    // BabeEpochConfiguration { c: (u64, u64), allowed_slots: PrimaryAndSecondaryVRFSlots (2) }
    top[key] = `0x${u64(c[0])}${u64(c[1])}02`;
  }
  const file = join(dir, `${chain}-custom.json`);
  writeFileSync(file, JSON.stringify(spec));
  return file;
}

async function main() {
  await cryptoWaitReady();
  const netDir = mkdtempSync(join(tmpdir(), 'pactum-bench-net-'));
  const env = {
    PACTUM_NET_DIR: netDir,
    PACTUM_CHAIN: chainSpec(CHAIN, { slotMs: SLOT_MS, c: BABE_C }, netDir),
    PACTUM_NET_P2P_BASE: String(await freePortRange(4)),
    // The pools hold a whole step's backlog: a refused submission would be a lost payment.
    // Log times in milliseconds (`--detailed-log-output`), for the blocks' import times.
    PACTUM_NET_ARGS: '--pool-limit 200000 --pool-kbytes 400000 --rpc-max-connections 1000 --detailed-log-output',
  };
  const rpcBase = await freePortRange(4);
  env.PACTUM_NET_RPC_BASE = String(rpcBase);
  process.on('exit', () => { try { localNet(env, 'stop'); } catch { /* already down */ } });
  let apis = [];
  let observer;
  try {
    localNet(env, 'start');
    apis = await Promise.all(NAMES.map((_, i) => connect(`ws://127.0.0.1:${rpcBase + i}`)));
    const [alice] = apis;
    await waitFor(async () => (await alice.rpc.system.health()).peers.toNumber() === 3, 120_000, 'alice to see 3 peers');
    const keyring = new Keyring({ type: 'sr25519', ss58Format: 42 });
    const sudo = keyring.addFromUri('//Alice');
    const holders = Array.from({ length: ACCOUNTS }, (_, i) => keyring.addFromUri(`//net-holder-${i}`));
    const custom = [SLOT_MS && `${SLOT_MS} ms slots`, BABE_C && `BABE c = ${BABE_C.join('/')}`].filter(Boolean);
    log(`${CHAIN}${custom.length ? ` with ${custom.join(', ')}` : ''}: four validators up; setting up ${ACCOUNTS} verified holders of asset ${ASSET}`);
    const longest = STEP ? 3_600 : DURATION;
    const perHolder = BigInt(Math.ceil(((STEP ? RATE * 10 : RATE) * longest) / ACCOUNTS) + 10);
    const fee = (await alice.tx.tokens.transfer(ASSET, holders[1].address, AMOUNT).paymentInfo(sudo)).partialFee.toBigInt();
    await setupRegulatedAsset(alice, sudo, holders, {
      asset: ASSET, pact: UNIT + 2n * fee * perHolder, units: 10n * BigInt(AMOUNT) * perHolder,
    });
    // A little of Alice's own activity makes sure nothing of the set-up is left in the pools.
    await batches(alice, sudo, [alice.tx.system.remark('load starts')]);
    const nonces = (await Promise.all(holders.map((h) => alice.rpc.system.accountNextIndex(h.address))))
      .map((n) => n.toNumber());
    observer = await observe(alice);
    const ctx = { apis, alice, observer, holders, nonces };
    const results = [];
    for (let rate = RATE; ; rate += STEP) {
      const result = await runStep(ctx, rate, DURATION);
      results.push(result);
      if (!STEP || !held(result)) break;
    }
    const times = blockTimes(env.PACTUM_NET_DIR);
    log(`loaded blocks built (all validators, the whole run): ${times.built.count}, build time ${ms(times.built)}; `
      + `proposals discarded for overrunning the window: ${times.discarded}`);
    log(`loaded blocks imported by the three other validators (${times.importedByAll.count}): `
      + `the last import after sealing ${ms(times.importedByAll)}`);
    log(`build plus that, the part of the ${SLOT_MS ?? (CHAIN.endsWith("-fast") ? 2_000 : 6_000)} ms slot a loaded block takes until every validator has it: `
      + `${ms(times.untilAllHaveIt)}`);
    const passed = results.filter(held);
    if (STEP) {
      log(passed.length
        ? `highest rate that held (p90 inclusion <= 15 s, none over 30 s, nothing lost): ${passed[passed.length - 1].rate}/s`
        : `no rate held; the first step (${RATE}/s) did not`);
    } else {
      log(`the platform's test (p90 inclusion <= 15 s, none over 30 s, nothing lost or refused): ${passed.length ? 'passed' : 'FAILED'}`);
    }
  } finally {
    await observer?.stop().catch(() => {});
    await Promise.all(apis.map((api) => api.disconnect().catch(() => {})));
    localNet(env, 'stop');
  }
}

main().catch((error) => { console.error(error); process.exit(1); });
