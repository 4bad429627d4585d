// The cost of Pactum's chain extension on a development node (a benchmark, not a test):
//   node bench-extension.mjs      (`bash scripts/throughput.sh extension` builds and runs it,
//                                  after printing each function's weight with the runtime's
//                                  `extension_weights` example)
//
// In one run it measures a regulated transfer made by a contract (token-vault's `pay`: a contract
// call whose chain-extension call makes the transfer) against a native `tokens.transfer` of the
// same asset, amount and fee: the weight each extrinsic was charged, its mean over ROUNDS
// (default 20) of each, and the ratio (target ≤ 3×). Every node it starts, it stops.
import { blake2AsHex } from '@polkadot/util-crypto';
import { startDevChain } from './lib/node.mjs';
import { submit, findEvent } from './lib/tx.mjs';
import { loadBundle, deploy, contractClient } from './lib/contracts.mjs';

const UNIT = 10n ** 12n;
const ASSET = 70;
const ROUNDS = Number(process.env.ROUNDS ?? 20);
const POLICY = { unverified: false, verified: true, corporate: true, minKycLevel: 1, contract: true };
const log = (...args) => console.log('[bench-extension]', ...args);

const chain = await startDevChain({ chain: 'dev' });
try {
  const { api } = chain;
  const [alice, bob, charlie] = chain.keys('Alice', 'Bob', 'Charlie');
  await submit(api, api.tx.utility.batchAll([
    api.tx.tokens.createAsset(ASSET, 1, POLICY, alice.address, 1_000_000_000_000_000_000n),
    api.tx.tokens.setAuthorisedSupply(ASSET, 10_000_000n),
    api.tx.tokens.addCollateral(ASSET, 10_000_000n, blake2AsHex('collateral')),
    api.tx.tokens.issue(ASSET, bob.address, 1_000_000n),
    api.tx.tokens.setFee(ASSET, 'Asset', { flat: 2, percent: 0, min: 0, max: null }),
  ]), alice);
  const { contract } = await deploy(api, loadBundle(api, 'token-vault'), bob, { value: 100n * UNIT });
  const vault = contractClient(api, contract);
  await submit(api, api.tx.tokens.transfer(ASSET, vault.address, 500_000n), bob);

  const charged = (outcome) => findEvent(outcome.events, 'system', 'ExtrinsicSuccess').data.dispatchInfo.weight;
  const total = { contract: [0n, 0n], native: [0n, 0n] };
  for (let i = 0; i < ROUNDS; i++) {
    const paid = await vault.exec(bob, 'pay', [ASSET, charlie.address, 10n]);
    const native = await submit(api, api.tx.tokens.transfer(ASSET, charlie.address, 10n), bob);
    for (const [kind, outcome] of [['contract', paid], ['native', native]]) {
      const w = charged(outcome);
      total[kind][0] += w.refTime.toBigInt();
      total[kind][1] += w.proofSize.toBigInt();
    }
  }
  const mean = (kind) => total[kind].map((v) => v / BigInt(ROUNDS));
  const [c, n] = [mean('contract'), mean('native')];
  log(`contract-driven regulated transfer (token-vault.pay): refTime ${c[0]} ps, proofSize ${c[1]} B (mean of ${ROUNDS})`);
  log(`native tokens.transfer:                          refTime ${n[0]} ps, proofSize ${n[1]} B`);
  log(`ratio (refTime): ${(Number(c[0]) / Number(n[0])).toFixed(2)}x (target ≤ 3x)`);
} finally {
  await chain.stop();
}
