// The Rust client, `pactum-chain-api` (gateway/chain-api: subxt's types generated from the
// runtime's metadata, which the gateway uses too), against a real node: its example
// `regulated_transfer` reads the runtime's quote of a regulated transfer — the same the node's
// JSON-RPC gives —, submits it and reports the finalized `Transferred` event; when the rules
// refuse the transfer it stops at the quote and submits nothing.
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { dirname, join } from 'node:path';
import { promisify } from 'node:util';
import { GATEWAY_BIN } from './lib/gateway.mjs';
import { finalizedNumber, startDevChain, waitFor } from './lib/node.mjs';
import { submit } from './lib/tx.mjs';

const EXAMPLE = join(dirname(GATEWAY_BIN), 'examples', 'regulated_transfer');
const ASSET = 7;

describe('pactum-chain-api (Rust, subxt)', () => {
  let chain;
  let api;
  let bob;
  let charlie;

  const balanceOf = async (who) => {
    const account = await api.query.assets.account(ASSET, who.address);
    return account.isSome ? account.unwrap().balance.toBigInt() : 0n;
  };
  const example = (amount) => promisify(execFile)(EXAMPLE, [
    '--url', chain.node.wsUrl, '--suri', '//Bob', '--asset', String(ASSET),
    '--to', charlie.address, '--amount', String(amount),
  ], { encoding: 'utf8', timeout: 120_000 });
  const lines = (stdout) => stdout.trim().split('\n').map((line) => JSON.parse(line));

  before(async () => {
    chain = await startDevChain();
    ({ api } = chain);
    let alice;
    [alice, bob, charlie] = chain.keys('Alice', 'Bob', 'Charlie');
    // Alice (every admin role on the development chain): an asset verified participants may
    // hold, 10 000 of it to Bob, a fee of 10 + 1 % and a daily limit of 1 500 per sender.
    const policy = { unverified: false, verified: true, corporate: true, minKycLevel: 1, contract: false };
    await submit(api, api.tx.utility.batchAll([
      api.tx.tokens.createAsset(ASSET, 1, policy, alice.address, 10n ** 18n),
      api.tx.tokens.setAuthorisedSupply(ASSET, 1_000_000),
      api.tx.tokens.addCollateral(ASSET, 1_000_000, `0x${'11'.repeat(32)}`),
      api.tx.tokens.issue(ASSET, bob.address, 10_000),
      api.tx.tokens.setFee(ASSET, { Asset: null }, { flat: 10, percent: 10_000, min: 0, max: null }),
      api.tx.tokens.setLimits(ASSET, { Asset: null }, { perPayment: null, perDay: 1_500, perMonth: null }),
    ]), alice);
    // The example reads at the finalized block.
    const included = (await api.rpc.chain.getHeader()).number.toNumber();
    await waitFor(async () => (await finalizedNumber(api)) >= included, 60_000, `block ${included} finalized`);
  });

  after(async () => {
    await chain?.stop();
  });

  it('quotes a regulated transfer as the node\'s RPC does, submits it and sees it finalized', async () => {
    const expected = await chain.provider.send('tokens_quoteTransfer', [ASSET, bob.address, charlie.address, 1_000]);
    const { stdout } = await example(1_000);
    const [{ quote }, { transferred }] = lines(stdout);
    assert.deepEqual(quote, expected);
    assert.equal(quote.fee, '20');
    assert.deepEqual(transferred, {
      block: transferred.block, asset: ASSET, from: bob.address, to: charlie.address, amount: '1000', fee: '20',
    });
    const finalized = await api.rpc.chain.getFinalizedHead();
    const number = (await api.rpc.chain.getHeader(transferred.block)).number.toNumber();
    assert.ok(number <= (await api.rpc.chain.getHeader(finalized)).number.toNumber(), 'finalized');
    assert.equal(await balanceOf(charlie), 1_000n);
    assert.equal(await balanceOf(bob), 10_000n - 1_020n);
  });

  it('stops at the quote when a rule refuses the transfer (over the daily limit)', async () => {
    await assert.rejects(example(600), (error) => {
      assert.equal(error.code, 1, error.stderr);
      const [{ quote }] = lines(error.stdout);
      assert.equal(quote.refusal, 'OverDailyLimit');
      assert.equal(quote.dailyRemaining, '500');
      assert.match(error.stderr, /would be refused: OverDailyLimit/);
      return true;
    });
    assert.equal(await balanceOf(charlie), 1_000n, 'nothing was submitted');
  });
});
