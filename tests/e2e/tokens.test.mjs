// Regulated tokens on a development node: Alice (every admin role) creates an asset, authorises
// and collateralises its supply, issues to Bob and credits Charlie's off-chain deposit; Bob pays
// Charlie with a fee, hits his daily limit (which `tokens_quoteTransfer` predicted), Charlie
// withdraws and Alice confirms the payout; Alice pays two holders in one batch, all or nothing.
// pallet-assets' own calls are refused.
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { blake2AsHex } from '@polkadot/util-crypto';
import { startDevChain } from './lib/node.mjs';
import { checkedRpc } from './lib/definitions.mjs';
import { submit, findEvent } from './lib/tx.mjs';

const ASSET = 1;

describe('tokens on pactum-node --dev', () => {
  let chain;
  let api;
  let provider;
  let alice;
  let bob;
  let charlie;
  let dave;
  let eve;
  // Every answer is checked against node/rpc-definitions.json (see lib/definitions.mjs).
  const rpc = checkedRpc(() => provider, 'tokens');
  const balanceOf = async (who) => {
    const account = await api.query.assets.account(ASSET, who.address);
    return account.isSome ? account.unwrap().balance.toBigInt() : 0n;
  };

  before(async () => {
    chain = await startDevChain();
    ({ api, provider } = chain);
    [alice, bob, charlie, dave, eve] = chain.keys('Alice', 'Bob', 'Charlie', 'Dave', 'Eve');
  });

  after(async () => {
    await chain?.stop();
  });

  it('issues within authorised and collateralised supply, and credits a deposit once', async () => {
    const policy = { unverified: false, verified: true, corporate: true, minKycLevel: 1, contract: false };
    await submit(api, api.tx.utility.batchAll([
      api.tx.tokens.createAsset(ASSET, 1, policy, dave.address, 10n ** 18n),
      api.tx.tokens.setMetadata(ASSET, 'Digital tenge', 'DKZT', 2),
      api.tx.tokens.setAuthorisedSupply(ASSET, 1_000_000),
      api.tx.tokens.addCollateral(ASSET, 1_000_000, blake2AsHex('bank statement 2026-11')),
    ]), alice);
    const metadata = await api.query.assets.metadata(ASSET);
    assert.equal(metadata.symbol.toUtf8(), 'DKZT');
    await submit(api, api.tx.tokens.issue(ASSET, bob.address, 10_000), alice);
    await assert.rejects(
      submit(api, api.tx.tokens.issue(ASSET, bob.address, 1_000_000), alice),
      (error) => error.module === 'tokens.OverAuthorisedSupply',
    );

    const reference = blake2AsHex('payment order 77');
    await submit(api, api.tx.tokens.confirmDeposit(ASSET, charlie.address, 5_000, reference), alice);
    await assert.rejects(
      submit(api, api.tx.tokens.confirmDeposit(ASSET, charlie.address, 5_000, reference), alice),
      (error) => error.module === 'tokens.DuplicateDepositReference',
    );
    assert.equal(await balanceOf(charlie), 5_000n);

    // The pallet's `AssetView` as it derives serde: amounts as decimal strings.
    const asset = await rpc('asset', [ASSET]);
    assert.equal(asset.issued, '15000');
    assert.equal(asset.issuable, '985000');
    assert.deepEqual(asset.details, {
      policy,
      feeCollector: dave.address,
      authorised: '1000000',
      collateral: '1000000',
      collateralRatio: '1',
      collateralRecords: 1,
      nextCollateral: 1,
      pendingWithdrawals: '0',
    });
    const typedAsset = (await api.rpc.tokens.asset(ASSET)).unwrap();
    assert.equal(typedAsset.details.policy.minKycLevel.toNumber(), 1);
    assert.equal(typedAsset.issuable.toBigInt(), 985_000n);
  });

  it('charges the fee, applies the daily limit the quote predicted, and refuses outsiders', async () => {
    await submit(api, api.tx.utility.batchAll([
      api.tx.tokens.setFee(ASSET, { Asset: null }, { flat: 10, percent: 10_000, min: 0, max: null }),
      api.tx.tokens.setLimits(ASSET, { Asset: null }, { perPayment: null, perDay: 1_500, perMonth: null }),
    ]), alice);

    const sent = await submit(api, api.tx.tokens.transfer(ASSET, charlie.address, 1_000), bob);
    const transferred = findEvent(sent.events, 'tokens', 'Transferred');
    assert.equal(transferred.data.amount.toNumber(), 1_000);
    assert.equal(transferred.data.fee.toNumber(), 20);
    assert.equal(await balanceOf(bob), 10_000n - 1_020n);
    assert.equal(await balanceOf(dave), 20n);

    // The pallet's `TransferQuote`: the refusal is the tokens error's name, a scope its variant.
    const refused = await rpc('quoteTransfer', [ASSET, bob.address, charlie.address, 600]);
    assert.deepEqual(refused, {
      fee: '16',
      feeScope: 'Asset',
      limitScope: 'Asset',
      refusal: 'OverDailyLimit',
      dailyRemaining: '500',
      monthlyRemaining: null,
    });
    await assert.rejects(
      submit(api, api.tx.tokens.transfer(ASSET, charlie.address, 600), bob),
      (error) => error.module === 'tokens.OverDailyLimit',
    );
    const typed = await api.rpc.tokens.quoteTransfer(ASSET, bob.address, charlie.address, 500);
    assert.equal(typed.refusal.isNone, true);
    assert.equal(typed.feeScope.unwrap().isAsset, true);
    assert.equal(typed.fee.toString(), '15');

    await assert.rejects(
      submit(api, api.tx.tokens.transfer(ASSET, eve.address, 1), bob),
      (error) => error.module === 'tokens.RecipientNotParticipant',
    );
    // pallet-assets' own transfer is filtered out: no way around the rules.
    await assert.rejects(
      submit(api, api.tx.assets.transfer(ASSET, eve.address, 1), bob),
      (error) => error.module === 'system.CallFiltered',
    );
    assert.equal(await balanceOf(eve), 0n);
  });

  it('locks a withdrawal in escrow and burns it when the payout is confirmed', async () => {
    const before = BigInt((await rpc('asset', [ASSET])).issued);
    const requested = await submit(api,
      api.tx.tokens.requestWithdrawal(ASSET, 1_000, blake2AsHex('IBAN KZ00 0000')), charlie);
    const { id, fee } = findEvent(requested.events, 'tokens', 'WithdrawalRequested').data;
    assert.equal(fee.toNumber(), 20);
    assert.equal((await rpc('asset', [ASSET])).details.pendingWithdrawals, '1020');
    await submit(api, api.tx.tokens.confirmWithdrawal(id), alice);
    const asset = await rpc('asset', [ASSET]);
    assert.equal(BigInt(asset.issued), before - 1_000n);
    assert.equal(asset.details.pendingWithdrawals, '0');
    assert.equal(await balanceOf(charlie), 5_000n + 1_000n - 1_020n);
  });

  it('pays a batch of legs all or nothing, each under the rules (transfer_many)', async () => {
    await submit(api, api.tx.tokens.issue(ASSET, alice.address, 10_000), alice);
    const balances = async () => Promise.all([alice, bob, charlie, dave].map(balanceOf));
    const before = await balances();
    // Alice's day allows 1,500 (the asset's limit): the second leg of 700 + 801 breaks it, and
    // the first is not paid either.
    await assert.rejects(
      submit(api, api.tx.tokens.transferMany(ASSET, [[bob.address, 700], [charlie.address, 801]]), alice),
      (error) => error.module === 'tokens.OverDailyLimit',
    );
    await assert.rejects(
      submit(api, api.tx.tokens.transferMany(ASSET, [[bob.address, 700], [eve.address, 1]]), alice),
      (error) => error.module === 'tokens.RecipientNotParticipant',
    );
    assert.deepEqual(await balances(), before);

    const paid = await submit(api,
      api.tx.tokens.transferMany(ASSET, [[bob.address, 700], [charlie.address, 800]]), alice);
    const legs = paid.events.filter((event) => api.events.tokens.Transferred.is(event))
      .map(({ data }) => [data.to.toString(), data.amount.toNumber(), data.fee.toNumber()]);
    // 10 flat + 1 % each, to Dave (the collector).
    assert.deepEqual(legs, [[bob.address, 700, 17], [charlie.address, 800, 18]]);
    assert.deepEqual(await balances(), [
      before[0] - 1_535n, before[1] + 700n, before[2] + 800n, before[3] + 35n,
    ]);
    assert.equal((await rpc('quoteTransfer', [ASSET, alice.address, bob.address, 1])).refusal, 'OverDailyLimit');
  });

  it('answers every tokens_* method in the shape node/rpc-definitions.json declares', () => {
    rpc.assertAllChecked();
  });
});
