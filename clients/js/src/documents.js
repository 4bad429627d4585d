// What the documents pallet signs, built here so that an offline signer (or a backend checking
// what a server hands it) need not trust anyone for the bytes: `signing_payload` of the pallet is
// SCALE of (domain, genesis hash, document u64, version u32, content hash), and a relayed
// signature may sign those bytes or the same wrapped in `<Bytes>…</Bytes>` (what wallet
// extensions' `signRaw` does).
import {
  Bytes, Struct, Tuple, Variant, _void, u32, u64,
} from '@polkadot-api/substrate-bindings';
import { toHex } from 'polkadot-api/utils';

export { toHex };

/** The domain the pallet separates document signatures with (`SIGNING_DOMAIN`). */
export const SIGNING_DOMAIN = new TextEncoder().encode('pactum/documents/sign/v1');

/** The hash algorithms of a content hash, in the pallet's order (`HashAlgorithm`). */
export const HASH_ALGORITHMS = ['Blake2_256', 'Sha2_256', 'Keccak256', 'Sha3_256'];

const contentHashCodec = Struct({
  algorithm: Variant(Object.fromEntries(HASH_ALGORITHMS.map((name) => [name, _void]))),
  digest: Bytes(32),
});
const payloadCodec = Tuple(Bytes(), Bytes(32), u64, u32, contentHashCodec);

function bytes(value, length, what) {
  const out = typeof value === 'string' ? hexToBytes(value, what) : value;
  if (!(out instanceof Uint8Array) || (length !== undefined && out.length !== length)) {
    throw new TypeError(`${what} must be ${length ?? 'some'} bytes (0x-hex or a Uint8Array)`);
  }
  return out;
}

function hexToBytes(hex, what) {
  const digits = hex.startsWith('0x') ? hex.slice(2) : hex;
  if (digits.length % 2 !== 0 || /[^0-9a-f]/i.test(digits)) throw new TypeError(`${what} is not hex: ${hex}`);
  return Uint8Array.from({ length: digits.length / 2 }, (_, i) => parseInt(digits.slice(2 * i, 2 * i + 2), 16));
}

/**
 * The bytes a party signs to sign `version` of `document` on the chain whose genesis hash is
 * `genesisHash`: the pallet's `signing_payload` (and the runtime API `DocumentsApi_signing_payload`
 * answers the same). `hash` is the version's content hash in either shape `contentHash` takes;
 * `document` a number or bigint.
 */
export function signingPayload({ genesisHash, document, version, hash }) {
  const { name, digest } = parseContentHash(hash);
  return payloadCodec.enc([
    SIGNING_DOMAIN,
    bytes(genesisHash, 32, 'genesisHash'),
    BigInt(document),
    Number(version),
    { algorithm: { type: name, value: undefined }, digest },
  ]);
}

/**
 * A content hash in the shape PAPI's typed API takes (`{ algorithm: { type }, digest: '0x…' }`),
 * from that shape or the JSON one the node's RPC and polkadot.js use (`{ algorithm: 'Sha2_256',
 * digest }`).
 */
export function contentHash(hash) {
  const { name, digest } = parseContentHash(hash);
  return { algorithm: { type: name, value: undefined }, digest: toHex(digest) };
}

/** The algorithm's name and the digest's 32 bytes of a content hash in either shape. */
function parseContentHash(hash) {
  const name = typeof hash?.algorithm === 'string' ? hash.algorithm : hash?.algorithm?.type;
  if (!HASH_ALGORITHMS.includes(name)) {
    throw new TypeError(`hash.algorithm must be one of ${HASH_ALGORITHMS.join(', ')}`);
  }
  return { name, digest: bytes(hash.digest, 32, 'hash.digest') };
}

/**
 * A party's signature of `payload` as the `relayed` part of a `SignItem` (documents'
 * `sign_relayed` and the bulk `sign_many`): `signer` the party's account, `signature` its
 * sr25519, ed25519 or ecdsa signature of the payload (or of the payload wrapped in
 * `<Bytes>…</Bytes>`). The shape is the one PAPI's typed API takes (a `MultiSignature` variant
 * with its bytes as hex).
 */
export function relayedSignature({ signer, scheme = 'Sr25519', signature }) {
  const lengths = { Sr25519: 64, Ed25519: 64, Ecdsa: 65, Eth: 65 };
  if (!(scheme in lengths)) throw new TypeError(`scheme must be one of ${Object.keys(lengths).join(', ')}`);
  return { signer, signature: { type: scheme, value: toHex(bytes(signature, lengths[scheme], 'signature')) } };
}
