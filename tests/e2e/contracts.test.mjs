// The roaming settlement contract on a development node, settling in a regulated token: its
// .contract bundle (scripts/build-contracts.sh) is uploaded and instantiated through
// @polkadot/api-contract by Alice, who answers for it (it registers itself as a participant),
// and two operators holding the RoamingOperator role run a whole roaming cycle: join, deposit
// tokens, post, confirm, dispute, correct, settle — every payout a regulated transfer from the
// contract, its fee out of the payer's deposit.
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { blake2AsHex } from '@polkadot/util-crypto';
import { startDevChain } from './lib/node.mjs';
import { submit, findEvent } from './lib/tx.mjs';
import { loadBundle, deploy, contractClient } from './lib/contracts.mjs';

const UNIT = 10n ** 12n;
const ASSET = 60;
const ROAMING_OPERATOR = 9;
const FEE = 2n;
const TARIFF_BOB = 3n;
const TARIFF_CHARLIE = 5n;
const START = 1_700_000_000_000;
const END = START + 86_400_000;
const POLICY = { unverified: false, verified: true, corporate: true, minKycLevel: 1, contract: true };

describe('roaming contract on pactum-node --dev', () => {
  let chain;
  let api;
  let roaming;
  let client;
  let alice;
  let bob;
  let charlie;
  let eve;

  const tokens = async (who) => (await api.query.assets.account(ASSET, who)).unwrapOr(null)?.balance.toBigInt() ?? 0n;
  const big = (value) => BigInt(value);
  /** `who` sends `amount` to the contract and credits it, in one batch. */
  const deposit = (who, amount) => client.execAfter(who,
    [api.tx.tokens.transfer(ASSET, client.address, amount)], 'deposit', [amount]);

  before(async () => {
    chain = await startDevChain();
    ({ api } = chain);
    [alice, bob, charlie, eve] = chain.keys('Alice', 'Bob', 'Charlie', 'Eve');
    // Alice (every admin role on the dev chain) creates the settlement asset, admitting
    // contracts, with a flat fee of 2 to herself, and issues it to Bob and Charlie, who become
    // roaming operators.
    await submit(api, api.tx.utility.batchAll([
      api.tx.tokens.createAsset(ASSET, 1, POLICY, alice.address, 1_000_000_000_000_000_000n),
      api.tx.tokens.setAuthorisedSupply(ASSET, 1_000_000n),
      api.tx.tokens.addCollateral(ASSET, 1_000_000n, blake2AsHex('collateral')),
      api.tx.tokens.issue(ASSET, bob.address, 10_000n),
      api.tx.tokens.issue(ASSET, charlie.address, 10_000n),
      api.tx.tokens.setFee(ASSET, 'Asset', { flat: FEE, percent: 0, min: 0, max: null }),
      api.tx.registry.grantRole(bob.address, ROAMING_OPERATOR),
      api.tx.registry.grantRole(charlie.address, ROAMING_OPERATOR),
    ]), alice);
  });

  after(async () => {
    await chain?.stop();
  });

  it('loads the bundle in the Abi polkadot.js apps uses', () => {
    roaming = loadBundle(api, 'roaming');
    const messages = roaming.abi.messages.map((m) => m.method);
    for (const m of ['invite', 'join', 'deposit', 'withdraw', 'postUsage', 'confirm', 'dispute',
      'proposeCorrection', 'acceptCorrection', 'settle', 'terms']) {
      assert.ok(messages.includes(m), m);
    }
    assert.ok(roaming.abi.events.some((e) => e.identifier.endsWith('Settled')));
  });

  it('deploys: the contract registers itself, Alice answering for it', async () => {
    const { contract } = await deploy(api, roaming, alice, { args: [ASSET, ROAMING_OPERATOR], value: 10n * UNIT });
    client = contractClient(api, contract);
    const participant = await api.rpc.registry.participant(client.address);
    assert.equal(participant.unwrap().kind.toString(), 'Contract');
    assert.equal(participant.unwrap().contract.unwrap().registrar.toString(), alice.address);
    assert.deepEqual((await client.query(alice, 'terms')).value, [ASSET, ROAMING_OPERATOR]);
  });

  it('admits only participants holding the operator role', async () => {
    await client.exec(alice, 'invite', [eve.address]);
    assert.deepEqual(await client.refusal(eve, 'join', [1]), 'NotEligible');
  });

  it('runs a roaming cycle in tokens: join, deposit, post, confirm, dispute, correct, settle', async () => {
    await client.exec(alice, 'invite', [bob.address]);
    await client.exec(alice, 'invite', [charlie.address]);
    await client.exec(bob, 'join', [TARIFF_BOB]);
    await client.exec(charlie, 'join', [TARIFF_CHARLIE]);
    let outcome = await deposit(bob, 1_000n);
    assert.equal(outcome.contractEvents[0].name, 'Deposited');
    await deposit(charlie, 1_000n);
    // Each deposit's transfer into the contract paid its fee on top.
    assert.equal(await tokens(bob.address), 10_000n - 1_000n - FEE);
    assert.equal(await tokens(client.address), 2_000n);
    // Tokens nobody sent cannot be credited.
    assert.equal(await client.refusal(bob, 'deposit', [1n]), 'NotReceived');

    outcome = await client.exec(bob, 'postUsage', [charlie.address, blake2AsHex('cdr-bob-1'), 10, START, END]);
    const bobBatch = outcome.contractEvents[0].fields.batch;
    await client.exec(charlie, 'confirm', [bobBatch]);
    outcome = await client.exec(charlie, 'postUsage', [bob.address, blake2AsHex('cdr-charlie-1'), 20, START, END]);
    const charlieBatch = outcome.contractEvents[0].fields.batch;
    await client.exec(bob, 'dispute', [charlieBatch, blake2AsHex('double-counted calls')]);
    await client.exec(charlie, 'proposeCorrection', [charlieBatch, blake2AsHex('cdr-charlie-1b'), 15]);
    outcome = await client.exec(bob, 'acceptCorrection', [charlieBatch]);
    assert.deepEqual(outcome.contractEvents.map((e) => e.name), ['CorrectionAccepted', 'BatchConfirmed']);

    // Bob owes 75, Charlie 30: Bob pays Charlie 45, the fee out of Bob's deposit.
    const net = 15n * TARIFF_CHARLIE - 10n * TARIFF_BOB;
    const charlieBefore = await tokens(charlie.address);
    const aliceBefore = await tokens(alice.address);
    outcome = await client.exec(bob, 'settle', [charlie.address]);
    const [settled] = outcome.contractEvents;
    assert.equal(settled.name, 'Settled');
    assert.deepEqual([big(settled.fields.amount), big(settled.fields.fee)], [net, FEE]);
    assert.ok(findEvent(outcome.events, 'tokens', 'Transferred'), 'a regulated transfer');
    assert.equal(await tokens(charlie.address), charlieBefore + net);
    assert.equal(await tokens(alice.address), aliceBefore + FEE, 'the fee collector got the fee');
    assert.equal(await tokens(client.address), 2_000n - net - FEE);
    const bobRecord = (await client.query(bob, 'operator', [bob.address])).value;
    assert.equal(big(bobRecord.deposit), 1_000n - net - FEE);
    assert.equal(big(bobRecord.debts), 0n);

    // A withdrawal pays its fee out of the deposit too.
    outcome = await client.exec(charlie, 'withdraw', [100n]);
    assert.equal(big(outcome.contractEvents[0].fields.deposit), 1_000n - 100n - FEE);
    assert.equal(await tokens(charlie.address), charlieBefore + net + 100n);
  });

  it('reports the contract\'s error for a refused call and changes nothing', async () => {
    const batch = (await client.exec(bob, 'postUsage',
      [charlie.address, blake2AsHex('cdr-bob-2'), 4, START, END])).contractEvents[0].fields.batch;
    await client.exec(charlie, 'confirm', [batch]);
    assert.equal(await client.refusal(charlie, 'confirm', [batch]), 'NotPending');
    assert.equal(await client.refusal(bob, 'settle', [alice.address]), 'NotOperator');
    // Banned, Charlie can no longer be paid or settle.
    await submit(api, api.tx.registry.ban(charlie.address, 1, null), alice);
    assert.equal(await client.refusal(bob, 'settle', [charlie.address]), 'NotEligible');
    const { gasRequired } = await client.query(charlie, 'withdraw', [1n]);
    await assert.rejects(
      submit(api, roamingTx('withdraw', gasRequired, 1n), charlie),
      (error) => error.module === 'contracts.ContractReverted',
    );
    await submit(api, api.tx.registry.unban(charlie.address), alice);
  });

  /** The `contracts.call` extrinsic of a message, with the gas given. */
  function roamingTx(message, gasLimit, ...args) {
    return api.tx.contracts.call(client.address, 0, gasLimit, null,
      roaming.abi.findMessage(message).toU8a(args));
  }
});
