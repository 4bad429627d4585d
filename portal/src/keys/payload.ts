// What a signing payload says, checked in the browser before anything signs it: the documents
// pallet's `signing_payload` is SCALE of (domain, genesis hash, document u64, version u32,
// hash algorithm u8, digest [32]). The page signs only a payload naming the document, version
// and text its dialog showed (the genesis hash is the chain's, taken as given).
import type { Version } from '../api';

const DOMAIN = new TextEncoder().encode('pactum/documents/sign/v1');
const ALGORITHM_INDEX: Record<Version['hash']['algorithm'], number> = { Blake2_256: 0, Sha2_256: 1, Keccak256: 2, Sha3_256: 3 };

function bytesOf(hex: string): Uint8Array | null {
  const digits = hex.startsWith('0x') ? hex.slice(2) : hex;
  if (digits.length % 2 !== 0 || /[^0-9a-f]/i.test(digits)) return null;
  return Uint8Array.from({ length: digits.length / 2 }, (_, i) => parseInt(digits.slice(i * 2, i * 2 + 2), 16));
}

function littleEndian(value: number, bytes: number): number[] {
  return Array.from({ length: bytes }, (_, i) => Math.floor(value / 2 ** (8 * i)) % 256);
}

/** Whether `payload` (0x-hex) is the signing payload of `version` of document `document`. */
export function namesVersion(payload: string, document: number, version: Version): boolean {
  const bytes = bytesOf(payload);
  const digest = bytesOf(version.hash.digest);
  if (!bytes || !digest || digest.length !== 32) return false;
  const expected = [
    DOMAIN.length << 2, // the domain's compact length (one byte below 64)
    ...DOMAIN,
    ...new Array<number>(32).fill(-1), // the genesis hash: any
    ...littleEndian(document, 8),
    ...littleEndian(version.index, 4),
    ALGORITHM_INDEX[version.hash.algorithm],
    ...digest,
  ];
  return bytes.length === expected.length && expected.every((b, i) => b === -1 || b === bytes[i]);
}
