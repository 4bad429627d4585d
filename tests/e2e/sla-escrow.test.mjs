// The SLA escrow contract on a development node, paid in a regulated token with a transfer fee:
// Alice deploys it (it registers itself, Alice answering for it) for Bob (customer) and Charlie
// (provider); Bob funds it, Charlie claims the first milestone, Bob disputes the rest, the
// contract takes the dispute to the auditor court through the chain extension, a panel of
// three upholds Bob's claim, and resolving returns the rest to Bob — every balance exact, fees
// included.
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { blake2AsHex } from '@polkadot/util-crypto';
import { startDevChain } from './lib/node.mjs';
import { submit, findEvent } from './lib/tx.mjs';
import { loadBundle, deploy, contractClient, variant } from './lib/contracts.mjs';
import { EPOCH, shortenCalendar, enrolAuditors, signalAll, decideCase, bestBlock, waitBlock } from './lib/court.mjs';

const UNIT = 10n ** 12n;
const ASSET = 61;
const FEE = 2n;
const FIRST = 300n;
const REST = 700n;
// The agreement's worth in PACT, which a dispute puts at risk: the court stakes 5 % of it from
// the contract's endowment.
const WORTH = 4_000n * UNIT;
const POLICY = { unverified: false, verified: true, corporate: true, minKycLevel: 1, contract: true };

describe('SLA escrow contract on pactum-node --dev', () => {
  let chain;
  let api;
  let client;
  let alice;
  let bob;
  let charlie;
  let dave;
  let eve;
  let ferdie;
  let auditors;
  let firstDue;
  let caseId;

  const tokens = async (who) => (await api.query.assets.account(ASSET, who)).unwrapOr(null)?.balance.toBigInt() ?? 0n;
  const big = (value) => BigInt(value);

  before(async () => {
    chain = await startDevChain();
    ({ api } = chain);
    [alice, bob, charlie, dave, eve, ferdie] = chain.keys('Alice', 'Bob', 'Charlie', 'Dave', 'Eve', 'Ferdie');
    auditors = [['//Dave', dave], ['//Eve', eve], ['//Ferdie', ferdie]];
    await shortenCalendar(api, alice);
    await enrolAuditors(api, alice, [eve, ferdie]);
    await submit(api, api.tx.utility.batchAll([
      api.tx.tokens.createAsset(ASSET, 1, POLICY, alice.address, 1_000_000_000_000_000_000n),
      api.tx.tokens.setAuthorisedSupply(ASSET, 1_000_000n),
      api.tx.tokens.addCollateral(ASSET, 1_000_000n, blake2AsHex('collateral')),
      api.tx.tokens.issue(ASSET, bob.address, 10_000n),
      api.tx.tokens.setFee(ASSET, 'Asset', { flat: FEE, percent: 0, min: 0, max: null }),
    ]), alice);
  });

  after(async () => {
    await chain?.stop();
  });

  it('deploys for Bob and Charlie; the contract registers itself', async () => {
    const escrow = loadBundle(api, 'sla-escrow');
    firstDue = (await bestBlock(api)) + 3;
    const milestones = [[firstDue, FIRST], [firstDue + 10_000, REST]];
    const { contract } = await deploy(api, escrow, alice, {
      args: [bob.address, charlie.address, ASSET, milestones, firstDue + 20_000, WORTH],
      value: 1_000n * UNIT,
    });
    client = contractClient(api, contract);
    const participant = (await api.rpc.registry.participant(client.address)).unwrap();
    assert.equal(participant.kind.toString(), 'Contract');
    assert.equal(participant.contract.unwrap().registrar.toString(), alice.address);
    assert.equal(variant((await client.query(bob, 'phase')).value), 'AwaitingFunds');
    assert.equal(big((await client.query(bob, 'needed')).value.ok), FIRST + REST + 2n * FEE);
  });

  it('is funded by the customer with the milestones and the fees of paying them', async () => {
    const total = FIRST + REST + 2n * FEE;
    assert.deepEqual(await client.refusal(bob, 'fund'), 'Underfunded');
    const outcome = await client.execAfter(bob, [api.tx.tokens.transfer(ASSET, client.address, total)], 'fund');
    assert.equal(outcome.contractEvents[0].name, 'Funded');
    assert.equal(await tokens(client.address), total);
    assert.equal(await tokens(bob.address), 10_000n - total - FEE);
  });

  it('pays the provider a due milestone by a regulated transfer from the contract', async () => {
    await waitBlock(api, firstDue);
    const outcome = await client.exec(charlie, 'claim');
    assert.equal(big(outcome.contractEvents[0].fields.amount), FIRST);
    const transferred = findEvent(outcome.events, 'tokens', 'Transferred');
    assert.equal(transferred.data.from.toString(), client.address);
    assert.equal(transferred.data.fee.toBigInt(), FEE);
    assert.equal(await tokens(charlie.address), FIRST);
    assert.deepEqual(await client.refusal(charlie, 'claim'), 'NothingDue');
    assert.deepEqual(await client.refusal(bob, 'claim'), 'NotProvider');
  });

  it('takes the customer\'s dispute to the auditor court, the contract staking', async () => {
    const signalled = await signalAll(api, auditors, 1_000n * UNIT);
    // Opened in the epoch before the signalled one, the case is drawn in it.
    await waitBlock(api, (signalled - 1) * EPOCH);
    const outcome = await client.exec(bob, 'dispute', [blake2AsHex('the service of December missed its SLA')]);
    const opened = findEvent(outcome.events, 'audit', 'CaseOpened');
    assert.equal(opened.data.requester.toString(), client.address);
    assert.equal(opened.data.counterparty.toString(), charlie.address);
    assert.equal(opened.data.valueAtRisk.toBigInt(), WORTH);
    assert.equal(opened.data.stake.toBigInt(), WORTH / 20n);
    const byContract = findEvent(outcome.events, 'audit', 'ContractCaseOpened');
    assert.equal(byContract.data.claimant.toString(), bob.address);
    caseId = opened.data.case.toNumber();
    assert.equal(big(outcome.contractEvents[0].fields.case), BigInt(caseId));
    assert.deepEqual(await client.refusal(charlie, 'claim'), 'Disputed');
    assert.deepEqual(await client.refusal(eve, 'resolve'), 'CaseOpen');
  });

  it('applies the verdict: upheld, the rest goes back to the customer', async () => {
    await decideCase(api, caseId, auditors, 'upheld');
    const bobBefore = await tokens(bob.address);
    const outcome = await client.exec(eve, 'resolve');
    const [resolved] = outcome.contractEvents;
    assert.equal(resolved.name, 'Resolved');
    assert.equal(variant(resolved.fields.verdict), 'Upheld');
    assert.equal(big(resolved.fields.toCustomer), REST);
    assert.equal(await tokens(bob.address), bobBefore + REST);
    assert.equal(await tokens(client.address), 0n, 'the escrow held exactly what it paid, fees included');
    assert.equal(variant((await client.query(bob, 'phase')).value), 'Settled');
  });
});
