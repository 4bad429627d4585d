// The audit court's ticket flow, on the client's side. An auditor learns privately whether it
// qualifies for a case's draw — an sr25519 VRF over the draw's transcript with its own key, which
// `pactum-audit-ticket` evaluates (no maintained JavaScript library evaluates schnorrkel's VRF on a
// custom transcript) —, then sends `Audit.commit(case, ticket, commitment)` and later
// `Audit.reveal(case, vote, salt)`. This module builds the commitment the pallet checks at reveal
// (`sortition::commitment`) from a salt (32 random bytes: `crypto.getRandomValues`, kept until
// the reveal); the ticket goes to the call as the tool prints it
// (`{ pre_output, proof }` in PAPI's typed API, `{ preOutput, proof }` in polkadot.js).
import {
  AccountId, Blake2256, Bytes, Tuple, Variant, _void, u8, u32,
} from '@polkadot-api/substrate-bindings';
import { toHex } from 'polkadot-api/utils';
import { fixedBytes } from './bytes.js';

/** The domain that separates vote commitments (`sortition::COMMITMENT_DOMAIN`). */
export const COMMITMENT_DOMAIN = new TextEncoder().encode('pactum-audit-vote');

/** The votes, in the pallet's order (`Verdict`). */
export const VERDICTS = ['Upheld', 'Rejected'];

const commitmentCodec = Tuple(
  Bytes(), u32, u8, u8, AccountId(), Variant(Object.fromEntries(VERDICTS.map((v) => [v, _void]))), Bytes(32),
);

function integer(value, max, what) {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0 || n > max) throw new TypeError(`${what} must be an integer from 0 to ${max}, not ${value}`);
  return n;
}

function verdict(vote) {
  const name = VERDICTS.find((v) => v.toLowerCase() === String(vote).toLowerCase());
  if (name === undefined) throw new TypeError(`a vote is one of ${VERDICTS.join(', ')}, not ${vote}`);
  return name;
}

/**
 * The commitment `auditor` (an SS58 address) sends with its ticket for `vote` ('Upheld' or
 * 'Rejected', any case) on `case`, in draw `round` (0: the first panel, 1: the objection panel)
 * and `attempt`: BLAKE2b-256 of the SCALE encoding of (domain, case, round, attempt, auditor,
 * vote, salt). The same salt and vote must be revealed.
 */
export function voteCommitment({ case: caseId, round = 0, attempt = 0, auditor, vote, salt }) {
  return toHex(Blake2256(commitmentCodec.enc([
    COMMITMENT_DOMAIN, integer(caseId, 0xffff_ffff, 'case'), integer(round, 0xff, 'round'),
    integer(attempt, 0xff, 'attempt'), auditor,
    { type: verdict(vote), value: undefined }, fixedBytes(salt, 32, 'salt'),
  ])));
}
