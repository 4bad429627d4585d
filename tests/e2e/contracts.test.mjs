// The roaming settlement contract on a development node: its .contract bundle (built by
// scripts/build-contracts.sh) is uploaded and instantiated through @polkadot/api-contract, and
// two operators run a whole roaming cycle: join, post, confirm, dispute, correct, settle.
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { blake2AsHex } from '@polkadot/util-crypto';
import { hexToU8a } from '@polkadot/util';
import { Abi, CodePromise, ContractPromise } from '@polkadot/api-contract';
import { startDevChain } from './lib/node.mjs';
import { submit, findEvent } from './lib/tx.mjs';

const BUNDLES = process.env.PACTUM_CONTRACTS_DIR
  ?? join(process.env.HOME, '.cache/pactum/target-ink/bundles');
const MILLI_UNIT = 1_000_000_000n;
const TARIFF_BOB = 3n * MILLI_UNIT;
const TARIFF_CHARLIE = 5n * MILLI_UNIT;
const START = 1_700_000_000_000;
const END = START + 86_400_000;

describe('roaming contract on pactum-node --dev', () => {
  const bundle = JSON.parse(readFileSync(join(BUNDLES, 'roaming.contract'), 'utf8'));
  let chain;
  let api;
  let abi;
  let contract;
  let alice;
  let bob;
  let charlie;
  let dryRunGas;

  /** A message's dry run: `{ gasRequired, value }`, `value` the decoded return value. */
  async function query(signer, message, args = [], value = 0n) {
    const { gasRequired, result, output } = await contract.query[message](
      signer.address, { gasLimit: dryRunGas, storageDepositLimit: null, value }, ...args);
    assert.ok(result.isOk, `${message} trapped: ${result.toString()}`);
    const { ok, err } = output.toJSON();
    assert.equal(err, undefined, `${message}: ink! LangError ${JSON.stringify(err)}`);
    return { gasRequired, value: ok };
  }

  /** The contract's error a message would end with, or undefined. */
  async function refusal(signer, message, args = []) {
    const { value } = await query(signer, message, args);
    return value !== null && typeof value === 'object' && 'err' in value ? value.err : undefined;
  }

  /** Dry-runs, then submits a message with the gas the dry run needed; decodes its events. */
  async function exec(signer, message, args = [], value = 0n) {
    const dry = await query(signer, message, args, value);
    const tx = contract.tx[message](
      { gasLimit: dry.gasRequired, storageDepositLimit: null, value }, ...args);
    const outcome = await submit(api, tx, signer);
    outcome.contractEvents = contractEvents(outcome.records);
    return outcome;
  }

  function contractEvents(records) {
    return records
      .filter(({ event }) => api.events.contracts.ContractEmitted.is(event))
      .map((record) => {
        const decoded = abi.decodeEvent(record);
        const name = decoded.event.identifier.split('::').pop();
        const fields = Object.fromEntries(
          decoded.event.args.map((arg, i) => [arg.name, decoded.args[i].toJSON()]));
        return { name, fields };
      });
  }

  const free = async (who) => (await api.query.system.account(who)).data.free.toBigInt();
  const big = (value) => BigInt(value);

  before(async () => {
    chain = await startDevChain();
    ({ api } = chain);
    [alice, bob, charlie] = chain.keys('Alice', 'Bob', 'Charlie');
    const { maxBlock } = api.consts.system.blockWeights;
    dryRunGas = api.registry.createType('WeightV2', {
      refTime: maxBlock.refTime.toBigInt() / 2n, proofSize: maxBlock.proofSize.toBigInt() / 2n,
    });
  });

  after(async () => {
    await chain?.stop();
  });

  it('loads the bundle in the Abi polkadot.js apps uses', () => {
    abi = new Abi(bundle, api.registry.getChainProperties());
    const messages = abi.messages.map((m) => m.method);
    for (const m of ['invite', 'join', 'deposit', 'postUsage', 'confirm', 'dispute',
      'proposeCorrection', 'acceptCorrection', 'settle']) {
      assert.ok(messages.includes(m), m);
    }
    assert.ok(abi.messages.find((m) => m.method === 'deposit').isPayable);
    assert.ok(abi.events.some((e) => e.identifier.endsWith('Settled')));
    const wasm = hexToU8a(bundle.source.wasm);
    assert.equal(blake2AsHex(wasm), bundle.source.hash);
    console.log(`roaming.wasm: ${wasm.length} bytes`);
  });

  it('uploads and instantiates the contract', async () => {
    const code = new CodePromise(api, abi, bundle.source.wasm);
    const dry = await api.call.contractsApi.instantiate(
      alice.address, 0, dryRunGas, null, { Upload: bundle.source.wasm },
      abi.findConstructor('new').toU8a([]), '0x01');
    assert.ok(dry.result.isOk, dry.result.toString());
    const outcome = await submit(api, code.tx.new({
      gasLimit: dry.gasRequired, storageDepositLimit: null, salt: '0x01',
    }), alice);
    const instantiated = findEvent(outcome.events, 'contracts', 'Instantiated');
    assert.ok(instantiated, 'Instantiated event');
    assert.ok(findEvent(outcome.events, 'contracts', 'CodeStored'), 'CodeStored event');
    contract = new ContractPromise(api, abi, instantiated.data.contract);
    assert.equal((await query(alice, 'owner')).value, alice.address);
  });

  it('runs a roaming cycle: join, post, confirm, dispute, correct, settle', async () => {
    let outcome = await exec(alice, 'invite', [bob.address]);
    assert.deepEqual(outcome.contractEvents, [{ name: 'Invited', fields: { operator: bob.address } }]);
    await exec(alice, 'invite', [charlie.address]);
    outcome = await exec(bob, 'join', [TARIFF_BOB]);
    assert.equal(outcome.contractEvents[0].name, 'Joined');
    assert.equal(big(outcome.contractEvents[0].fields.tariff), TARIFF_BOB);
    await exec(charlie, 'join', [TARIFF_CHARLIE]);
    await exec(bob, 'deposit', [], 1_000n * TARIFF_BOB);
    outcome = await exec(charlie, 'deposit', [], 1_000n * TARIFF_CHARLIE);
    assert.equal(big(outcome.contractEvents[0].fields.deposit), 1_000n * TARIFF_CHARLIE);

    // Bob's network served 10 units to Charlie's subscribers; Charlie confirms.
    outcome = await exec(bob, 'postUsage', [charlie.address, blake2AsHex('cdr-bob-1'), 10, START, END]);
    const posted = outcome.contractEvents[0];
    assert.equal(posted.name, 'UsagePosted');
    assert.equal(big(posted.fields.amount), 10n * TARIFF_BOB);
    const bobBatch = posted.fields.batch;
    outcome = await exec(charlie, 'confirm', [bobBatch]);
    assert.equal(outcome.contractEvents[0].name, 'BatchConfirmed');
    assert.equal(big(outcome.contractEvents[0].fields.owed), 10n * TARIFF_BOB);

    // Charlie's network served 20 units to Bob's; Bob disputes, Charlie proposes 15, Bob accepts.
    outcome = await exec(charlie, 'postUsage', [bob.address, blake2AsHex('cdr-charlie-1'), 20, START, END]);
    const charlieBatch = outcome.contractEvents[0].fields.batch;
    outcome = await exec(bob, 'dispute', [charlieBatch, blake2AsHex('double-counted calls')]);
    assert.equal(outcome.contractEvents[0].name, 'BatchDisputed');
    assert.equal((await query(bob, 'owedBy', [bob.address, charlie.address])).value, 0);
    await exec(charlie, 'proposeCorrection', [charlieBatch, blake2AsHex('cdr-charlie-1b'), 15]);
    outcome = await exec(bob, 'acceptCorrection', [charlieBatch]);
    assert.deepEqual(outcome.contractEvents.map((e) => e.name), ['CorrectionAccepted', 'BatchConfirmed']);
    assert.equal(big(outcome.contractEvents[1].fields.amount), 15n * TARIFF_CHARLIE);

    // Settle: Bob owes 75 milli, Charlie owes 30 milli; Bob pays Charlie the 45 milli difference.
    const net = 15n * TARIFF_CHARLIE - 10n * TARIFF_BOB;
    const charlieBefore = await free(charlie.address);
    const contractBefore = await free(contract.address);
    outcome = await exec(bob, 'settle', [charlie.address]);
    const [settled] = outcome.contractEvents;
    assert.equal(settled.name, 'Settled');
    assert.equal(settled.fields.payer, bob.address);
    assert.equal(settled.fields.payee, charlie.address);
    const { amount, payerOwed, payeeOwed } = settled.fields;
    assert.deepEqual([big(amount), big(payerOwed), big(payeeOwed)],
      [net, 15n * TARIFF_CHARLIE, 10n * TARIFF_BOB]);
    assert.equal(await free(charlie.address), charlieBefore + net);
    assert.equal(await free(contract.address), contractBefore - net);
    const bobRecord = (await query(bob, 'operator', [bob.address])).value;
    assert.equal(big(bobRecord.deposit), 1_000n * TARIFF_BOB - net);
    assert.equal(big(bobRecord.debts), 0n);
  });

  it('reports the contract\'s error for a refused call and changes nothing', async () => {
    const batch = (await exec(bob, 'postUsage',
      [charlie.address, blake2AsHex('cdr-bob-2'), 4, START, END])).contractEvents[0].fields.batch;
    await exec(charlie, 'confirm', [batch]);
    const owed = (await query(bob, 'owedBy', [charlie.address, bob.address])).value;
    assert.equal(await refusal(charlie, 'confirm', [batch]), 'NotPending');
    assert.equal(await refusal(bob, 'confirm', [batch]), 'NotHomeOperator');
    assert.equal(await refusal(bob, 'settle', [alice.address]), 'NotOperator');
    const { gasRequired } = await query(charlie, 'confirm', [batch]);
    await assert.rejects(
      submit(api, contract.tx.confirm({ gasLimit: gasRequired, storageDepositLimit: null }, batch), charlie),
      (error) => error.module === 'contracts.ContractReverted',
    );
    assert.equal((await query(bob, 'owedBy', [charlie.address, bob.address])).value, owed);
  });

  it('runs out of gas without changing anything', async () => {
    const args = [charlie.address, blake2AsHex('cdr-bob-3'), 7, START, END];
    const { gasRequired } = await query(bob, 'postUsage', args);
    const starved = api.registry.createType('WeightV2', {
      refTime: gasRequired.refTime.toBigInt() / 10n, proofSize: gasRequired.proofSize,
    });
    await assert.rejects(
      submit(api, contract.tx.postUsage({ gasLimit: starved, storageDepositLimit: null }, ...args), bob),
      (error) => error.module === 'contracts.OutOfGas',
    );
    // The batch was not recorded: posting it again is not a duplicate.
    assert.equal(await refusal(bob, 'postUsage', args), undefined);
  });

  it('measures a usage posting against a native transfer', async () => {
    const weightOf = (outcome) => findEvent(outcome.events, 'system', 'ExtrinsicSuccess')
      .data.dispatchInfo.weight;
    const posting = await exec(bob, 'postUsage',
      [charlie.address, blake2AsHex('cdr-bob-4'), 12, START, END]);
    const transfer = await submit(api, api.tx.balances.transferKeepAlive(charlie.address, MILLI_UNIT), bob);
    const [p, t] = [weightOf(posting), weightOf(transfer)];
    console.log(`post_usage weight: refTime ${p.refTime.toString()} proofSize ${p.proofSize.toString()}`);
    console.log(`balances.transferKeepAlive weight: refTime ${t.refTime.toString()} proofSize ${t.proofSize.toString()}`);
    console.log(`ratio (refTime): ${(Number(p.refTime.toBigInt()) / Number(t.refTime.toBigInt())).toFixed(1)}x`);
    assert.ok(p.refTime.toBigInt() > 0n && t.refTime.toBigInt() > 0n);
  });
});
