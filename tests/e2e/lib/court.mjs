// Driving the auditor court on a dev chain: a short calendar (epochs of 12 blocks, commits in
// the first 4, reveals in the next 4), auditors with draw keys of their own, and a panel that
// votes one way: each auditor learns privately with `pactum-audit-ticket` that it qualifies,
// commits its vote with its ticket, and reveals it.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { blake2AsHex, xxhashAsHex } from '@polkadot/util-crypto';
import { u8aToHex } from '@polkadot/util';
import { voteCommitment } from '@pactum/client/audit';
import { TICKET_BIN, waitFor } from './node.mjs';
import { submit, findEvent } from './tx.mjs';

export const EPOCH = 12;
export const COMMIT = 4;
export const REVEAL = 4;
const AUDITOR_ROLE = 8;

export const bestBlock = async (api) => (await api.rpc.chain.getHeader()).number.toNumber();
export const waitBlock = (api, n) =>
  waitFor(async () => (await bestBlock(api)) >= n, (n + 2) * 7_000, `block ${n}`);

/** Shortens the audit calendar with sudo (storage parameters of the audit pallet). */
export async function shortenCalendar(api, sudo) {
  const u32 = (n) => u8aToHex(api.createType('u32', n).toU8a());
  const items = [['AuditEpochLength', EPOCH], ['AuditCommitPeriod', COMMIT], ['AuditRevealPeriod', REVEAL]]
    .map(([name, value]) => [xxhashAsHex(`:${name}:`, 128), u32(value)]);
  await submit(api, api.tx.sudo.sudo(api.tx.system.setStorage(items)), sudo);
}

/** Registers `accounts` and makes them verified auditors (by Alice, the dev registry admin). */
export async function enrolAuditors(api, alice, accounts) {
  await Promise.all(accounts.map((who) => submit(api, api.tx.registry.register(), who)));
  const expiry = (await bestBlock(api)) + 10_000;
  await submit(api, api.tx.utility.batchAll(accounts.flatMap((who) => [
    api.tx.registry.verifyKyc(who.address, 2, blake2AsHex(`KYC file of ${who.address}`), expiry),
    api.tx.registry.grantRole(who.address, AUDITOR_ROLE),
  ])), alice);
}

/** Each of `auditors` (`[suri, pair]`) signals with `stake`; yields the signalled epoch. */
export async function signalAll(api, auditors, stake) {
  const results = await Promise.all(auditors.map(([, who]) =>
    submit(api, api.tx.audit.signal(stake, 2, who.publicKey), who)));
  return findEvent(results[0].events, 'audit', 'Signalled').data.epoch.toNumber();
}

/**
 * The panel of `auditors` decides case `caseId` with `vote` ('upheld' or 'rejected'): tickets,
 * commits, reveals; resolves once the case is closed (its objection window over).
 */
export async function decideCase(api, caseId, auditors, vote) {
  const status = async () => (await api.rpc.audit.case(caseId)).unwrapOr(null);
  const opened = await status();
  assert.ok(opened, `case ${caseId} is open`);
  const deadlines = opened.deadlines.map((d) => d.toNumber());
  await waitBlock(api, deadlines[0]);
  const drawn = await status();
  const tickets = new Map();
  for (const [suri, who] of auditors) {
    const out = execFileSync(TICKET_BIN, [
      '--suri', suri, '--seed', drawn.seed.unwrap().toHex(), '--case', String(caseId),
      '--round', '0', '--attempt', drawn.attempt.toString(), '--threshold', drawn.threshold.unwrap().toString(),
      '--vote', vote, '--account', who.address,
    ], { encoding: 'utf8' });
    const ticket = JSON.parse(out);
    assert.equal(ticket.qualifies, true, `${suri} qualifies`);
    // @pactum/client builds the same commitment from the salt (what a JavaScript auditor sends).
    assert.equal(voteCommitment({
      case: caseId, attempt: drawn.attempt.toNumber(), auditor: who.address, vote, salt: ticket.salt,
    }), ticket.commitment);
    tickets.set(who.address, ticket);
  }
  await Promise.all(auditors.map(([, who]) => {
    const { ticket, commitment } = tickets.get(who.address);
    return submit(api, api.tx.audit.commit(caseId, ticket, commitment), who);
  }));
  await waitBlock(api, deadlines[1]);
  const verdict = vote === 'upheld' ? 'Upheld' : 'Rejected';
  await Promise.all(auditors.map(([, who]) =>
    submit(api, api.tx.audit.reveal(caseId, verdict, tickets.get(who.address).salt), who)));
  await waitBlock(api, deadlines[2]);
  const decided = await waitFor(async () => {
    const now = await status();
    return now?.phase.isDecided ? now : null;
  }, 30_000, 'the decision');
  const closes = decided.deadlines[0].toNumber();
  await waitBlock(api, closes);
  await waitFor(async () => (await status()) === null, 30_000, 'the case to close');
}
