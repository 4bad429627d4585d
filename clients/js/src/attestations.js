// Presentations of attestations, on the client's side. A holder presents an attestation to a
// verifier off chain by signing, with an authentication key of its DID (`did:pactum:<account>`),
// the verifier's challenge bound to the chain, the attestation and the verifier: SCALE of
// (PRESENTATION_DOMAIN, genesis hash, attestation u64, verifier account, challenge). The verifier
// checks it from chain state alone: the key is one the holder's DID document lists under
// `authentication` (`attestations_resolveDid`), the signature verifies with it, and the
// attestation is about the holder and in force (`attestations_get`). Recording the presentation on
// chain (`Attestations.present(attestation, verifier, challenge)`) is optional.
import { AccountId, Bytes, Tuple, u64 } from '@polkadot-api/substrate-bindings';
import { fixedBytes } from './bytes.js';

/** The domain that separates presentations from every other signature. */
export const PRESENTATION_DOMAIN = new TextEncoder().encode('pactum/attestations/present/v1');

const payloadCodec = Tuple(Bytes(), Bytes(32), u64, AccountId(), Bytes(32));

/**
 * The bytes a holder signs to present `attestation` (a number or bigint) to `verifier` (SS58) in
 * answer to its 32-byte `challenge`, on the chain whose genesis hash is `genesisHash`.
 */
export function presentationPayload({ genesisHash, attestation, verifier, challenge }) {
  return payloadCodec.enc([
    PRESENTATION_DOMAIN,
    fixedBytes(genesisHash, 32, 'genesisHash'),
    BigInt(attestation),
    verifier,
    fixedBytes(challenge, 32, 'challenge'),
  ]);
}
