// The auditor court on a development node, with the audit calendar shortened by sudo to epochs
// of 12 blocks (commits in the first 4, reveals in the next 4). Dave (the dev chain's auditor),
// Eve and Ferdie (made verified auditors by Alice, the dev registry admin) signal for the epoch
// after next, each with a draw key of its own. Alice pays Bob a service fee (half at once, half
// held in escrow) and, in the epoch before the signalled one, opens a case claiming the service
// failed. Once the draw epoch's seed exists each auditor runs `pactum-audit-ticket` privately to
// learn that it qualifies and to build its ticket and vote commitment; all three commit, reveal
// (a quorum: at least 3 of the panel size of 5), and the hook settles the case: decided, and
// once the objection window closes, final, with the escrow clawed back to Alice and the
// validation fee shared by the three.
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { blake2AsHex } from '@polkadot/util-crypto';
import { startDevChain, waitFor, TICKET_BIN } from './lib/node.mjs';
import { checkedRpc } from './lib/definitions.mjs';
import { submit, findEvent } from './lib/tx.mjs';
import { EPOCH, COMMIT, REVEAL, shortenCalendar, enrolAuditors } from './lib/court.mjs';

const UNIT = 10n ** 12n;

describe('audit on pactum-node --dev', () => {
  let chain;
  let api;
  let provider;
  let alice;
  let bob;
  let dave;
  let eve;
  let ferdie;
  let auditors;
  let signalledEpoch;
  let caseId;
  let escrowId;
  const tickets = new Map();
  // Every answer is checked against node/rpc-definitions.json (see lib/definitions.mjs).
  const rpc = checkedRpc(() => provider, 'audit');
  const best = async () => (await api.rpc.chain.getHeader()).number.toNumber();
  const waitBlock = (n) => waitFor(async () => (await best()) >= n, (n + 2) * 7_000, `block ${n}`);

  before(async () => {
    chain = await startDevChain();
    ({ api, provider } = chain);
    [alice, bob, dave, eve, ferdie] = chain.keys('Alice', 'Bob', 'Dave', 'Eve', 'Ferdie');
    auditors = [['//Dave', dave], ['//Eve', eve], ['//Ferdie', ferdie]];
    await shortenCalendar(api, alice);
    assert.equal(api.consts.audit.panelSize.toNumber(), 5);
    // Eve and Ferdie become verified auditors (role 8, the audit pallet's).
    await enrolAuditors(api, alice, [eve, ferdie]);
  });

  after(async () => {
    await chain?.stop();
  });

  it('signals three auditors for the epoch after next, each with its own draw key', async () => {
    const stake = 1_000n * UNIT;
    const results = await Promise.all(auditors.map(([, who]) =>
      submit(api, api.tx.audit.signal(stake, 2, who.publicKey), who)));
    const signalled = findEvent(results[0].events, 'audit', 'Signalled');
    assert.equal(signalled.data.stake.toBigInt(), stake);
    signalledEpoch = signalled.data.epoch.toNumber();
    const now = Math.floor((await best()) / EPOCH);
    assert.ok(signalledEpoch >= now + 2, 'a signal is frozen a whole epoch before its seed');
    // The pallet's `AuditorView` as it derives serde: amounts decimal strings, the key 0x hex.
    const auditor = await rpc('auditor', [dave.address]);
    assert.equal(auditor.stake, stake.toString());
    assert.equal(auditor.vrfKey, `0x${Buffer.from(dave.publicKey).toString('hex')}`);
    assert.deepEqual(signalledEpoch === now + 2 ? auditor.afterNext : auditor.next, { capacity: 2, seats: 0 });
    assert.equal(auditor.lastEpoch, signalledEpoch);
    assert.equal(auditor.pendingBurn, '0');
    // A plain participant without the role cannot signal; nobody draws with another's key.
    await assert.rejects(submit(api, api.tx.audit.signal(stake, 1, bob.publicKey), bob),
      (error) => error.module === 'audit.NotAuditor');
    await assert.rejects(submit(api, api.tx.audit.signal(stake, 2, dave.publicKey), ferdie),
      (error) => error.module === 'audit.KeyTaken');
  });

  it('pays a service fee into escrow and opens a case about it', async () => {
    // Opened in the epoch before the signalled one, the case is drawn in it.
    await waitBlock((signalledEpoch - 1) * EPOCH);
    const paid = await submit(api, api.tx.audit.payServiceFee(bob.address, 1_000n * UNIT), alice);
    const escrow = findEvent(paid.events, 'audit', 'EscrowOpened');
    assert.equal(escrow.data.paid.toBigInt(), 500n * UNIT);
    assert.equal(escrow.data.held.toBigInt(), 500n * UNIT);
    escrowId = escrow.data.escrow.toNumber();
    const opened = await submit(api, api.tx.audit.openCase(
      bob.address, blake2AsHex('the service of November failed its SLA'), 4_000n * UNIT, escrowId,
    ), alice);
    const event = findEvent(opened.events, 'audit', 'CaseOpened');
    caseId = event.data.case.toNumber();
    // 5 % of the value at risk.
    assert.equal(event.data.stake.toBigInt(), 200n * UNIT);
    // The pallet's `CaseView`: the phase an externally tagged enum, amounts decimal strings.
    const status = await rpc('case', [caseId]);
    const drawEpoch = event.data.drawEpoch.toNumber();
    assert.equal(drawEpoch, signalledEpoch);
    assert.deepEqual(status.phase, { Voting: { round: 0, epoch: drawEpoch } });
    assert.equal(status.stake, (200n * UNIT).toString());
    assert.equal(status.valueAtRisk, (4_000n * UNIT).toString());
    assert.equal(status.escrow, escrowId);
    assert.deepEqual(status.tally, [0, 0]);
    assert.equal(status.seed, null, 'the seed does not exist before the draw epoch');
    assert.deepEqual(status.deadlines, [drawEpoch * EPOCH, drawEpoch * EPOCH + COMMIT, drawEpoch * EPOCH + COMMIT + REVEAL]);
  });

  it('each auditor checks its eligibility privately and commits its vote with its ticket', async () => {
    const opened = await rpc('case', [caseId]);
    await waitBlock(opened.deadlines[0]);
    const status = await rpc('case', [caseId]);
    assert.match(status.seed, /^0x[0-9a-f]{64}$/);
    for (const [suri, who] of auditors) {
      const out = execFileSync(TICKET_BIN, [
        '--suri', suri, '--seed', status.seed, '--case', String(caseId),
        '--round', '0', '--attempt', String(status.attempt), '--threshold', status.threshold,
        '--vote', 'upheld', '--account', who.address,
      ], { encoding: 'utf8' });
      tickets.set(who.address, JSON.parse(out));
      // Three signalled auditors for a target of 10 qualifiers: everyone qualifies.
      assert.equal(tickets.get(who.address).qualifies, true);
    }
    const daves = tickets.get(dave.address);
    // Bob, no auditor, cannot take a seat with Dave's ticket.
    await assert.rejects(submit(api, api.tx.audit.commit(caseId, daves.ticket, daves.commitment), bob),
      (error) => error.module === 'audit.NotAuditor');
    const committed = await Promise.all(auditors.map(([, who]) => {
      const { ticket, commitment } = tickets.get(who.address);
      return submit(api, api.tx.audit.commit(caseId, ticket, commitment), who);
    }));
    committed.forEach((result) => assert.ok(findEvent(result.events, 'audit', 'Committed')));
    assert.equal((await rpc('case', [caseId])).seats, 3);
  });

  it('reveals after the commit window; a wrong salt is refused', async () => {
    const status = await rpc('case', [caseId]);
    await waitBlock(status.deadlines[1]);
    await assert.rejects(
      submit(api, api.tx.audit.reveal(caseId, 'Upheld', `0x${'00'.repeat(32)}`), dave),
      (error) => error.module === 'audit.CommitmentMismatch',
    );
    const revealed = await Promise.all(auditors.map(([, who]) =>
      submit(api, api.tx.audit.reveal(caseId, 'Upheld', tickets.get(who.address).salt), who)));
    revealed.forEach((result) =>
      assert.equal(findEvent(result.events, 'audit', 'Revealed').data.vote.toString(), 'Upheld'));
    assert.deepEqual((await rpc('case', [caseId])).tally, [3, 0]);
  });

  it('settles: decided when the reveal window closes, final when the objection window does', async () => {
    const status = await rpc('case', [caseId]);
    await waitBlock(status.deadlines[2]);
    const decided = await waitFor(async () => {
      const now = await rpc('case', [caseId]);
      return now?.phase?.Decided ? now : null;
    }, 30_000, 'the decision');
    assert.equal(decided.phase.Decided.verdict, 'Upheld');
    // polkadot.js decodes the custom RPC with the shipped definitions.
    const typed = (await api.rpc.audit.case(caseId)).unwrap();
    assert.equal(typed.phase.isDecided, true);
    assert.equal(typed.phase.asDecided.verdict.toString(), 'Upheld');
    // Once decided there is no draw: no seed, no threshold.
    assert.equal(decided.threshold, null);
    assert.equal(typed.threshold.isNone, true);
    const aliceBefore = (await api.query.system.account(alice.address)).data.free.toBigInt();
    const daveBefore = (await api.query.system.account(dave.address)).data.free.toBigInt();
    await waitBlock(decided.deadlines[0]);
    await waitFor(async () => (await rpc('case', [caseId])) === null, 30_000, 'the case to close');
    const aliceAfter = (await api.query.system.account(alice.address)).data.free.toBigInt();
    const daveAfter = (await api.query.system.account(dave.address)).data.free.toBigInt();
    // Alice: her stake (200) back less the 5 % validation fee (10), and the escrow (500) back.
    assert.equal(aliceAfter - aliceBefore, 190n * UNIT + 500n * UNIT);
    // Dave: a third of the fee (the first of the majority gets the rounding remainder), his
    // seat deposit back, and his stake released (his epoch is over).
    const third = 10n * UNIT / 3n;
    assert.ok([third, third + 1n].includes(daveAfter - daveBefore - 100n * UNIT - 1_000n * UNIT));
    assert.equal(await rpc('auditor', [dave.address]), null);
    const escrow = await api.query.audit.escrows(escrowId);
    assert.ok(escrow.isNone, 'the escrow was clawed back');
  });

  it('answers every audit_* method in the shape node/rpc-definitions.json declares', () => {
    rpc.assertAllChecked();
  });
});
