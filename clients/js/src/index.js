// @pactum/client: what a JavaScript client of Pactum needs beyond a generic Substrate client —
// PAPI's descriptors of the runtime, the polkadot.js types bundle, the documents pallet's signing
// payload and relayed signatures, and what a holder signs to present an attestation. See
// clients/js/README.md.
import { pactum } from '../.papi/descriptors/dist/index.js';
import { createClient } from 'polkadot-api';
import bundle from '../generated/types-bundle.json' with { type: 'json' };
import { getWsProvider } from 'polkadot-api/ws';
import { withMetadataHash } from 'polkadot-api/signer';

export { pactum };
export { CompatibilityLevel } from 'polkadot-api';
export { getPolkadotSigner, withMetadataHash } from 'polkadot-api/signer';
export {
  SIGNING_DOMAIN, HASH_ALGORITHMS, signingPayload, contentHash, relayedSignature, toHex,
} from './documents.js';
export {
  COMMITMENT_DOMAIN, VERDICTS, voteCommitment,
} from './audit.js';
export { PRESENTATION_DOMAIN, presentationPayload } from './attestations.js';

/** PACT, the chain's native token, as its metadata hash (RFC 78) and the chain spec's properties give it. */
export const TOKEN = Object.freeze({ symbol: 'PACT', decimals: 12 });

/**
 * `signer` made to sign in `CheckMetadataHash` mode 1: what it signs includes the hash of the
 * runtime's metadata (with PACT's symbol and decimals), as an offline signer that checks the
 * metadata (Ledger's generic app) does. A transaction signed against other metadata is refused
 * as a bad proof.
 */
export function withPactumMetadataHash(signer) {
  return withMetadataHash({ tokenSymbol: TOKEN.symbol, decimals: TOKEN.decimals }, signer);
}

/**
 * The polkadot.js types bundle: `ApiPromise.create({ provider, typesBundle })` gives the API
 * Pactum's custom JSON-RPC methods (`api.rpc.documents.get`, …) and their result types.
 */
export const typesBundle = bundle;

/**
 * A PAPI client of the node at `url` (ws:// or wss://) and its typed API for Pactum's runtime.
 * `websocketClass` is needed where there is no global `WebSocket` (Node.js before 22: pass the
 * `ws` package's). `client.destroy()` closes it.
 */
export function connect(url, { websocketClass } = {}) {
  const client = createClient(getWsProvider(url, websocketClass ? { websocketClass } : undefined));
  return { client, api: client.getTypedApi(pactum) };
}
